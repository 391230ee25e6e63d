// Turns text into pdfmake inlines and says where a line may break in them. pdfmake (0.3) would break text with
// UAX #14 wherever one inline ends and the next begins; clair breaks lines itself instead (pdfmake-lines.ts), once
// pdfmake knows how wide the column is. So a paragraph becomes one `noWrap` inline per stretch in one face and one
// style, each pointing at its paragraph, which knows where kinsoku, keep-all and the rest let a line break.
// pdfmake joins inlines without adding anything between them, so the text reads exactly as given.
import type { Weight } from './config.js';
import type { FontLibrary } from './faces.js';
import { lineUnits, normalize, typesetProfile, WideUnits, type LineUnit, type NormalizedText } from './linebreak.js';
import { splitRuns, type FontRun } from './runs.js';

/** pdfmake style properties passed through to every inline (fontSize, color, link, decoration, …). */
export interface PdfStyle {
  bold?: boolean;
  italics?: boolean;
  fontSize?: number;
  characterSpacing?: number;
  [property: string]: unknown;
}

/** A paragraph as clair's line breaker sees it: its text and where a line may break in it. */
export class PdfParagraph {
  constructor(
    /** The texts of the paragraph's inlines put together. */
    readonly text: string,
    /** Offsets where a line may break, ascending (a break at k starts a line with text[k]); newlines are not here. */
    readonly breaks: readonly number[],
    private readonly wide: WideUnits,
  ) {}

  /** text[start, end), a stretch that must not break but is too wide for a line, cut into pieces that fit. */
  splitWide(start: number, end: number, fits: (start: number, end: number) => boolean): [number, number][] {
    return this.wide.split(start, end, fits);
  }

  /** Whether a line ending at `offset` ends inside a word at a hyphenation point, so with a visible hyphen. */
  hyphenAt(offset: number): boolean {
    return this.wide.hyphenated.has(offset);
  }
}

/** A stretch of a paragraph in one face and one style. */
export interface PdfInline extends PdfStyle {
  text: string;
  /** The pdfmake font family (registered by `pdfFonts`). */
  font: string;
  /** pdfmake must not break it by its own rules: clair's line breaker does, by the paragraph's. */
  noWrap: true;
  paragraph: PdfParagraph;
  /** Where the inline's text starts in the paragraph's. */
  offset: number;
  /** The line ends after this inline: an empty inline standing for a newline in the text. */
  lineEnd?: true;
  /** A paragraph indent made of U+3000 must survive at the start of the first line. */
  preserveLeadingSpaces?: true;
  /** Space after this inline, in ems (JLREQ's quarter em before Latin text or digits): not a character, a gap. */
  autospace?: number;
}

/** JLREQ 3.2.5: a quarter em between Japanese and Latin letters or digits. */
const AUTOSPACE = 0.25;

/** A stretch of text in one language and one style, e.g. one run of a paragraph with a bold phrase in it. */
export interface StyledSpan {
  text: string;
  lang: string;
  style?: PdfStyle;
}

export interface PdfTypesetOptions {
  /** Phrase-aware breaking (BudouX) for headings. */
  heading?: boolean;
}

interface Prepared {
  normalized: NormalizedText;
  runs: FontRun[];
  units: LineUnit[];
  spanAt(offset: number): StyledSpan;
}

const weightOf = (style: PdfStyle | undefined): Weight => (style?.bold ? 'bold' : 'normal');

/** Normalizes, splits into font runs and cuts into line units. */
function prepare(library: FontLibrary, spans: readonly StyledSpan[], options: PdfTypesetOptions = {}): Prepared {
  const normalized = normalize(spans);
  const spanAt = (offset: number) => spans[normalized.spanAt(offset)] ?? { text: '', lang: 'und' };
  const runs = normalized.text.length
    ? splitRuns(library, normalized.text, { langAt: normalized.langAt, weightAt: (at) => weightOf(spanAt(at).style) })
    : [];
  return { normalized, runs, units: lineUnits(normalized, { heading: options.heading }), spanAt };
}

