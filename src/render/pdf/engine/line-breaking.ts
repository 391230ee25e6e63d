// clair breaks the lines of its paragraphs itself, where pdfmake (0.3) knows how wide the column is. pdfmake would
// measure, lay out and write one inline per place a line may break, which in Japanese is nearly every character;
// clair hands it one inline per stretch in one face and style (pdf.ts) and patches two of its steps:
// - measuring a text node (DocMeasure.measureLeaf) measures those inlines as pdfmake does, without UAX #14, and
//   sets the node's minimum width to its widest unbreakable unit, as column sizing expects;
// - laying out its first line (LayoutBuilder.buildNextLine) breaks the whole node at the column's width, by the
//   paragraph's rules, and cuts the inlines into one piece per line, each line ending in `lineEnd`; pdfmake then
//   lays out those lines as given.
// Nodes whose inlines do not all come from clair's typesetter are left to pdfmake.
import type { PdfParagraph } from '../../../typeset/pdf.js';
import { pdfmakeModule } from './internals.js';

interface PdfKitFont {
  widthOfString(text: string, size: number, features?: unknown): number;
  /** Advance from the start of the text to each UTF-16 offset, in thousandths of the font size (shaped-font.ts). */
  advances?(text: string, features?: unknown): Float64Array;
}

/** An inline as pdfmake measured it. */
export interface MeasuredInline {
  text: string;
  width: number;
  font: PdfKitFont;
  fontSize: number;
  fontFeatures?: unknown;
  characterSpacing?: number;
  leadingCut?: number;
  trailingCut?: number;
  preserveLeadingSpaces?: boolean;
  lineEnd?: boolean;
  noNewLine?: boolean;
  paragraph?: PdfParagraph;
  offset?: number;
  /** Space after the inline in ems, asked for by the typesetter (JLREQ's quarter em before Latin text). */
  autospace?: number;
  /** That space in points, once the inline's font size is known: part of `width`, cut at the end of a line. */
  gapAfter?: number;
  [property: string]: unknown;
}

/** A text node's inlines laid end to end, with where its lines may and must break. */
export interface Flow {
  inlines: MeasuredInline[];
  text: string;
  /** Where each inline starts in `text`. */
  starts: number[];
  /** Width from the start of `text` to each offset, in points. */
  advance: Float64Array;
  /** Offsets where a line may break, ascending. */
  breaks: number[];
  /** Offsets of the newline inlines (`lineEnd`), in order; an offset repeats for each newline there. */
  newlines: number[];
  /** Offsets after which an inline leaves a gap (points), counted in `advance` but not at the end of a line. */
  gaps: Map<number, number>;
}

const SPACE = /\s/u;

/** The flow of a node's measured inlines, or none when one of them is not clair's. */
export function flowOf(inlines: MeasuredInline[]): Flow | undefined {
  if (inlines.length === 0 || !inlines.every((inline) => inline.paragraph !== undefined && inline.offset !== undefined)) return undefined;
  const text = inlines.map((inline) => inline.text).join('');
  const starts: number[] = [];
  const advance = new Float64Array(text.length + 1);
  const breaks: number[] = [];
  const newlines: number[] = [];
  const gaps = new Map<number, number>();
  let at = 0;
  inlines.forEach((inline, index) => {
    starts.push(at);
    if (inline.lineEnd && inline.text === '') {
      newlines.push(at);
      return;
    }
    addAdvances(inline, advance, at);
    if (inline.gapAfter) {
      advance[at + inline.text.length] = advance[at + inline.text.length]! + inline.gapAfter;
      gaps.set(at + inline.text.length, inline.gapAfter);
    }
    // The paragraph's breaks inside this inline and at its end.
    const { paragraph, offset } = inline as Required<Pick<MeasuredInline, 'paragraph' | 'offset'>>;
    const end = offset + inline.text.length;
    for (let i = firstAfter(paragraph.breaks, offset); i < paragraph.breaks.length && paragraph.breaks[i]! <= end; i++) {
      breaks.push(at + paragraph.breaks[i]! - offset);
    }
    // Two paragraphs in one node may part where one ends.
    const next = inlines[index + 1];
    if (next && next.paragraph !== paragraph && end === paragraph.text.length && breaks[breaks.length - 1] !== at + inline.text.length) breaks.push(at + inline.text.length);
    at += inline.text.length;
  });
  return { inlines, text, starts, advance, breaks, newlines, gaps };
}

