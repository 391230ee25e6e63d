// What clair knows about a language, in one place: how its lines break, its list and note marks, quotation marks
// and brackets, the order of names and place names, and the locale of its numbers and dates. Both renderers read
// it, so the PDF and the HTML cannot differ in marks. A profile is data (templates/languages/<tag>.yaml); a
// language without a file gets the defaults of its script, so adding a language takes at most one small file.
import { join } from 'node:path';
import type { Diagnostic, Localized } from '../diagnostics.js';
import { DataError, showValue } from '../diagnostics.js';
import { readDataFile, type SourceFile } from '../load/source.js';
import { LANGUAGE_TAG_PATTERN } from '../schema/constants.js';
import { didYouMean } from '../validate/suggest.js';
import { World } from '../world.js';

/**
 * How lines break: `kinsoku` between any two characters except where Japanese/Chinese rules forbid it; `spaces` at
 * spaces only (Korean); `spaces+hyphenation` at spaces and hyphens, a word too long for its line hyphenated from
 * patterns (Latin, Cyrillic, Greek scripts); `segmenter` at the word boundaries of Intl.Segmenter (Thai, Lao, Khmer,
 * Myanmar: written without spaces between words).
 */
export type LineBreaking = 'kinsoku' | 'spaces' | 'spaces+hyphenation' | 'segmenter';
export const LINE_BREAKING: readonly LineBreaking[] = ['kinsoku', 'spaces', 'spaces+hyphenation', 'segmenter'];

/** The order of a person's names: 山田太郎 / 홍길동 (family first), Taro Yamada (given first). */
export type NameOrder = 'family-first' | 'given-first';
/** The order of a place's parts: 栃木県小山市 (large to small), Oyama City, Tochigi (small to large). */
export type PlaceOrder = 'large-to-small' | 'small-to-large';

/** The marks of the view model's lists (document/blocks.ts ListBlock markers); numbered lists count ①②③. */
export type ListMark = 'bullet' | 'merit' | 'note' | 'arrow';
export const LIST_MARKS: readonly ListMark[] = ['bullet', 'merit', 'note', 'arrow'];

/** An opening and a closing mark, spaces included where the language puts them (French « and »). */
export type MarkPair = readonly [open: string, close: string];

export interface LanguageProfile {
  /** The BCP 47 tag asked for: "th", "zh-Hans". */
  readonly tag: string;
  /** ISO 15924 code of the language's script: Jpan, Kore, Hans, Latn, Thai. */
  readonly script: string;
  /** The profile file as shown to users, or undefined when every field is its script's default. */
  readonly file?: string;
  readonly lineBreaking: LineBreaking;
  /** Whether spaces separate words (English, Korean) or not (Japanese, Chinese, Thai). */
  readonly wordSpaces: boolean;
  /** Hyphenation patterns of the `hyphen` package (hyphen/patterns/<id>) for `spaces+hyphenation`: en-gb, fr. */
  readonly hyphenation?: string;
  /** List and note marks: ・ ◆ ※ ▶ in Japanese, • ◆ * ▶ in English. */
  readonly marks: Readonly<Record<ListMark, string>>;
  /** Quotation marks: 「」 and 『』 in Japanese, “ ” and ‘ ’ in English and Korean, « » (with narrow spaces) in French. */
  readonly quotes: { readonly primary: MarkPair; readonly secondary: MarkPair };
  /** Brackets of a parenthesised note: （） in Japanese and Chinese, ( ) elsewhere. */
  readonly brackets: MarkPair;
  readonly nameOrder: NameOrder;
  readonly placeOrder: PlaceOrder;
  /** What goes between the parts of a place name: "" (栃木県小山市), " " (도치기현 오야마시), ", " (Oyama, Tochigi). */
  readonly placeSeparator: string;
  /** Between names or titles listed in a row (the offices, a bilingual footer's two titles): "／" in Japanese, " / ". */
  readonly nameSeparator: string;
  /** Intl locale of numbers and dates: ja-JP, en-GB, fr-FR. */
  readonly locale: string;
  /** A quarter em between ideographs or kana and Latin letters or digits (JLREQ 3.2.5), set by both renderers. */
  readonly autospace: boolean;
  /** What the HTML edition needs: its `lang` attribute and the CSS that gives the browser the same line breaking. */
  readonly html: {
    readonly lang: string;
    readonly wordBreak: 'normal' | 'keep-all' | 'break-all';
    readonly lineBreak: 'auto' | 'loose' | 'normal' | 'strict' | 'anywhere';
    readonly hyphens: 'none' | 'manual' | 'auto';
  };
}

const TAG = new RegExp(LANGUAGE_TAG_PATTERN);

type Defaults = Omit<LanguageProfile, 'tag' | 'script' | 'file' | 'locale' | 'html'> & { html: Omit<LanguageProfile['html'], 'lang'> };

const CJK_MARKS = { bullet: '・', merit: '◆', note: '※', arrow: '▶' } as const;
const WESTERN_MARKS = { bullet: '•', merit: '◆', note: '*', arrow: '▶' } as const;
const CURLY_QUOTES = { primary: ['“', '”'], secondary: ['‘', '’'] } as const;
const ROUND_BRACKETS = ['(', ')'] as const;

