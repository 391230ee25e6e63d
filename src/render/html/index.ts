// The HTML renderer: one BrochureDocument (one edition) → one self-contained HTML file. The page is drawn by
// the Handlebars templates under templates/ (layout, one partial per section, one per block kind); styles,
// fonts (WOFF2 subsets of the glyphs the page shows), photos and charts are inlined, and a strict
// Content-Security-Policy keeps every request from leaving the file. The same document always gives the same
// bytes.
//
//   const html = await renderHtml(buildDocument(input, edition), world);   // Buffer, UTF-8
import { createHash, randomUUID } from 'node:crypto';
import Handlebars from 'handlebars';
import type { BrochureDocument } from '../../document/blocks.js';
import { Typesetter } from '../../typeset/index.js';
import type { World } from '../../world.js';
import { embedFonts, stylesheetCharacters, textSpans, type EmbeddedFace } from './fonts.js';

export { forgetFontSubsets } from './fonts.js';
import { Markup, type MarkupTools } from './markup.js';
import { columnRules, languageRules, pageFooterRules, stylesheetTemplates } from './styles.js';
import { loadTemplates, type Templates } from './templates.js';
import { precompiledTemplates } from './precompile.js';
import { coverPhotoKey, pageView, type PageView } from './view.js';
import { sharedTypesetter } from '../../load/fonts.js';
import { loadTheme, themeCss } from '../theme.js';
import { preparePhotos, SCREEN_COVER_PX, SCREEN_WIDTH_PX, type PhotoRequest, type PlacedPhoto } from '../../photos/index.js';

/**
 * The document's photos prepared for the screen (sharp), by path: grid photos at twice their largest displayed
 * width, the cover photo at the cover's width (under coverPhotoKey).
 */
async function screenPhotos(doc: BrochureDocument, world: World): Promise<Map<string, PlacedPhoto>> {
  const wanted = new Map<string, PhotoRequest>();
  const focusOf = (focus: { x: number; y: number } | undefined) => (focus ? { focus } : {});
  if (doc.cover.photo) wanted.set(coverPhotoKey(doc.cover.photo), { file: doc.cover.photo, options: { target: 'screen', width: SCREEN_COVER_PX, ...focusOf(doc.cover.photoFocus) } });
  for (const part of doc.parts) for (const section of part.sections) for (const block of section.blocks) {
    if (block.kind !== 'photos') continue;
    for (const photo of block.photos) {
      if (photo.file) wanted.set(photo.file, { file: photo.file, options: { target: 'screen', width: 2 * SCREEN_WIDTH_PX, ...focusOf(photo.focus) } });
    }
  }
  const placed = await preparePhotos(world, [...wanted.values()]);
  return new Map([...wanted.keys()].map((key, i) => [key, placed[i]!]));
}

/** One typesetter per World and office: it keeps the font files and glyph lookups between editions. */
function typesetterFor(world: World, officeId: string): Promise<Typesetter> {
  return sharedTypesetter(world, { office: officeId });
}

/**
 * Headings cut into phrases, per typesetter: BudouX takes a few milliseconds over a brochure's headings, and the
 * same headings come back in every edition and every rebuild of `clair serve`.
 */
const phraseCache = new WeakMap<Typesetter, Map<string, string[]>>();

function cachedPhrases(typesetter: Typesetter, text: string, lang: string): string[] {
  let cache = phraseCache.get(typesetter);
  if (!cache) phraseCache.set(typesetter, (cache = new Map()));
  const key = `${lang}\u0000${text}`;
  let phrases = cache.get(key);
  if (!phrases) {
    phrases = typesetter.phrases(text, lang);
    // Bounded: a long serve session edits headings again and again.
    if (cache.size >= 4096) cache.clear();
    cache.set(key, phrases);
  }
  return phrases;
}

function markupTools(typesetter: Typesetter): MarkupTools {
  // Characters of another language's script (Hangul in Japanese text, kana in Korean text; fonts.yaml
  // `scripts`): only text containing one needs splitting, which keeps the common case cheap.
  const foreign = new Map<string, RegExp | undefined>();
  const foreignScripts = (lang: string) => {
    if (!foreign.has(lang)) {
      const scripts = typesetter.config.scripts.filter((s) => s.lang !== lang).map((s) => `\\p{Script=${s.script}}`);
      foreign.set(lang, scripts.length > 0 ? new RegExp(`[${scripts.join('')}]`, 'u') : undefined);
    }
    return foreign.get(lang);
  };
  return {
    // Hangul inside Japanese text (도란도란) is Korean: it gets lang="ko", so it is read and set as Korean.
    scripts(text, lang) {
      if (!foreignScripts(lang)?.test(text)) return [{ text, lang }];
      const runs = typesetter.splitRuns(text, lang);
      if (runs.map((r) => r.text).join('') !== text) return [{ text, lang }];
      const parts: { text: string; lang: string }[] = [];
      for (const run of runs) {
        const last = parts[parts.length - 1];
        if (last && last.lang === run.lang) last.text += run.text;
        else parts.push({ text: run.text, lang: run.lang });
      }
      return parts.length > 0 ? parts : [{ text, lang }];
    },
    phrases: (text, lang) => cachedPhrases(typesetter, text, lang),
  };
}