/**
 * Widens each inline the typesetter asked a space after (`autospace`, in ems) by that space at its font size, which
 * only measuring knows. pdfmake places each inline after the width of the one before, so the gap is a gap: no
 * character is added, and copying the text gives it as written.
 */
export function addGaps(inlines: MeasuredInline[]): void {
  for (const inline of inlines) {
    if (typeof inline.autospace !== 'number' || inline.autospace <= 0) continue;
    inline.gapAfter = inline.fontSize * inline.autospace;
    inline.width += inline.gapAfter;
  }
}

/** Index of the first value greater than `value` in ascending `values`. */
function firstAfter(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid]! <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Writes the width of each prefix of the inline's text, in points and as the font sets it (characterSpacing after
 * each unit), into `advance` from offset `at` on, where advance[at] already holds the width before the inline.
 */
function addAdvances(inline: MeasuredInline, advance: Float64Array, at: number): void {
  const { text, font, fontSize } = inline;
  const spacing = inline.characterSpacing ?? 0;
  const base = advance[at]!;
  const shaped = font.advances?.(text, inline.fontFeatures ?? undefined);
  if (shaped) {
    const scale = fontSize / 1000;
    for (let k = 1; k <= text.length; k++) advance[at + k] = base + shaped[k]! * scale + spacing * k;
    return;
  }
  // A font without shaped advances: character by character.
  let k = 0;
  for (const char of text) {
    const before = advance[at + k]!;
    advance[at + k + 1] = before;
    advance[at + k + char.length] = before + font.widthOfString(char, fontSize, inline.fontFeatures ?? undefined) + spacing;
    k += char.length;
  }
}

/** Width of text[start, end) as pdfmake counts a line: without the spaces or the gap it cuts at either end. */
function lineWidth(flow: Flow, start: number, end: number, preserveLeading: boolean): number {
  const { text, advance } = flow;
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  if (!preserveLeading) while (start < end && SPACE.test(text[start]!)) start++;
  return advance[end]! - advance[start]! - (flow.gaps.get(end) ?? 0);
}

/** The paragraph and its offset for a flow offset that ends a stretch, when a line ending there takes a hyphen. */
function hyphenEnds(flow: Flow, end: number): MeasuredInline | undefined {
  // The inline holding the character before `end`.
  const index = firstAfter(flow.starts, end - 1) - 1;
  const inline = flow.inlines[index];
  if (!inline || inline.paragraph === undefined || inline.offset === undefined) return undefined;
  return inline.paragraph.hyphenAt(end - flow.starts[index]! + inline.offset) ? inline : undefined;
}

/** Width of the hyphen a line ending at `end` takes (0 where it takes none), as the font sets it. */
function hyphenWidth(flow: Flow, end: number): number {
  const inline = hyphenEnds(flow, end);
  return inline ? inline.font.widthOfString(HYPHEN, inline.fontSize, inline.fontFeatures ?? undefined) : 0;
}

/** What the shaped font draws for a soft hyphen at the end of a line: a hyphen, read back as nothing. */
const SOFT_HYPHEN = '\u00ad';
const HYPHEN = '-';

/** The widest a text node asks its column to be (points): wider units are cut to fit whatever width it gets. */
const MAX_MIN_WIDTH = 100;

/** Allowed for rounding: 1/1000 pt. */
const TOLERANCE = 1e-3;

/**
 * Where the flow's lines end at `maxWidth`: as many units on each line as fit (a unit too wide for any line is cut
 * by the paragraph's rules for that), newlines where the text has them. Returns the soft line ends, ascending.
 */
export function lineEnds(flow: Flow, maxWidth: number): number[] {
  const { text, breaks, newlines, inlines } = flow;
  const ends: number[] = [];
  // Candidates in order: soft breaks, newlines (forced) and the end of the text.
  const candidates: { at: number; forced: boolean }[] = [];
  let b = 0;
  const add = (at: number, forced: boolean) => {
    for (; b < breaks.length && breaks[b]! <= at; b++) if (breaks[b]! < at) candidates.push({ at: breaks[b]!, forced: false });
    candidates.push({ at, forced });
  };
  for (const at of newlines) add(at, true);
  add(text.length, false);
  const preserveFirst = inlines[0]?.preserveLeadingSpaces === true;
  const fits = (start: number, end: number) => lineWidth(flow, start, end, preserveFirst && start === 0) + hyphenWidth(flow, end) <= maxWidth + TOLERANCE;

  let start = 0;
  let lastFit = -1;
  for (let i = 0; i < candidates.length; i++) {
    const { at, forced } = candidates[i]!;
    if (at > start && !fits(start, at)) {
      if (lastFit > start) {
        ends.push(lastFit);
        start = lastFit;
        lastFit = -1;
        i--;
        continue;
      }
      // One unit wider than the line: the places the paragraph allows to cut it join the candidates.
      const cuts = splitWide(flow, start, at, fits).slice(1).map(([cut]) => ({ at: cut, forced: false }));
      if (cuts.length > 0) {
        candidates.splice(i, 0, ...cuts);
        i--;
        continue;
      }
    }
    lastFit = at;
    if (forced) {
      start = at;
      lastFit = -1;
    }
  }
  return ends;
}