/** Scripts written with spaces between words, broken at spaces and hyphenated (Latin, Cyrillic, Greek). */
const ALPHABETIC: Defaults = {
  lineBreaking: 'spaces+hyphenation', wordSpaces: true, marks: WESTERN_MARKS, quotes: CURLY_QUOTES, brackets: ROUND_BRACKETS,
  nameOrder: 'given-first', placeOrder: 'small-to-large', placeSeparator: ', ', nameSeparator: ' / ',
  html: { wordBreak: 'normal', lineBreak: 'auto', hyphens: 'auto' }, autospace: false,
};
/** Scripts written without spaces between words: Intl.Segmenter finds the words. */
const UNSPACED: Defaults = {
  ...ALPHABETIC, lineBreaking: 'segmenter', wordSpaces: false, placeSeparator: ' ',
  html: { wordBreak: 'normal', lineBreak: 'auto', hyphens: 'manual' }, autospace: false,
};
const HAN: Defaults = {
  lineBreaking: 'kinsoku', wordSpaces: false, marks: CJK_MARKS, quotes: CURLY_QUOTES, brackets: ['（', '）'],
  nameOrder: 'family-first', placeOrder: 'large-to-small', placeSeparator: '', nameSeparator: '／',
  html: { wordBreak: 'normal', lineBreak: 'strict', hyphens: 'manual' }, autospace: true,
};

/** Defaults per script (ISO 15924), for a language that has no profile file or leaves fields out. */
const SCRIPT_DEFAULTS: Record<string, Defaults> = {
  Jpan: { ...HAN, quotes: { primary: ['「', '」'], secondary: ['『', '』'] } },
  Hans: HAN,
  Hant: { ...HAN, quotes: { primary: ['「', '」'], secondary: ['『', '』'] } },
  Kore: {
    lineBreaking: 'spaces', wordSpaces: true, marks: { ...CJK_MARKS, bullet: '•' }, quotes: CURLY_QUOTES, brackets: ROUND_BRACKETS,
    nameOrder: 'family-first', placeOrder: 'large-to-small', placeSeparator: ' ', nameSeparator: ' / ',
    html: { wordBreak: 'keep-all', lineBreak: 'strict', hyphens: 'manual' }, autospace: false,
  },
  Latn: ALPHABETIC,
  Cyrl: ALPHABETIC,
  Grek: ALPHABETIC,
  Thai: UNSPACED,
  Laoo: UNSPACED,
  Khmr: UNSPACED,
  Mymr: UNSPACED,
};
/** Any other script: broken at spaces, no hyphenation patterns assumed. */
const OTHER_SCRIPT: Defaults = { ...ALPHABETIC, lineBreaking: 'spaces', html: { ...ALPHABETIC.html, hyphens: 'manual' } };

/** The script a tag is written in: its script subtag, else the likeliest one (Intl.Locale.maximize). */
function scriptOf(tag: string): string {
  try {
    return new Intl.Locale(tag).maximize().script ?? 'Zyyy';
  } catch {
    return 'Zyyy';
  }
}

/** The defaults of a tag, from its script; the locale is the tag itself with the likeliest region (en → en-US). */
function defaultProfile(tag: string, script = scriptOf(tag)): LanguageProfile {
  const base = SCRIPT_DEFAULTS[script] ?? OTHER_SCRIPT;
  const hyphenation = base.lineBreaking === 'spaces+hyphenation' ? tag.toLowerCase() : undefined;
  return { ...base, tag, script, locale: tag, ...(hyphenation ? { hyphenation } : {}), html: { ...base.html, lang: tag } };
}

// ---- Reading and checking a profile file ----

const PAIR = 'pair';
type Kind = 'string' | 'boolean' | typeof PAIR | readonly string[];
/** Every field a profile file may set, with what it must hold. */
const FIELDS: Record<string, Kind | Record<string, Kind>> = {
  script: 'string',
  lineBreaking: LINE_BREAKING,
  wordSpaces: 'boolean',
  hyphenation: 'string',
  marks: { bullet: 'string', merit: 'string', note: 'string', arrow: 'string' },
  quotes: { primary: PAIR, secondary: PAIR },
  brackets: PAIR,
  nameOrder: ['family-first', 'given-first'],
  placeOrder: ['large-to-small', 'small-to-large'],
  placeSeparator: 'string',
  nameSeparator: 'string',
  locale: 'string',
  autospace: 'boolean',
  html: {
    lang: 'string',
    wordBreak: ['normal', 'keep-all', 'break-all'],
    lineBreak: ['auto', 'loose', 'normal', 'strict', 'anywhere'],
    hyphens: ['none', 'manual', 'auto'],
  },
};

function expectedOf(kind: Kind): Localized {
  if (kind === 'string') return { en: 'a string', ja: '文字列' };
  if (kind === 'boolean') return { en: 'true or false', ja: 'true か false' };
  if (kind === PAIR) return { en: 'a pair [opening, closing] of non-empty strings', ja: '［開き, 閉じ］の空でない文字列2つ' };
  return { en: `one of ${kind.join(', ')}`, ja: `${kind.join('、')} のいずれか` };
}

