// Where a line may break, per language, for both renderers. The text is cut into "units" that must never be
// split; a line may break only between two units. Rules:
// - Japanese and Chinese (JIS X 4051 style kinsoku): ideographs and kana break anywhere, except that closing
//   brackets, stops, small kana, ー, iteration marks and range marks never start a line and opening brackets
//   never end one. Numbers (5,933 · 12.5 · 13:30), Latin words, URLs, e-mail addresses and @handles are never
//   split; a range mark (12.5 ~ 12.7, 10〜20) stays with the number before it.
// - Korean: keep-all, a line breaks only at spaces.
// - Latin (en, fr, …): at spaces and after a hyphen inside a word; French gets non-breaking spaces before
//   ; : ! ? » and after «.
// - Thai, Lao, Khmer, Myanmar (written without spaces between words): at spaces and at the word boundaries of
//   Intl.Segmenter (ICU's dictionaries), never inside a word.
// - Headings: only between BudouX phrases (ja, zh) or at spaces, so a heading never breaks inside a word.
// Which rule a language follows is its profile's `lineBreaking` (templates/languages, src/i18n/profile.ts).
// A unit too wide for a whole line (when the caller says how wide a line is) is split after all, at the
// gentlest place that makes it fit: a word of a hyphenated language at its hyphenation points (patterns of the
// `hyphen` package; the line then ends in a visible hyphen), kinsoku-respecting character boundaries, then
// anywhere between two grapheme clusters. Nothing is ever dropped: a 2,000-character token prints whole.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Parser } from 'budoux';
import { languageProfile, type LanguageProfile, type LineBreaking } from '../i18n/profile.js';
import {
  BREAKING_SPACE, clusterBoundaries, DOUBLED_MARKS, FRENCH_SPACE_AFTER, FRENCH_SPACE_BEFORE, NO_LINE_END,
  NO_LINE_START, RANGE_MARKS, ZERO_WIDTH_BREAK, ZERO_WIDTH_GLUE,
} from './characters.js';

/** A piece of text in one language. */
export interface LangSpan {
  text: string;
  lang: string;
}

/** Text after breaking-control characters were taken out, with where each input span now lies. */
export interface NormalizedText {
  text: string;
  /** [start, end) of each input span in `text`. */
  spans: { start: number; end: number; lang: string }[];
  /** Offsets after which a line must end, once per newline in the input (two in a row leave an empty line). */
  hardBreaks: number[];
  /** Offsets where the author asked for a break opportunity (U+200B). */
  softBreaks: Set<number>;
  /** Offsets where the author asked for no break (U+2060, U+FEFF, soft hyphen). */
  glue: Set<number>;
  langAt(offset: number): string;
  /** Index of the span the character at `offset` came from (the last span past the end). */
  spanAt(offset: number): number;
}

export interface BreakOptions {
  /** Phrase-aware breaking for headings (BudouX for Japanese and Chinese, spaces elsewhere). */
  heading?: boolean;
  /** Width of a full line, in the unit `measure` returns. Units wider than this are split after all. */
  maxWidth?: number;
  /** Width of text[start, end). */
  measure?: (start: number, end: number) => number;
}

/** A stretch that must stay on one line. A line may break only between two units. */
export interface LineUnit {
  start: number;
  end: number;
  text: string;
  /** The line must end after this unit (a newline in the text). */
  hardBreakAfter: boolean;
}

const NEWLINE = /\r\n|[\r\n\u2028\u2029\u0085]/y;