/** text[start, end) of the flow cut by its paragraph's rules for a stretch too wide for a line. */
function splitWide(flow: Flow, start: number, end: number, fits: (start: number, end: number) => boolean): [number, number][] {
  // A unit lies within one paragraph: map to its offsets and back.
  let index = firstAfter(flow.starts, start) - 1;
  while (index + 1 < flow.inlines.length && flow.starts[index + 1] === start && flow.inlines[index]!.text.length === 0) index++;
  const inline = flow.inlines[index]!;
  const shift = inline.offset! - flow.starts[index]!;
  return inline.paragraph!.splitWide(start + shift, end + shift, (s, e) => fits(s - shift, e - shift)).map(([s, e]) => [s - shift, e - shift]);
}

/** The flow's inlines cut at the line ends, each line's last piece ending the line. */
export function cutIntoLines(flow: Flow, ends: readonly number[]): MeasuredInline[] {
  const { inlines, starts, advance } = flow;
  const out: MeasuredInline[] = [];
  let line: MeasuredInline[] = [];
  const close = (last: boolean) => {
    line.forEach((piece, i) => {
      piece.noNewLine = i < line.length - 1;
      if (i === line.length - 1 && !last) piece.lineEnd = true;
    });
    // JLREQ: no gap at the end of a line (it would shift a centred or right-aligned line).
    const end = line[line.length - 1];
    if (end?.gapAfter) end.trailingCut = (end.trailingCut ?? 0) + end.gapAfter;
    out.push(...line);
    line = [];
  };
  let e = 0;
  inlines.forEach((inline, index) => {
    const from = starts[index]!;
    const to = from + inline.text.length;
    if (inline.lineEnd && inline.text === '') {
      line.push({ ...inline });
      close(false);
      return;
    }
    let start = from;
    while (e < ends.length && ends[e]! <= to) {
      const end = ends[e++]!;
      if (end <= start) continue;
      const last = piece(inline, from, start - from, end - from);
      // A word cut at a hyphenation point: the line ends in a soft hyphen, which the shaped font draws visibly.
      if (hyphenEnds(flow, end) === inline) {
        last.text += SOFT_HYPHEN;
        last.width += inline.font.widthOfString(HYPHEN, inline.fontSize, inline.fontFeatures ?? undefined);
      }
      line.push(last);
      close(false);
      start = end;
    }
    if (start < to) line.push(piece(inline, from, start - from, to - from));
  });
  // A text ending in a newline has closed its last line already.
  if (line.length > 0) close(true);
  else if (out.length > 0) delete out[out.length - 1]!.lineEnd;
  return out;

  /** inline.text[start, end) as an inline of its own; `at` is where the inline starts in the flow. */
  function piece(inline: MeasuredInline, at: number, start: number, end: number): MeasuredInline {
    if (start === 0 && end === inline.text.length) return { ...inline };
    const slice = inline.text.slice(start, end);
    const width = (from: number, to: number) => advance[at + to]! - advance[at + from]!;
    const leading = slice.length - slice.replace(/^\s+/u, '').length;
    const trailing = slice.length - slice.replace(/\s+$/u, '').length;
    return {
      ...inline,
      text: slice,
      width: width(start, end) - (inline.characterSpacing ?? 0),
      leadingCut: start === 0 ? inline.leadingCut ?? 0 : width(start, start + leading),
      trailingCut: end === inline.text.length ? inline.trailingCut ?? 0 : width(end - trailing, end),
      // The gap follows the inline's last character only.
      gapAfter: end === inline.text.length ? inline.gapAfter : undefined,
    };
  }
}

