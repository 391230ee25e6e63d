// clair's typesetting layer for CJK and Latin text: font stacks with per-character fallback, tofu detection,
// kinsoku line breaking, pdfmake inlines that break only where clair allows, and WOFF2 web-font subsets.
// pdfmake has neither font stacks nor kinsoku, and browsers need subset fonts, so both renderers come here.
//
// Usage (PDF renderer):
//
//   installLineBreaking();                                             // once: clair breaks pdfmake's lines
//   const typesetter = await loadTypesetter(world, { office: 'seoul' }); // src/load/fonts.ts: fonts.yaml via the World
//   const { fonts, files } = typesetter.pdfFonts();                      // fresh objects for every document
//   for (const [name, bytes] of Object.entries(files)) pdfmake.virtualfs.writeFileSync(name, bytes);
//   pdfmake.addFonts(fonts);
//   const paragraph = { text: typesetter.toPdfInlines('日本の地域の国際化を推進するため…', 'ja', { fontSize: 9 }) };
//   // A paragraph of several styled runs (bold phrase, link): pass them together so breaking sees the whole text.
//   typesetter.spansToPdfInlines([{ text: '日本の', lang: 'ja' }, { text: '地域の国際化', lang: 'ja', style: { bold: true } }]);
//   // Headings: phrase-aware (BudouX), never broken inside a word.
//   typesetter.toPdfInlines('クレア (CLAIR) ソウル事務所 概要', 'ja', { fontSize: 16, bold: true }, { heading: true });
//
// Each inline is `{ text, font, noWrap: true, paragraph, offset, ...style }`: a stretch in one face and style. Its
// paragraph knows where a line may break (kinsoku, Korean at spaces, numbers and Latin words kept whole); clair's
// line breaker (pdfmake-lines.ts) breaks there at the width pdfmake lays the text out in, and splits a unit wider
// than a whole line (a long Korean word, a URL) at the gentlest place that makes it fit. A newline in the text
// becomes an empty inline with `lineEnd`. pdfmake adds nothing between inlines. Do not set `font` yourself: the
// typesetter picks the face per character, and `bold` selects the family's bold face.
//
// Usage (HTML renderer):
//
//   typesetter.phrases('地域の課題に関する日韓共同セミナー', 'ja')  // ['地域の', '課題に', …]: join with <wbr>
//   typesetter.splitRuns('도란도란 (トランドラン)', 'ja')          // runs with face and lang ("ko" for Hangul)
//   typesetter.cssFontFamily('en')                                // '"Noto Sans", "Noto Sans CJK JP", sans-serif'
//   const byFace = typesetter.textByFace(spans);                 // face id → the characters set in it
//   const font = await typesetter.webFontSubset(faceId, byFace.get(faceId)!);  // { woff2, family, weight }
//   // { quality: 9 } packs the WOFF2 ~30× faster for a file ~7 % larger (watch mode, previews).
//
// Checks: `typesetter.missingGlyphs(text, lang)` lists characters no configured face can draw (tofu), each with
// its U+XXXX code point, the text and a bilingual message, for the validator's warnings.
//
// Lower level: `lineUnits(text, lang, options)` (where a line may break), `fontStack(lang)`, `hasGlyph(faceId,
// codePoint)` (cached), `library` (the opened faces), `extractCollectionFace` (a face of a .ttc as a standalone
// font, for tools that cannot open collections).
import type { World } from '../world.js';
import { stackLanguage, type Face, type FontConfig, type Weight } from './config.js';
import { missingGlyphs, type MissingGlyph } from './coverage.js';
import { FontLibrary } from './faces.js';
import { breakText, normalize, phrases, type BreakOptions, type LineUnit } from './linebreak.js';
import { pdfFonts, spansToPdfInlines, type PdfFonts, type PdfInline, type PdfStyle, type PdfTypesetOptions, type StyledSpan } from './pdf.js';
import { splitRuns, type FontRun } from './runs.js';
import { webFontSubset, type WebFont, type WebFontOptions } from './webfont.js';