/** Removes breaking-control characters, records newlines, and gives French its non-breaking spaces. */
export function normalize(spans: readonly LangSpan[]): NormalizedText {
  let text = '';
  const out: NormalizedText['spans'] = [];
  const hardBreaks: number[] = [];
  const softBreaks = new Set<number>();
  const glue = new Set<number>();
  for (const span of spans) {
    const start = text.length;
    let i = 0;
    while (i < span.text.length) {
      NEWLINE.lastIndex = i;
      const newline = NEWLINE.exec(span.text);
      if (newline) {
        // Spaces before a newline would only push a right-aligned line off its edge.
        while (text.length > start && BREAKING_SPACE.test(text[text.length - 1]!)) text = text.slice(0, -1);
        hardBreaks.push(text.length);
        i += newline[0].length;
        continue;
      }
      const char = span.text[i]!;
      if (char === ZERO_WIDTH_BREAK) softBreaks.add(text.length);
      else if (ZERO_WIDTH_GLUE.has(char)) glue.add(text.length);
      else text += char === '\t' ? ' ' : char;
      i += 1;
    }
    out.push({ start, end: text.length, lang: span.lang });
  }
  // French: the space before ; : ! ? » and after « must not break. U+00A0 rather than the narrow U+202F,
  // which the CJK fonts lack.
  text = text.replace(/ (?=[;:!?»])|(?<=«) /gu, (space, at: number) => (primaryLanguage(langAtOf(out, at)) === 'fr' ? '\u00a0' : space));
  // Asked for at nearly every character: one lookup per offset instead of a walk over the spans.
  const spanIndex = new Uint32Array(text.length);
  out.forEach((span, index) => spanIndex.fill(index, span.start, span.end));
  const spanAt = (at: number) => (at < text.length ? spanIndex[at]! : out.length - 1);
  return { text, spans: out, hardBreaks, softBreaks, glue, spanAt, langAt: (at) => out[spanAt(at)]?.lang ?? 'und' };
}

function langAtOf(spans: NormalizedText['spans'], offset: number): string {
  for (const span of spans) if (offset < span.end) return span.lang;
  return spans[spans.length - 1]?.lang ?? 'und';
}

export function primaryLanguage(lang: string): string {
  return lang.split('-')[0]!.toLowerCase();
}

const profileByLang = new Map<string, LanguageProfile | null>();
/** The profile of a text's language, or null for a tag no profile can be made for (cached: asked per paragraph). */
export function typesetProfile(lang: string): LanguageProfile | null {
  let profile = profileByLang.get(lang);
  if (profile === undefined) {
    try {
      profile = languageProfile(lang);
    } catch {
      profile = null;
    }
    profileByLang.set(lang, profile);
  }
  return profile;
}
/** The line-breaking rule of a language's profile; text of no known language breaks at spaces and hyphens. */
const lineBreakingOf = (lang: string): LineBreaking => typesetProfile(lang)?.lineBreaking ?? 'spaces+hyphenation';
/** Languages set with ideographic line breaking (break between any two ideographs or kana). */
const isIdeographicLanguage = (lang: string) => lineBreakingOf(lang) === 'kinsoku';
/** Languages whose words are separated by spaces and keep together even in Hangul/Han (CSS keep-all). */
const isKeepAllLanguage = (lang: string) => lineBreakingOf(lang) === 'spaces';
/** Languages written without spaces between words, broken at Intl.Segmenter's word boundaries. */
const isSegmentedLanguage = (lang: string) => lineBreakingOf(lang) === 'segmenter';

type AtomKind = 'space' | 'glue' | 'word' | 'hangul' | 'ideographic' | 'other';

interface Atom {
  start: number;
  end: number;
  kind: AtomKind;
}

