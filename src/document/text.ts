// Turns data text (a language-neutral string or {ja, ko, …}) and the fixed wording of templates/labels/*.yaml
// into the `Txt` of one edition: the primary language and, in a bilingual edition, the second language.
import { CORE_SCHEMA, load as parseYaml } from 'js-yaml';
import { join } from 'node:path';
import { languageProfile } from '../i18n/profile.js';
import { prefectureName } from '../model/prefectures.js';
import type { Body, LanguageTag, Person, Text } from '../schema/index.js';
import type { World } from '../world.js';
import type { Edition, Rich, Run, Txt } from './blocks.js';

export type LabelTree = { [key: string]: string | LabelTree };

/** Reads templates/labels/<lang>.yaml for each language: staff edit wording there, not in code. */
export function loadLabels(world: World, languages: readonly LanguageTag[]): Record<string, LabelTree> {
  const labels: Record<string, LabelTree> = {};
  for (const lang of languages) {
    const path = join(world.templatesDir, 'labels', `${lang}.yaml`);
    labels[lang] = (parseYaml(world.readText(path), { schema: CORE_SCHEMA }) ?? {}) as LabelTree;
  }
  return labels;
}

/** The string of a Text in one language: that language, else Japanese, else the first one given. */
export function textIn(text: Text | undefined, lang: LanguageTag): string | undefined {
  if (text === undefined) return undefined;
  if (typeof text === 'string') return text;
  return text[lang] ?? text.ja ?? Object.values(text).find((v) => v !== undefined);
}

/** The language a Text is actually shown in for `lang` (for lang attributes and font choice). */
export function languageOf(text: Text | undefined, lang: LanguageTag): LanguageTag {
  if (text === undefined || typeof text === 'string') return lang;
  if (text[lang] !== undefined) return lang;
  if (text.ja !== undefined) return 'ja';
  return (Object.keys(text)[0] as LanguageTag | undefined) ?? lang;
}

/** Splits `**strong**` emphasis out of a string. */
export function runs(text: string, lang: LanguageTag, style: Partial<Run> = {}): Rich {
  const out: Rich = [];
  const parts = text.split('**');
  parts.forEach((part, index) => {
    if (part === '') return;
    const strong = index % 2 === 1 || style.strong;
    out.push({ ...style, text: part, lang, ...(strong ? { strong: true } : {}) });
  });
  return out;
}

export function plain(rich: Rich): string {
  return rich.map((r) => r.text).join('');
}

/**
 * Two wordings say the same in every language (times, years, figures, URLs): printed once. Japanese writes a range
 * with 〜 and full-width forms where Korean writes ~ and half-width ones, so forms are compared, not code points.
 */
function sameRich(a: Rich, b: Rich): boolean {
  const neutral = (rich: Rich) => plain(rich).normalize('NFKC').replace(/[〜～~]/gu, '~').replace(/\s+/gu, '');
  return plain(a) === plain(b) || neutral(a) === neutral(b);
}

type PerLanguage = (lang: LanguageTag) => Rich | string | undefined;

/** Everything a section builder needs to word its content in one edition. */
export class EditionText {
  constructor(
    readonly edition: Edition,
    private readonly labels: Record<string, LabelTree>,
  ) {}

  /** Builds a Txt by wording the content once per edition language. */
  each(fn: PerLanguage): Txt {
    const toRich = (value: Rich | string | undefined, lang: LanguageTag): Rich =>
      value === undefined ? [] : typeof value === 'string' ? runs(value, lang) : value;
    const primary = toRich(fn(this.edition.primary), this.edition.primary);
    if (!this.edition.secondary) return { primary };
    const secondary = toRich(fn(this.edition.secondary), this.edition.secondary);
    return secondary.length === 0 || sameRich(primary, secondary) ? { primary } : { primary, secondary };
  }

  /** Data text as shown in this edition. */
  text(text: Text | undefined, style: Partial<Run> = {}): Txt {
    return this.each((lang) => {
      const value = textIn(text, lang);
      return value === undefined ? undefined : runs(value, languageOf(text, lang), style);
    });
  }

