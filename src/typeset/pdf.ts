// Turns text into pdfmake inlines that pdfmake can only break where clair allows. pdfmake (0.3) splits each
// inline's text with UAX #14 unless the inline has `noWrap`, and lets a line break between any two inlines
// unless the first has `noNewLine` (LayoutBuilder.buildNextLine, Line.hasEnoughSpaceForInline). So every line
// unit becomes one `noWrap` inline per face it uses, and all but the last piece of a unit carry `noNewLine`.
// pdfmake joins inlines without adding anything between them, so the text reads exactly as given.
import type { Weight } from './config.js';
import type { FontLibrary } from './faces.js';
import { BREAKING_SPACE } from './characters.js';
import { lineUnits, normalize, type BreakOptions, type LineUnit, type NormalizedText } from './linebreak.js';
import { splitRuns, type FontRun } from './runs.js';

/** pdfmake style properties passed through to every inline (fontSize, color, link, decoration, …). */
export interface PdfStyle {
  bold?: boolean;
  italics?: boolean;
  fontSize?: number;
  characterSpacing?: number;
  [property: string]: unknown;
}

/** One unbreakable piece of text in one face, as pdfmake reads it. */
export interface PdfInline extends PdfStyle {
  text: string;
  /** The pdfmake font family (registered by `pdfFonts`). */
  font: string;
  noWrap: true;
  /** pdfmake must keep the next inline on the same line. */
  noNewLine?: true;
  /** The line ends after this inline: an empty inline standing for a newline in the text. */
  lineEnd?: true;
  /** A paragraph indent made of U+3000 must survive at the start of the first line. */
  preserveLeadingSpaces?: true;
}

/** A stretch of text in one language and one style, e.g. one run of a paragraph with a bold phrase in it. */
export interface StyledSpan {
  text: string;
  lang: string;
  style?: PdfStyle;
}

export interface PdfTypesetOptions {
  /** Phrase-aware breaking (BudouX) for headings. */
  heading?: boolean;
  /**
   * Width of the column in points. When given, a unit wider than a whole line (a long Korean word, a URL) is
   * split so it does not overflow; without it such a unit sticks out of the column.
   */
  lineWidth?: number;
  /** Font size for measuring spans whose style has none (pdfmake's default is 12). */
  fontSize?: number;
}

/** pdfmake's default font size, used when neither the span nor the options give one. */
const PDFMAKE_DEFAULT_FONT_SIZE = 12;

interface Prepared {
  normalized: NormalizedText;
  runs: FontRun[];
  units: LineUnit[];
  spanAt(offset: number): StyledSpan;
}

const weightOf = (style: PdfStyle | undefined): Weight => (style?.bold ? 'bold' : 'normal');

function spanIndexAt(normalized: NormalizedText, offset: number): number {
  const index = normalized.spans.findIndex((span) => offset < span.end);
  return index < 0 ? normalized.spans.length - 1 : index;
}

/** Normalizes, splits into font runs and cuts into line units: the shared first half of PDF typesetting. */
export function prepare(library: FontLibrary, spans: readonly StyledSpan[], options: PdfTypesetOptions = {}): Prepared {
  const normalized = normalize(spans);
  const spanAt = (offset: number) => spans[spanIndexAt(normalized, offset)] ?? { text: '', lang: 'und' };
  const runs = normalized.text.length
    ? splitRuns(library, normalized.text, { langAt: normalized.langAt, weightAt: (at) => weightOf(spanAt(at).style) })
    : [];

  const breakOptions: BreakOptions = { heading: options.heading };
  if (options.lineWidth !== undefined) {
    // Advance widths per UTF-16 offset (0 on low surrogates), summed once so any range is measured in O(1).
    const { text } = normalized;
    const prefix = new Float64Array(text.length + 1);
    let run = 0;
    for (let i = 0; i < text.length; i++) {
      while (runs[run] && runs[run]!.end <= i) run++;
      const codePoint = text.codePointAt(i)!;
      const low = i > 0 && codePoint >= 0xdc00 && codePoint <= 0xdfff && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
      const style = spanAt(i).style;
      const size = style?.fontSize ?? options.fontSize ?? PDFMAKE_DEFAULT_FONT_SIZE;
      const width = low || !runs[run] ? 0 : library.advance(runs[run]!.face, codePoint) * size + (style?.characterSpacing ?? 0);
      prefix[i + 1] = prefix[i]! + width;
    }
    breakOptions.maxWidth = options.lineWidth;
    breakOptions.measure = (start, end) => {
      // pdfmake drops the spaces that end a line, so they do not count against its width.
      while (end > start && BREAKING_SPACE.test(text[end - 1]!)) end--;
      return prefix[end]! - prefix[start]!;
    };
  }
  return { normalized, runs, units: lineUnits(normalized, breakOptions), spanAt };
}