function checkPartials(view: PageView, templates: Templates): void {
  for (const part of view.parts) {
    for (const section of part.sections) {
      if (!templates.sections.includes(section.id) && !templates.sections.includes('default')) {
        throw new Error(`templates/sections/default.hbs is missing: a section without its own partial is drawn by it / 汎用セクションのテンプレートがありません`);
      }
      for (const block of section.blocks) {
        if (!templates.blocks.includes(block.kind)) {
          throw new Error(`templates/blocks/${block.kind}.hbs is missing / ブロック「${block.kind}」のテンプレートがありません`);
        }
      }
    }
  }
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export interface RenderHtmlOptions {
  /**
   * Brotli quality of the embedded WOFF2 fonts, 0–11. The default, 5, is the fastest setting whose fonts are
   * within 2 % of quality 9 (CFF glyph data compresses little); 11 makes them about 8 % smaller than 5 but
   * takes seconds per face, which suits a release build rather than every build.
   */
  fontQuality?: number;
}

/** Brotli quality used unless asked otherwise (see RenderHtmlOptions.fontQuality). */
export const DEFAULT_FONT_QUALITY = 5;

export interface HtmlReport {
  html: Buffer;
  fonts: EmbeddedFace[];
}

/** Renders one edition and says which font subsets it embedded (for benchmarks and tests). */
export async function renderHtmlWithReport(doc: BrochureDocument, world: World, options: RenderHtmlOptions = {}): Promise<HtmlReport> {
  const typesetter = await typesetterFor(world, doc.officeId);
  const view = pageView(doc, world, await screenPhotos(doc, world));
  const templates = loadTemplates(world, await precompiledTemplates());
  checkPartials(view, templates);

  // The stylesheet and the policy are known only once the page's text is: they go into slots filled last.
  // A fresh token per render means no data text can be mistaken for a slot.
  const slot = randomUUID();
  const cssSlot = `clair-css-${slot}`;
  const cspSlot = `clair-csp-${slot}`;
  const markup = new Markup(markupTools(typesetter));
  const page = templates.layout({
    ...view,
    markup,
    css: new Handlebars.SafeString(cssSlot),
    csp: cspSlot,
  });

  const { style: staffStyle, print } = stylesheetTemplates(world);
  // The theme's custom properties come first: templates/style.css draws with them (--brand, --accent …).
  const style = `${themeCss(loadTheme(world))}\n${staffStyle}`;
  const footer = pageFooterRules(doc);
  const languageCss = languageRules(view.lang, doc.edition.languages);
  const stylesheetText = stylesheetCharacters(`${style}\n${print}\n${languageCss}`);
  // The stylesheet's marks in every language of the edition: the second side of a bilingual pair draws its own.
  const spans = [
    ...textSpans(page, view.lang),
    ...doc.edition.languages.flatMap((lang) => [{ text: stylesheetText, lang, bold: false }, { text: stylesheetText, lang, bold: true }]),
    { text: footer.text, lang: view.lang, bold: false },
  ];
  const fonts = await embedFonts(typesetter, spans, spans.map((s) => s.lang), { quality: options.fontQuality ?? DEFAULT_FONT_QUALITY });
  const css = [fonts.css, style, print, languageCss, columnRules(view.tables), footer.css].filter(Boolean).join('\n');
  if (/<\/style/i.test(css)) throw new Error('templates/style.css or print.css contains "</style" / スタイルシートに "</style" が含まれています');

  const svgStyles = view.charts.flatMap((chart) => chart.svg.styleElements);
  const svgAttributes = [...new Set(view.charts.flatMap((chart) => chart.svg.styleAttributes))];
  const styleSources = [sha256(css), ...svgStyles.map(sha256), ...(svgAttributes.length > 0 ? ["'unsafe-hashes'", ...svgAttributes.map(sha256)] : [])];
  const csp = [
    "default-src 'none'",
    `style-src ${styleSources.join(' ')}`,
    'font-src data:',
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  const cssAt = page.indexOf(cssSlot);
  const cspAt = page.indexOf(cspSlot);
  if (cssAt < 0 || cspAt < 0) throw new Error('templates/layout.hbs must print {{csp}} in a Content-Security-Policy meta tag and {{css}} in a <style> element / layout.hbs に {{csp}} と {{css}} が必要です');
  const html = page.replace(cspSlot, () => Handlebars.escapeExpression(csp)).replace(cssSlot, () => css);
  return { html: Buffer.from(html, 'utf8'), fonts: fonts.faces };
}

/** One edition of the brochure as a self-contained HTML file (UTF-8). Same document → same bytes. */
export async function renderHtml(doc: BrochureDocument, world: World, options: RenderHtmlOptions = {}): Promise<Buffer> {
  return (await renderHtmlWithReport(doc, world, options)).html;
}