const URL = /(?:(?:https?|ftp):\/\/|www\.)[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/uy;
const EMAIL = /(?:mailto:)?[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/uy;
const HANDLE = /[@#＃][\p{L}\p{N}_]+(?:\.[\p{L}\p{N}_]+)*/uy;
const NUMBER = /[0-9０-９]+(?:[.,:/／\-‐][0-9０-９]+)*/uy;
const LATIN_WORD =
  /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}0-9][\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{M}0-9_]*(?:['’.\-‐&+][\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{M}0-9_]+)*/uy;
const HANGUL_WORD = /\p{Script=Hangul}[\p{Script=Hangul}\p{M}]*/uy;
const SPACES = new RegExp(`${BREAKING_SPACE.source}+`, 'uy');
const GLUE_SPACE = /[\u00a0\u2007\u202f]/u;
const TRAILING_URL_PUNCTUATION = /[.,;:!?)\]'"’”]+$/u;
const IDEOGRAPHIC =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\p{Script=Yi}\u1100-\u115f\u2e80-\u303e\u3040-\u33ff\ua960-\ua97f\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\u2460-\u24ff\u2500-\u27bf\u2160-\u217f\u2190-\u21ff\u203b\u00d7\u2014\u2015\u2025\u2026\u{1f000}-\u{1faff}\u{20000}-\u{3fffd}]/u;

function matchAt(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  const match = pattern.exec(text);
  return match ? match[0].length : 0;
}

/** Cuts the text into atoms: the smallest pieces line breaking reasons about. */
function atomize(text: string, clusterEnds: Set<number>): Atom[] {
  const atoms: Atom[] = [];
  // An atom never ends inside a grapheme cluster (base + combining marks / variation selectors).
  const toClusterEnd = (end: number) => {
    while (end < text.length && !clusterEnds.has(end)) end++;
    return end;
  };
  let i = 0;
  while (i < text.length) {
    let length = matchAt(SPACES, text, i);
    let kind: AtomKind = 'space';
    if (!length) {
      kind = 'word';
      length = matchAt(URL, text, i);
      if (length) length -= text.slice(i, i + length).match(TRAILING_URL_PUNCTUATION)?.[0].length ?? 0;
      if (!length) length = matchAt(EMAIL, text, i);
      if (!length) length = matchAt(HANDLE, text, i);
      if (!length) length = matchAt(NUMBER, text, i);
      if (!length) length = matchAt(LATIN_WORD, text, i);
      if (!length) {
        length = matchAt(HANGUL_WORD, text, i);
        if (length) kind = 'hangul';
      }
      if (!length) {
        const char = String.fromCodePoint(text.codePointAt(i)!);
        length = char.length;
        kind = GLUE_SPACE.test(char) ? 'glue' : IDEOGRAPHIC.test(char) ? 'ideographic' : 'other';
      }
    }
    const end = toClusterEnd(i + length);
    atoms.push({ start: i, end, kind });
    i = end;
  }
  return atoms;
}

/** Offsets inside Latin words right after a hyphen between two letters ("well-|known"). */
function hyphenBreaks(text: string, atom: Atom): number[] {
  const offsets: number[] = [];
  if (atom.kind !== 'word') return offsets;
  const word = text.slice(atom.start, atom.end);
  if (/^(?:(?:https?|ftp):\/\/|www\.|mailto:)|@/u.test(word)) return offsets;
  const pattern = /(?<=\p{L}{2})[-‐](?=\p{L}{2})/gu;
  for (const match of word.matchAll(pattern)) offsets.push(atom.start + match.index + 1);
  return offsets;
}

const firstChar = (text: string, atom: Atom) => String.fromCodePoint(text.codePointAt(atom.start)!);
const lastChar = (text: string, atom: Atom) => {
  const chars = [...text.slice(atom.start, atom.end)];
  return chars[chars.length - 1]!;
};
const endsWithDigit = (text: string, atom: Atom) => /[0-9０-９]$/u.test(text.slice(atom.start, atom.end));

/** May a line break between `before` and `after`, given what precedes a run of spaces? */
function kinsokuAllows(text: string, before: Atom, after: Atom): boolean {
  const next = firstChar(text, after);
  const previous = lastChar(text, before);
  if (NO_LINE_START.has(next)) return false;
  if (NO_LINE_END.has(previous)) return false;
  if (RANGE_MARKS.has(next) && endsWithDigit(text, before)) return false;
  if (DOUBLED_MARKS.has(previous) && DOUBLED_MARKS.has(next)) return false;
  return true;
}

const segmenters = new Map<string, Intl.Segmenter>();
/** Characters of scripts written without spaces between words. */
const UNSPACED_LETTER = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/**
 * Word boundaries inside the stretches of text in a language written without spaces (Thai), where a line may
 * break: Intl.Segmenter's, next to a letter of such a script, where the atoms on either side may part (not inside
 * a Latin word or number, not against kinsoku's closing marks).
 */
function wordBoundaries(normalized: NormalizedText, atoms: Atom[]): number[] {
  const { text } = normalized;
  const found: number[] = [];
  let atomIndex: Map<number, number> | undefined;
  let start = 0;
  while (start < text.length) {
    const lang = normalized.langAt(start);
    let end = start;
    while (end < text.length && normalized.langAt(end) === lang) end++;
    if (isSegmentedLanguage(lang) && UNSPACED_LETTER.test(text.slice(start, end))) {
      let segmenter = segmenters.get(lang);
      if (!segmenter) segmenters.set(lang, (segmenter = new Intl.Segmenter(languageProfile(lang).locale, { granularity: 'word' })));
      atomIndex ??= new Map(atoms.map((atom, index) => [atom.start, index]));
      for (const { index } of segmenter.segment(text.slice(start, end))) {
        const at = start + index;
        const k = atomIndex.get(at);
        if (at === 0 || k === undefined || k === 0) continue;
        const before = atoms[k - 1]!;
        const after = atoms[k]!;
        if (before.kind === 'space' || after.kind === 'space' || before.kind === 'glue' || after.kind === 'glue') continue;
        if (!UNSPACED_LETTER.test(lastChar(text, before)) && !UNSPACED_LETTER.test(firstChar(text, after))) continue;
        if (kinsokuAllows(text, before, after)) found.push(at);
      }
    }
    start = end;
  }
  return found;
}

const hyphenators = new Map<string, ((word: string) => string) | null>();
/** A hyphenator from the `hyphen` package's patterns for a language's profile, or null when it has none. */
function hyphenatorOf(lang: string): ((word: string) => string) | null {
  let hyphenator = hyphenators.get(lang);
  if (hyphenator === undefined) {
    hyphenator = null;
    const id = lineBreakingOf(lang) === 'spaces+hyphenation' ? languageProfile(lang).hyphenation?.toLowerCase() : undefined;
    if (id && /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/.test(id)) {
      try {
        const patterns = createRequire(import.meta.url)(`hyphen/${id}`) as { hyphenateSync(text: string, options: object): string };
        hyphenator = (word) => patterns.hyphenateSync(word, { hyphenChar: SOFT_HYPHEN, minWordLength: 4 });
      } catch {
        hyphenator = null; // no patterns for this language: its long words are cut at cluster boundaries
      }
    }
    hyphenators.set(lang, hyphenator);
  }
  return hyphenator;
}

/** Where a line may end inside a word with a visible hyphen: the soft hyphen the PDF engine draws as one. */
export const SOFT_HYPHEN = '\u00ad';
const PLAIN_WORD = /^[\p{L}\p{M}]+$/u;
/** A word of letters, possibly a compound (well-known) or with an apostrophe (municipalities'). */
const WORD_TO_HYPHENATE = /^[\p{L}\p{M}]+(?:['’\-‐][\p{L}\p{M}]+)*['’]?$/u;

/** Hyphenation points inside the words of text[start, end) in hyphenated languages (offsets before which a hyphen goes). */
function hyphenationPoints(normalized: NormalizedText, atoms: Atom[], start: number, end: number): number[] {
  const { text } = normalized;
  const points: number[] = [];
  for (const atom of atoms) {
    if (atom.end <= start || atom.start >= end || atom.kind !== 'word') continue;
    const hyphenate = hyphenatorOf(normalized.langAt(atom.start));
    // Only words are hyphenated: a URL, an address, a code with digits is cut where a reader expects it to go on.
    if (!hyphenate || !WORD_TO_HYPHENATE.test(text.slice(atom.start, atom.end))) continue;
    // Each letters-only part of the word (a compound's parts between its hyphens, apostrophes).
    for (const part of text.slice(atom.start, atom.end).matchAll(/[\p{L}\p{M}]+/gu)) {
      if (!PLAIN_WORD.test(part[0])) continue;
      let at = atom.start + part.index;
      for (const syllable of hyphenate(part[0]).split(SOFT_HYPHEN).slice(0, -1)) {
        at += syllable.length;
        if (at > start && at < end) points.push(at);
      }
    }
  }
  return points;
}

/**
 * A BudouX parser with one of its bundled models. The package's entry point also loads its HTML processor and a
 * DOM implementation (a quarter of a second), which clair does not use: the parser and model files are loaded
 * directly.
 */
function budoux(model: 'ja' | 'zh-hans' | 'zh-hant'): Parser {
  const require = createRequire(import.meta.url);
  const dist = dirname(require.resolve('budoux'));
  const { Parser: BudouxParser } = require(join(dist, 'parser.js')) as { Parser: new (model: unknown) => Parser };
  const { model: weights } = require(join(dist, 'data', 'models', `${model}.js`)) as { model: unknown };
  return new BudouxParser(weights);
}

const budouxParsers = new Map<string, Parser | null>();
function budouxParser(lang: string): Parser | null {
  const key = lang.toLowerCase();
  let parser = budouxParsers.get(key);
  if (parser === undefined) {
    const primary = primaryLanguage(lang);
    parser = primary === 'ja' ? budoux('ja')
      : primary === 'zh' ? (/-(hant|tw|hk|mo)\b/.test(key) ? budoux('zh-hant') : budoux('zh-hans'))
        : null;
    budouxParsers.set(key, parser);
  }
  return parser;
}

/** Phrase boundaries BudouX finds in the Japanese/Chinese stretches of the text. */
function phraseBoundaries(normalized: NormalizedText): Set<number> {
  const boundaries = new Set<number>();
  // Consecutive spans of one language are parsed together so a phrase may cross a style change.
  let start = 0;
  while (start < normalized.text.length) {
    const lang = normalized.langAt(start);
    let end = start;
    while (end < normalized.text.length && normalized.langAt(end) === lang) end++;
    const parser = budouxParser(lang);
    if (parser) for (const b of parser.parseBoundaries(normalized.text.slice(start, end))) boundaries.add(start + b);
    start = end;
  }
  return boundaries;
}

/**
 * Break opportunities of the text as offsets (a break at k puts text[k] at the start of a new line), with the
 * rules of the language at each place.
 */
function breakOffsets(normalized: NormalizedText, atoms: Atom[], heading: boolean): Set<number> {
  const { text } = normalized;
  const offsets = new Set<number>();
  const phrases = heading ? phraseBoundaries(normalized) : undefined;
  let lastNonSpace: Atom | undefined;
  for (let k = 1; k < atoms.length; k++) {
    const before = atoms[k - 1]!;
    const after = atoms[k]!;
    if (before.kind !== 'space') lastNonSpace = before;
    const at = after.start;
    if (after.kind === 'space') continue;
    if (before.kind === 'space') {
      // A space is a break opportunity unless kinsoku binds the words on either side ("PR !", "12.5 ~").
      if (lastNonSpace && kinsokuAllows(text, lastNonSpace, after)) offsets.add(at);
      continue;
    }
    const lang = normalized.langAt(before.start);
    if (isKeepAllLanguage(lang)) continue;
    if (before.kind === 'glue' || after.kind === 'glue') continue;
    if (!kinsokuAllows(text, before, after)) continue;
    const ideographic = before.kind === 'ideographic' || after.kind === 'ideographic';
    if (!ideographic) continue;
    if (phrases && isIdeographicLanguage(lang) && !phrases.has(at)) continue;
    offsets.add(at);
  }
  for (const atom of atoms) {
    if (isIdeographicLanguage(normalized.langAt(atom.start)) || isKeepAllLanguage(normalized.langAt(atom.start))) continue;
    for (const at of hyphenBreaks(text, atom)) offsets.add(at);
  }
  for (const at of wordBoundaries(normalized, atoms)) offsets.add(at);
  // The author's U+200B opens a break anywhere; U+2060 closes one anywhere.
  for (const at of normalized.softBreaks) if (at > 0 && at < text.length) offsets.add(at);
  for (const at of normalized.glue) offsets.delete(at);
  return offsets;
}

/** Gentler-to-harsher places to split a unit that is wider than a whole line. */
function emergencyOffsets(normalized: NormalizedText, atoms: Atom[], start: number, end: number, level: 1 | 2): number[] {
  const { text } = normalized;
  const bounds = clusterBoundaries(text.slice(start, end)).map((b) => b + start).filter((b) => b > start && b < end);
  if (level === 2) return bounds;
  const atomAt = (offset: number) => atoms.find((a) => a.start <= offset && offset < a.end);
  return bounds.filter((b) => {
    const next = String.fromCodePoint(text.codePointAt(b)!);
    const previous = [...text.slice(start, b)].pop()!;
    if (NO_LINE_START.has(next) || NO_LINE_END.has(previous)) return false;
    const atom = atomAt(b - 1);
    // Inside a URL or word, prefer the places a reader expects a URL to continue: after / . - _ ? & = #,
    // but not between the two slashes of "https://".
    if (atom && atom.kind === 'word' && atomAt(b) === atom) return /[/.\-_?&=#]/u.test(previous) && !(previous === '/' && next === '/');
    return true;
  });
}

/**
 * Splits a unit too wide for a whole line (a long Korean word, a URL) at the gentlest places that make every piece
 * fit: a heading first at the ordinary break opportunities of its language, then at character boundaries kinsoku
 * allows (inside a URL after / . - _ ? & = #), then anywhere between two grapheme clusters.
 */
export class WideUnits {
  private ordinary?: number[];
  /** Offsets where a split was made at a hyphenation point: the line before ends in a visible hyphen. */
  readonly hyphenated = new Set<number>();

  constructor(private readonly normalized: NormalizedText, private readonly heading: boolean, private atoms?: Atom[]) {}

  /** text[start, end) as ranges that each fit, or that are a single place no further split can help. */
  split(start: number, end: number, fits: (start: number, end: number) => boolean): [number, number][] {
    const { normalized } = this;
    const atoms = (this.atoms ??= atomize(normalized.text, new Set(clusterBoundaries(normalized.text))));
    const within = (offsets: number[], s: number, e: number) => offsets.filter((b) => b > s && b < e);
    const ladder: ((s: number, e: number) => number[])[] = [
      (s, e) => (this.heading ? within((this.ordinary ??= [...breakOffsets(normalized, atoms, false)].sort((a, b) => a - b)), s, e) : []),
      (s, e) => {
        const points = hyphenationPoints(normalized, atoms, s, e);
        for (const at of points) this.hyphenated.add(at);
        return points;
      },
      (s, e) => emergencyOffsets(normalized, atoms, s, e, 1),
      (s, e) => emergencyOffsets(normalized, atoms, s, e, 2),
    ];
    const fitting: [number, number][] = [];
    const refine = (s: number, e: number, step: number) => {
      if (step >= ladder.length || fits(s, e)) {
        fitting.push([s, e]);
        return;
      }
      let from = s;
      for (const at of [...ladder[step]!(s, e), e]) {
        refine(from, at, step + 1);
        from = at;
      }
    };
    refine(start, end, 0);
    return fitting;
  }
}

/**
 * Cuts text into line units by the rules of each span's language. With `maxWidth` and `measure`, a unit wider
 * than a whole line is split so that nothing overflows the column.
 */
export function lineUnits(normalized: NormalizedText, options: BreakOptions = {}): LineUnit[] {
  const { text } = normalized;
  const clusterEnds = new Set(clusterBoundaries(text));
  const atoms = atomize(text, clusterEnds);
  const offsets = breakOffsets(normalized, atoms, options.heading === true);
  for (const at of normalized.hardBreaks) offsets.add(at);
  const cuts = [...offsets].filter((at) => at > 0 && at < text.length).sort((a, b) => a - b);

  let ranges: [number, number][] = [];
  let previous = 0;
  for (const cut of [...cuts, text.length]) {
    if (cut > previous) ranges.push([previous, cut]);
    previous = cut;
  }

  if (options.maxWidth !== undefined && options.measure) {
    const { maxWidth, measure } = options;
    const wide = new WideUnits(normalized, options.heading === true, atoms);
    ranges = ranges.flatMap(([start, end]) => wide.split(start, end, (s, e) => measure(s, e) <= maxWidth));
  }

  const newlines = new Map<number, number>();
  for (const at of normalized.hardBreaks) newlines.set(at, (newlines.get(at) ?? 0) + 1);
  const units: LineUnit[] = [];
  const emptyLines = (count: number, at: number) => {
    for (let n = 0; n < count; n++) units.push({ start: at, end: at, text: '', hardBreakAfter: true });
  };
  emptyLines(newlines.get(0) ?? 0, 0);
  for (const [start, end] of ranges) {
    if (start === end) continue;
    const count = newlines.get(end) ?? 0;
    units.push({ start, end, text: text.slice(start, end), hardBreakAfter: count > 0 });
    emptyLines(count - 1, end);
  }
  return units;
}

/** Convenience for one string in one language. */
export function breakText(text: string, lang: string, options: BreakOptions = {}): LineUnit[] {
  return lineUnits(normalize([{ text, lang }]), options);
}

/**
 * Phrases for the HTML renderer: a browser may wrap only between two phrases (insert <wbr> between them and
 * set `word-break: keep-all`). Japanese and Chinese are cut into BudouX phrases, other languages at spaces.
 */
export function phrases(text: string, lang: string): string[] {
  return breakText(text, lang, { heading: true }).map((unit) => unit.text).filter((t) => t !== '');
}