/** pdfmake inlines for styled spans: breaks only where clair's rules allow, each inline in one face. */
export function spansToPdfInlines(library: FontLibrary, spans: readonly StyledSpan[], options: PdfTypesetOptions = {}): PdfInline[] {
  const { normalized, runs, units, spanAt } = prepare(library, spans, options);
  const { text } = normalized;
  // Cuts inside a unit: where the face or the span's style changes.
  const cuts = new Set<number>();
  for (const run of runs) cuts.add(run.start);
  for (const span of normalized.spans) cuts.add(span.start);

  const inlines: PdfInline[] = [];
  let run = 0;
  for (const unit of units) {
    const pieces: PdfInline[] = [];
    let start = unit.start;
    for (let at = unit.start + 1; at <= unit.end; at++) {
      if (at < unit.end && !cuts.has(at)) continue;
      while (runs[run] && runs[run]!.end <= start) run++;
      const span = spanAt(start);
      pieces.push({ ...span.style, text: text.slice(start, at), font: runs[run]!.face.family, noWrap: true });
      start = at;
    }
    if (unit.hardBreakAfter) {
      // The newline is an inline of its own with empty text: pdfmake glues an inline to the next one when
      // UAX #14 finds no break between their texts ("b" + "c"), which would undo a lineEnd set on "b"; an empty
      // text never glues to what follows.
      const span = spanAt(Math.max(unit.start, unit.end - 1));
      const family = pieces[pieces.length - 1]?.font ?? library.faceOf(library.config.stacks[stackOf(library, span.lang)]![0]!, weightOf(span.style)).family;
      pieces.push({ ...span.style, text: '', font: family, noWrap: true, lineEnd: true });
    }
    pieces.forEach((piece, index) => {
      if (index < pieces.length - 1) piece.noNewLine = true;
    });
    if (unit.start === 0 && /^\u3000/u.test(pieces[0]!.text)) pieces[0]!.preserveLeadingSpaces = true;
    inlines.push(...pieces);
  }
  return inlines;
}

function stackOf(library: FontLibrary, lang: string): string {
  const stacks = library.config.stacks;
  const parts = lang.split('-');
  for (let n = parts.length; n > 0; n--) if (stacks[parts.slice(0, n).join('-')]) return parts.slice(0, n).join('-');
  return Object.keys(stacks)[0]!;
}

/** pdfmake font descriptors and the font files for its virtual file system. */
export interface PdfFonts {
  /** For `pdfmake.addFonts` / the Printer: family → {normal, bold, italics, bolditalics}: [file, face]. */
  fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', [string, string?]>>;
  /** Virtual file name → bytes, for `pdfmake.virtualfs.writeFileSync(name, bytes)`. */
  files: Record<string, Buffer>;
}

/**
 * The fonts pdfmake needs, read through the World. Fresh objects on every call: pdfmake replaces the file name
 * in a descriptor with the file's bytes when it opens a font, so a descriptor cannot serve two documents.
 * There are no italic faces for CJK: italics map to the upright faces.
 */
export function pdfFonts(library: FontLibrary): PdfFonts {
  const fonts: PdfFonts['fonts'] = {};
  const files: PdfFonts['files'] = {};
  for (const family of new Set(library.config.faces.map((face) => face.family))) {
    const entry = (weight: Weight): [string, string?] => {
      const face = library.faceOf(family, weight);
      const name = `clair-fonts/${face.file}`;
      files[name] = library.fileBytes(face);
      return face.postscriptName ? [name, face.postscriptName] : [name];
    };
    fonts[family] = { normal: entry('normal'), bold: entry('bold'), italics: entry('normal'), bolditalics: entry('bold') };
  }
  return { fonts, files };
}