export type { BreakOptions, Face, FontConfig, FontRun, LineUnit, MissingGlyph, PdfFonts, PdfInline, PdfStyle, PdfTypesetOptions, StyledSpan, WebFont, WebFontOptions, Weight };
export { extractCollectionFace, collectionFaceOffsets, isCollection } from './ttc.js';
export { NO_LINE_END, NO_LINE_START } from './characters.js';
export { PdfParagraph } from './pdf.js';

export class Typesetter {
  readonly library: FontLibrary;

  /** A typesetter over a checked font configuration (src/load/fonts.ts reads and checks fonts/fonts.yaml). */
  constructor(world: World, readonly config: FontConfig) {
    this.library = new FontLibrary(world, config);
  }

  /** The faces tried, in order, for text in `lang` (normal weight unless asked). */
  fontStack(lang: string, weight: Weight = 'normal'): Face[] {
    return this.config.stacks[stackLanguage(this.config, lang)]!.map((family) => this.library.faceOf(family, weight));
  }

  /** Whether a face has a glyph for a code point (cached). */
  hasGlyph(faceId: string, codePoint: number): boolean {
    return this.library.hasGlyph(this.library.face(faceId), codePoint);
  }

  /** Characters of `text` that would print as tofu. */
  missingGlyphs(text: string, lang: string, options: { bold?: boolean } = {}): MissingGlyph[] {
    return missingGlyphs(this.library, text, lang, options.bold ? 'bold' : 'normal');
  }

  /** Font runs of `text` (newlines and breaking-control characters removed first, as in the PDF). */
  splitRuns(text: string, lang: string, options: { bold?: boolean } = {}): FontRun[] {
    const normalized = normalize([{ text, lang }]);
    if (!normalized.text) return [];
    const weight: Weight = options.bold ? 'bold' : 'normal';
    return splitRuns(this.library, normalized.text, { langAt: normalized.langAt, weightAt: () => weight });
  }

  /** Line units of `text`: a line may break only between two of them. */
  lineUnits(text: string, lang: string, options: BreakOptions = {}): LineUnit[] {
    return breakText(text, lang, options);
  }

  /** Phrases for <wbr> in HTML headings: BudouX for Japanese and Chinese, words elsewhere. */
  phrases(text: string, lang: string): string[] {
    return phrases(text, lang);
  }

  /** pdfmake inlines for one string in one language and style. */
  toPdfInlines(text: string, lang: string, style: PdfStyle = {}, options: PdfTypesetOptions = {}): PdfInline[] {
    return spansToPdfInlines(this.library, [{ text, lang, style }], options);
  }

  /** pdfmake inlines for a paragraph made of several styled spans, broken as one text. */
  spansToPdfInlines(spans: readonly StyledSpan[], options: PdfTypesetOptions = {}): PdfInline[] {
    return spansToPdfInlines(this.library, spans, options);
  }

  /** pdfmake font descriptors and files (fresh objects: call once per document). */
  pdfFonts(): PdfFonts {
    return pdfFonts(this.library);
  }

  /** For web fonts: which characters each face sets in these spans (face id → characters, sorted). */
  textByFace(spans: readonly { text: string; lang: string; bold?: boolean }[]): Map<string, string> {
    const sets = new Map<string, Set<string>>();
    for (const span of spans) {
      for (const run of this.splitRuns(span.text, span.lang, { bold: span.bold })) {
        let set = sets.get(run.face.id);
        if (!set) sets.set(run.face.id, (set = new Set()));
        for (const char of run.text) set.add(char);
      }
    }
    return new Map([...sets].sort(([a], [b]) => a.localeCompare(b)).map(([id, set]) => [id, [...set].sort().join('')]));
  }

  /** A WOFF2 subset of one face with the glyphs of `text` (`{ quality: 9 }`: 30× faster, ~7 % larger). */
  webFontSubset(faceId: string, text: string, options: WebFontOptions = {}): Promise<WebFont> {
    return webFontSubset(this.library, faceId, text, options);
  }

  /** CSS font-family list for `lang`: the stack's families, then the generic family. */
  cssFontFamily(lang: string): string {
    const families = this.config.stacks[stackLanguage(this.config, lang)]!;
    return [...families.map((family) => JSON.stringify(family)), 'sans-serif'].join(', ');
  }
}