  /** A raw label string in one language; throws when templates/labels lacks it (a broken install, not bad data). */
  raw(key: string, lang: LanguageTag): string {
    let node: string | LabelTree | undefined = this.labels[lang];
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    if (typeof node !== 'string') {
      if (lang !== 'en' && this.labels.en) return this.raw(key, 'en');
      throw new Error(`templates/labels/${lang}.yaml has no label "${key}"`);
    }
    return node;
  }

  /** Fills `{name}` placeholders of a label; parameters may differ per language. */
  fill(key: string, lang: LanguageTag, params: Record<string, string | number | ((lang: LanguageTag) => string)> = {}): string {
    return this.raw(key, lang).replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'function' ? value(lang) : String(value);
    });
  }

  /**
   * A label that counts something, in the singular where the language's plural rules say "one" ("1 exhibitor",
   * "1 participant"): the label `<key>One` then, else `<key>`. Languages without grammatical number give both alike.
   */
  fillCount(key: string, lang: LanguageTag, count: number, params: Record<string, string | number | ((lang: LanguageTag) => string)> = {}): string {
    const one = new Intl.PluralRules(lang).select(count) === 'one';
    return this.fill(one ? `${key}One` : key, lang, params);
  }

  label(key: string, params: Record<string, string | number | ((lang: LanguageTag) => string)> = {}, style: Partial<Run> = {}): Txt {
    return this.each((lang) => runs(this.fill(key, lang, params), lang, style));
  }

  /** A Japanese body: prefecture, city in a prefecture, or a named organisation. */
  bodyName(body: Body, lang: LanguageTag): string {
    if (body.name) return textIn(body.name, lang) ?? '';
    const prefecture = body.prefecture ? prefectureName(body.prefecture, lang) ?? body.prefecture : '';
    const city = textIn(body.city, lang);
    if (!city) return prefecture;
    if (body.showPrefecture === false || !prefecture) return city;
    // 栃木県小山市, 도치기현 오야마시, but "Oyama City, Tochigi": each language's place order (src/i18n/profile.ts).
    const { placeOrder, placeSeparator } = languageProfile(lang);
    return placeOrder === 'large-to-small' ? `${prefecture}${placeSeparator}${city}` : `${city}${placeSeparator}${prefecture}`;
  }

  body(body: Body): Txt {
    return this.each((lang) => this.bodyName(body, lang));
  }

  /** Joins items with the language's list separator: 、 in Japanese, , elsewhere. */
  joinList(items: string[], lang: LanguageTag): string {
    return items.join(this.raw('punctuation.listSeparator', lang));
  }

  /** A person: name (with reading), then affiliation and title in small type. */
  person(person: Person, options: { withRole?: boolean } = { withRole: true }): Txt {
    return this.each((lang) => {
      const name = textIn(person.name, lang) ?? '';
      const nameLang = languageOf(person.name, lang);
      // A reading is only useful in the language it is written for (katakana for a Korean name in Japanese).
      const reading = person.reading && typeof person.reading !== 'string' ? person.reading[lang] : undefined;
      const rich: Rich = [{ text: name, lang: nameLang, strong: true, ...(reading ? { reading } : {}) }];
      if (options.withRole !== false) {
        // "陸東一 韓国地方行政研究院 院長" in Japanese and Korean; "<name>, Director, CLAIR Singapore" where names
        // put the given name first (English, French): the title before the organisation, set off by commas.
        const affiliation = textIn(person.affiliation, lang);
        const title = textIn(person.title, lang);
        const western = languageProfile(lang).nameOrder === 'given-first';
        const role = western ? [title, affiliation].filter(Boolean).join(', ') : [affiliation, title].filter(Boolean).join(' ');
        if (role) rich.push({ text: western ? `, ${role}` : ` ${role}`, lang: languageOf(person.affiliation ?? person.title, lang), small: true });
      }
      return rich;
    });
  }
}
