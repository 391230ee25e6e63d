// Turns the view model's texts (Txt, Rich, Run) into HTML: every data string is escaped here, languages get
// their `lang` attributes, readings become ruby, and only http(s), mailto and tel links survive. The Handlebars
// helpers call these functions, so a template can never print data unescaped.
import Handlebars from 'handlebars';
import type { Rich, Run, Txt } from '../../document/blocks.js';
import { languageProfile } from '../../i18n/profile.js';

const escape = Handlebars.escapeExpression;

/** Splits a run of text into stretches by the language whose glyphs they need (Hangul inside Japanese → ko). */
export type ScriptSplitter = (text: string, lang: string) => { text: string; lang: string }[];
/** Splits a heading into phrases that must not break inside (BudouX); undefined for languages it does not know. */
export type PhraseSplitter = (text: string, lang: string) => string[] | undefined;

export interface MarkupOptions {
  /** The language of the element the text is placed in; runs in another language get a lang attribute. */
  lang: string;
  /** Insert <wbr> between phrases (headings), with `word-break: keep-all` in the stylesheet. */
  phrases?: boolean;
  /**
   * A bilingual pair set side by side where the screen is wide enough (style.css `.pair`): the primary language
   * gets a span of its own too, so each side is one element carrying its `lang`.
   */
  pair?: boolean;
}

export interface MarkupTools {
  scripts: ScriptSplitter;
  phrases: PhraseSplitter;
}

/** Links a reader may follow from a brochure: web pages, e-mail and phone numbers. Everything else is plain text. */
export function safeHref(href: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  const trimmed = href.trim();
  // Control characters and spaces inside a URL are how "java\tscript:" style tricks get past a scheme check;
  // quotes and angle brackets are not URL characters (RFC 3986) and only appear in attempts to break out.
  if (/[\u0000-\u0020\u007f-\u009f"<>`\\{}|^]/.test(trimmed)) return undefined;
  if (/^https?:\/\/[^/?#]+/i.test(trimmed)) return trimmed;
  if (/^mailto:[^\s@]+@[^\s@]+$/i.test(trimmed)) return trimmed;
  if (/^tel:\+?[0-9][0-9-]*$/i.test(trimmed)) return trimmed;
  return undefined;
}

/** Plain text of a Rich, for alt and aria attributes (escaped by Handlebars where it is printed). */
export function plainRich(rich: Rich | undefined): string {
  return (rich ?? []).map((run) => run.text + (run.reading ? `（${run.reading}）` : '')).join('');
}

export function rubyHtml(base: string, reading: string, lang?: string, readingLang?: string): string {
  const langAttr = lang ? ` lang="${escape(lang)}"` : '';
  const rtLang = readingLang && readingLang !== lang ? ` lang="${escape(readingLang)}"` : '';
  return `<ruby${langAttr}>${escape(base)}<rp>（</rp><rt${rtLang}>${escape(reading)}</rt><rp>）</rp></ruby>`;
}

export class Markup {
  constructor(private readonly tools: MarkupTools) {}

  /**
   * A Txt: the primary language, then (bilingual editions) the secondary in its own block with its lang. With
   * `pair`, the primary is a block of its own as well (`t-pri`), first in the DOM, so the two can stand side by side
   * and a screen reader still reads the primary language first.
   */
  txt(txt: Txt | undefined, options: MarkupOptions): string {
    if (!txt) return '';
    const primary = this.rich(txt.primary, options);
    if (!txt.secondary || txt.secondary.length === 0) return primary;
    const lang = txt.secondary[0]!.lang;
    const secondary = this.rich(txt.secondary, { ...options, lang });
    const first = options.pair ? `<span class="t-pri" lang="${escape(options.lang)}">${primary}</span>` : primary;
    return `${first}<span class="t-sec" lang="${escape(lang)}">${secondary}</span>`;
  }

  /** Inline content: consecutive runs in another language than the surroundings share one lang span. */
  rich(rich: Rich | undefined, options: MarkupOptions): string {
    if (!rich || rich.length === 0) return '';
    let html = '';
    let index = 0;
    while (index < rich.length) {
      const lang = rich[index]!.lang;
      let body = '';
      for (; index < rich.length && rich[index]!.lang === lang; index++) body += this.run(rich[index]!, options.lang, options);
      html += lang === options.lang ? body : `<span lang="${escape(lang)}">${body}</span>`;
    }
    return html;
  }

  private run(run: Run, contextLang: string, options: MarkupOptions): string {
    // A reading belongs to the whole name, so the name is not split into phrases or scripts.
    let html = run.reading
      ? rubyHtml(run.text, run.reading, undefined, contextLang !== run.lang ? contextLang : undefined)
      : this.text(run.text, run.lang, options.phrases === true);
    const href = safeHref(run.href);
    if (href) html = `<a href="${escape(href)}">${html}</a>`;
    if (run.small) html = `<small>${html}</small>`;
    if (run.strong) html = `<strong>${html}</strong>`;
    return html;
  }

  /** Text in one language: stretches in another script's language (도란도란 in Japanese) get their own lang. */
  private text(text: string, lang: string, phrases: boolean): string {
    let html = '';
    for (const part of this.tools.scripts(text, lang)) {
      const body = phrases ? this.phrased(part.text, part.lang) : keptWords(part.text, part.lang);
      html += part.lang === lang ? body : `<span lang="${escape(part.lang)}">${body}</span>`;
    }
    return html;
  }

  private phrased(text: string, lang: string): string {
    const phrases = this.tools.phrases(text, lang);
    if (!phrases || phrases.length < 2) return escape(text);
    return phrases.map((phrase) => escape(phrase)).join('<wbr>');
  }
}

/** A closing quote or bracket and the Hangul word it runs into ("’를", "’으로"). */
const QUOTE_AND_WORD = /([’”」』）)\]〉》]+\p{Script=Hangul}+)/u;

/**
 * Escaped text in which, for a language broken at spaces only (Korean: word-break keep-all), a closing quote stays
 * with the particle after it: Chromium breaks "‘한일 우정의 해’ / 를" there, which the PDF's own breaker never does.
 */
function keptWords(text: string, lang: string): string {
  if (!QUOTE_AND_WORD.test(text) || languageProfile(lang).html.wordBreak !== 'keep-all') return escape(text);
  return text.split(QUOTE_AND_WORD).map((piece, index) => (index % 2 === 1 ? `<span class="nobr">${escape(piece)}</span>` : escape(piece))).join('');
}