/** pdfmake inlines for styled spans: one per stretch in one face and style, pointing at where lines may break. */
export function spansToPdfInlines(library: FontLibrary, spans: readonly StyledSpan[], options: PdfTypesetOptions = {}): PdfInline[] {
  const { normalized, runs, units, spanAt } = prepare(library, spans, options);
  const { text } = normalized;
  const breaks = units.filter((unit) => !unit.hardBreakAfter && unit.end > 0 && unit.end < text.length).map((unit) => unit.end);
  const paragraph = new PdfParagraph(text, breaks, new WideUnits(normalized, options.heading === true));

  const newlines = new Map<number, number>();
  for (const at of normalized.hardBreaks) newlines.set(at, (newlines.get(at) ?? 0) + 1);
  const cuts = new Set<number>([text.length, ...newlines.keys()]);
  for (const run of runs) cuts.add(run.start);
  // JLREQ: a quarter em between Japanese (or Chinese) and Latin letters or digits, set here, never typed in the data.
  // The character before such a boundary is an inline of its own carrying `autospace`; the engine, which knows its
  // font size, widens it by that fraction of an em (and drops the space at the end of a line).
  const spaced = autospaceBoundaries(normalized);
  for (const at of spaced) {
    cuts.add(at);
    cuts.add(at - (at >= 2 && /[\udc00-\udfff]/u.test(text[at - 1]!) ? 2 : 1));
  }
  // A span in the style of the one before it (a number and its title, a name and its particle) continues its inline.
  normalized.spans.forEach((span, index) => {
    if (index > 0 && !sameStyle(spans[index - 1]!.style, spans[index]!.style)) cuts.add(span.start);
  });

  const inlines: PdfInline[] = [];
  let start = 0;
  let run = 0;
  for (const at of [...cuts].sort((a, b) => a - b)) {
    if (at > start) {
      while (runs[run] && runs[run]!.end <= start) run++;
      const space = spaced.has(at) ? { autospace: AUTOSPACE } : {};
      inlines.push({ ...spanAt(start).style, ...space, text: text.slice(start, at), font: runs[run]!.face.family, noWrap: true, paragraph, offset: start });
      start = at;
    }
    for (let n = newlines.get(at) ?? 0; n > 0; n--) {
      // A newline is an empty inline of its own: the line breaker ends the line there.
      const span = spanAt(Math.max(0, at - 1));
      const family = inlines[inlines.length - 1]?.font ?? library.faceOf(library.config.stacks[stackOf(library, span.lang)]![0]!, weightOf(span.style)).family;
      inlines.push({ ...span.style, text: '', font: family, noWrap: true, paragraph, offset: at, lineEnd: true });
    }
  }
  if (inlines[0] && /^\u3000/u.test(inlines[0].text)) inlines[0].preserveLeadingSpaces = true;
  return inlines;
}

const IDEOGRAPHIC_LETTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const WESTERN_LETTER = /[A-Za-z0-9\u00c0-\u024f]/u;

/**
 * Offsets between an ideographic character and a Latin letter or digit (either way round) in text whose language's
 * profile asks for autospace (Japanese, Chinese): where JLREQ puts a quarter em. Not where a space already is.
 */
function autospaceBoundaries(normalized: NormalizedText): Set<number> {
  const { text } = normalized;
  const found = new Set<number>();
  if (!IDEOGRAPHIC_LETTER.test(text) || !WESTERN_LETTER.test(text)) return found;
  const chars = [...text];
  let at = 0;
  for (let i = 0; i + 1 < chars.length; i++) {
    at += chars[i]!.length;
    const before = chars[i]!;
    const after = chars[i + 1]!;
    const ideographic = IDEOGRAPHIC_LETTER.test(before) ? at - before.length : IDEOGRAPHIC_LETTER.test(after) ? at : -1;
    if (ideographic < 0 || !(WESTERN_LETTER.test(before) || WESTERN_LETTER.test(after))) continue;
    if (normalized.hardBreaks.includes(at) || !autospaced(normalized.langAt(ideographic))) continue;
    found.add(at);
  }
  return found;
}

const autospaced = (lang: string) => typesetProfile(lang)?.autospace === true;

function sameStyle(a: PdfStyle | undefined, b: PdfStyle | undefined): boolean {
  const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
  for (const key of keys) if (a?.[key] !== b?.[key]) return false;
  return true;
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