function fits(kind: Kind, value: unknown): boolean {
  if (kind === 'string') return typeof value === 'string';
  if (kind === 'boolean') return typeof value === 'boolean';
  if (kind === PAIR) return Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string' && v.length > 0);
  return typeof value === 'string' && kind.includes(value);
}

function check(source: SourceFile, file: string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const report = (path: string[], code: string, message: Localized, found: unknown, expected?: Localized, where: 'value' | 'key' = 'value') => {
    const { line, column } = source.locate(path, where);
    problems.push({
      severity: 'error', code, file, line, column, pointer: `/${path.join('/')}`, message, found: showValue(found),
      ...(expected ? { expected } : {}),
    });
  };
  const walk = (value: unknown, fields: Record<string, Kind | Record<string, Kind>>, at: string[]) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      report(at, 'profile-type', { en: 'expected a mapping of fields', ja: '項目のマッピングが必要です' }, value, { en: 'a mapping', ja: 'マッピング' });
      return;
    }
    for (const [key, field] of Object.entries(value)) {
      const kind = fields[key];
      const path = [...at, key];
      if (kind === undefined) {
        const guess = didYouMean(key, Object.keys(fields));
        report(path, 'profile-unknown-field', {
          en: `unknown field "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
          ja: `不明な項目「${key}」${guess ? `（「${guess}」の誤りでは？）` : ''}`,
        }, key, { en: `one of ${Object.keys(fields).join(', ')}`, ja: `${Object.keys(fields).join('、')} のいずれか` }, 'key');
      } else if (typeof kind === 'object' && !Array.isArray(kind)) {
        walk(field, kind as Record<string, Kind>, path);
      } else if (!fits(kind as Kind, field)) {
        report(path, 'profile-type', { en: `"${key}" has the wrong value`, ja: `「${key}」の値が正しくありません` }, field, expectedOf(kind as Kind));
      }
    }
  };
  walk(source.data, FIELDS, []);
  const data = source.data as { locale?: unknown };
  if (problems.length === 0 && typeof data.locale === 'string') {
    try {
      new Intl.NumberFormat(data.locale);
    } catch {
      report(['locale'], 'profile-locale', { en: 'not a locale Intl knows', ja: 'Intl が知らないロケールです' }, data.locale, { en: 'a BCP 47 locale such as en-GB', ja: 'en-GB のような BCP 47 ロケール' });
    }
  }
  return problems;
}

type ProfileFile = Partial<Omit<LanguageProfile, 'tag' | 'file' | 'marks' | 'quotes' | 'html'>> & {
  marks?: Partial<LanguageProfile['marks']>;
  quotes?: Partial<LanguageProfile['quotes']>;
  html?: Partial<LanguageProfile['html']>;
};

/** The World of the installation (its templates/), for callers that format text without one of their own. */
let installWorld: World | undefined;
const cache = new Map<string, LanguageProfile>();

/**
 * The profile of a BCP 47 tag: templates/languages/<tag>.yaml (or of its shorter prefixes: zh-Hans-CN → zh-Hans
 * → zh) over the defaults of the tag's script; fields a file leaves out keep those defaults. Read once per
 * templates folder. Throws DataError (located, bilingual) for a profile file that is wrong, and Error for a
 * string that is not a language tag.
 */
export function languageProfile(lang: string, world?: World): LanguageProfile {
  if (!TAG.test(lang)) throw new Error(`"${lang}" is not a language tag (BCP 47: ja, ko, zh-Hans, en, th) / 「${lang}」は言語タグではありません`);
  const from = world ?? (installWorld ??= new World({ dataRoot: '.' }));
  const key = `${from.templatesDir}\u0000${lang}`;
  const cached = cache.get(key);
  if (cached) return cached;

  let profile = defaultProfile(lang);
  const parts = lang.split('-');
  for (let n = parts.length; n > 0; n--) {
    const path = join(from.templatesDir, 'languages', `${parts.slice(0, n).join('-')}.yaml`);
    if (!from.exists(path)) continue;
    const parsed = readDataFile(from, path);
    if (!parsed.ok) throw new DataError(parsed.diagnostics);
    const problems = check(parsed.source, from.display(path));
    if (problems.length > 0) throw new DataError(problems);
    const data = parsed.source.data as ProfileFile;
    // A script named in the file chooses the defaults the file's other fields are laid over.
    const base = data.script ? defaultProfile(lang, data.script) : profile;
    profile = {
      ...base,
      ...data,
      tag: lang,
      file: from.display(path),
      marks: { ...base.marks, ...data.marks },
      quotes: { ...base.quotes, ...data.quotes },
      html: { ...base.html, ...data.html },
    } as LanguageProfile;
    if (profile.lineBreaking !== 'spaces+hyphenation') profile = withoutHyphenation(profile);
    break;
  }
  cache.set(key, Object.freeze(profile));
  return profile;
}

function withoutHyphenation(profile: LanguageProfile): LanguageProfile {
  const { hyphenation: _, ...rest } = profile;
  return rest;
}