interface StyleStack {
  push(node: unknown): void;
  getProperty(property: string): unknown;
}
interface TextInlines {
  pdfDocument: { provideFont(family: unknown, bold: unknown, italics: unknown): PdfKitFont & { lineHeight(size: number): number } };
  measure(items: unknown[], styleStack: unknown): MeasuredInline[];
  widthOfText(text: string, inline: MeasuredInline): number;
}
interface DocMeasureClass {
  prototype: {
    measureLeaf(node: TextNode): TextNode;
    styleStack: { clone(): StyleStack };
    textInlines: TextInlines;
  };
}
interface LayoutBuilderClass {
  prototype: {
    buildNextLine(textNode: TextNode): unknown;
    writer: { context(): { availableWidth: number } };
  };
}
interface StyleStackClass {
  getStyleProperty(item: object, stack: unknown, property: string, defaultValue: unknown): unknown;
}
interface TextNode {
  text: unknown;
  _textRef?: unknown;
  _inlines?: MeasuredInline[];
  _minWidth?: number;
  _maxWidth?: number;
  /** Set by measuring, taken by the first line: the node's flow, to be broken at the column's width. */
  _clairFlow?: Flow;
}

let installed = false;

/** Puts clair's line breaking into pdfmake (once per process; every document after that uses it). */
export function installLineBreaking(): void {
  if (installed) return;
  const DocMeasure = pdfmakeModule<DocMeasureClass>('DocMeasure');
  const LayoutBuilder = pdfmakeModule<LayoutBuilderClass>('LayoutBuilder');
  const StyleStack = pdfmakeModule<StyleStackClass>('StyleContextStack');

  const measureLeaf = DocMeasure.prototype.measureLeaf;
  DocMeasure.prototype.measureLeaf = function measureClairLeaf(node) {
    const items = Array.isArray(node.text) ? (node.text as Record<string, unknown>[]) : undefined;
    if (node._textRef || !items || items.length === 0 || !items.every((item) => item && typeof item === 'object' && item.paragraph !== undefined && typeof item.text === 'string')) {
      return measureLeaf.call(this, node);
    }
    const styleStack = this.styleStack.clone();
    styleStack.push(node);
    // As pdfmake's buildInlines, less the UAX #14 word splitting the line breaker replaces. (A copy of
    // TextInlines.measure that asked the style stack once per node saved no measurable time: it went.)
    const measured = this.textInlines.measure(items.map((item) => ({ ...item })), styleStack);
    addGaps(measured);
    const flow = flowOf(measured)!;
    const noWrap = StyleStack.getStyleProperty({}, styleStack, 'noWrap', false) === true;
    if (noWrap) flow.breaks = [];
    node._inlines = measured;
    // clair cuts a unit wider than its column itself (a URL, a 2,000-character token): no column need be wider
    // than MAX_MIN_WIDTH for it, where pdfmake would size columns to the whole unit and push it off the page.
    node._minWidth = Math.min(widestUnit(flow, flow.breaks), MAX_MIN_WIDTH);
    node._maxWidth = widestUnit(flow, []);
    node._clairFlow = flow;
    return node;
  };

  const buildNextLine = LayoutBuilder.prototype.buildNextLine;
  LayoutBuilder.prototype.buildNextLine = function buildClairLine(textNode) {
    const flow = textNode._clairFlow;
    if (flow && textNode._inlines === flow.inlines) {
      textNode._inlines = cutIntoLines(flow, lineEnds(flow, this.writer.context().availableWidth));
      textNode._clairFlow = undefined;
    }
    const line = buildNextLine.call(this, textNode);
    // pdfmake takes each line's inlines off the front of the node's list: emptied, the list still holds the room of
    // all its inlines until the document is written (~9 MB over the 60,000 text nodes of 10,000 events set twice).
    if (textNode._inlines?.length === 0) textNode._inlines = [];
    return line;
  };
  installed = true;
}

/** The widest stretch between two places a line may (or must) break: what no column may be narrower than. */
function widestUnit(flow: Flow, breaks: readonly number[]): number {
  const preserveFirst = flow.inlines[0]?.preserveLeadingSpaces === true;
  let widest = 0;
  let start = 0;
  // Both lists are ascending: walk them together.
  let b = 0;
  let n = 0;
  while (start < flow.text.length) {
    let end = flow.text.length;
    if (b < breaks.length && breaks[b]! < end) end = breaks[b]!;
    if (n < flow.newlines.length && flow.newlines[n]! < end) end = flow.newlines[n]!;
    if (end > start) widest = Math.max(widest, lineWidth(flow, start, end, preserveFirst && start === 0));
    while (b < breaks.length && breaks[b]! <= end) b++;
    while (n < flow.newlines.length && flow.newlines[n]! <= end) n++;
    start = end;
  }
  return widest;
}
