// Turns ajv's errors into diagnostics a content editor can act on: located at the offending key or value, in plain
// English and Japanese, with what was found and what was expected. The common keywords are worded here; the rare
// ones fall back to ajv-i18n. A failed `anyOf` (Text is a string OR {ja, ko, …}; a literal union) becomes one
// message about the branch the editor most likely meant instead of one per branch.
import { createRequire } from 'node:module';
import type { Diagnostic, Localized } from '../diagnostics.js';
import { showValue } from '../diagnostics.js';
import type { SourceFile } from '../load/source.js';
import { fieldLabel, pointerOf, segmentsOf, type Segment } from './paths.js';
import { didYouMean } from './suggest.js';
import { suggestPrefecture } from './rules/prefectures.js';
import type { JsonSchema, SchemaError, SharedSchemaName } from './validators.js';

type Words = Localized;

const TYPE_WORDS: Record<string, Words> = {
  string: { en: 'text', ja: 'テキスト' },
  integer: { en: 'a whole number', ja: '整数' },
  number: { en: 'a number', ja: '数値' },
  boolean: { en: 'true or false', ja: 'true か false' },
  array: { en: 'a list (lines starting with "- ")', ja: 'リスト（「- 」で始まる行）' },
  object: { en: 'a mapping (key: value lines)', ja: 'マッピング（「キー: 値」の行）' },
  null: { en: 'an empty value', ja: '空の値' },
};

/** What kind of value was found, in words: text, a whole number, a list of 3 items, nothing. */
export function kindOf(value: unknown): Words {
  if (value === null || value === undefined) return { en: 'nothing (the value is empty)', ja: '何もない（値が空）' };
  if (Array.isArray(value)) return { en: `a list of ${value.length} item${value.length === 1 ? '' : 's'}`, ja: `${value.length} 項目のリスト` };
  if (typeof value === 'object') return TYPE_WORDS.object!;
  if (typeof value === 'number') return Number.isInteger(value) ? TYPE_WORDS.integer! : TYPE_WORDS.number!;
  if (typeof value === 'boolean') return { en: 'true or false', ja: 'true / false' };
  return TYPE_WORDS.string!;
}

function typeWords(types: readonly string[]): Words {
  const words = types.map((t) => TYPE_WORDS[t] ?? { en: t, ja: t });
  return { en: words.map((w) => w.en).join(' or '), ja: words.map((w) => w.ja).join(' または ') };
}

/**
 * Japanese wording for the patterns of clair's schemas; their descriptions are English. Keyed by the pattern,
 * so a new pattern without an entry still gets its English description.
 */
const PATTERN_WORDS_JA: Record<string, string> = {
  '^\\d{4}-\\d{2}-\\d{2}$': '日付（YYYY-MM-DD、例: 2025-10-12）',
  '^\\d{4}-(0[1-9]|1[0-2])$': '年月（YYYY-MM、例: 1993-10）',
  '^([01]\\d|2[0-3]):[0-5]\\d$': '時刻（HH:MM、例: 13:30）',
  '^https?://[^\\s]+$': 'http:// または https:// で始まるアドレス',
  '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$': 'メールアドレス',
  '^.+(都|道|府|県)$': '都道府県名（例: 宮城県、北海道、東京都）',
  '^[a-z][a-z0-9-]*$': '英小文字・数字・ハイフンの ID（例: seoul）',
  '^[A-Z]{2}$': '2 文字の国コード（ISO 3166、例: KR）',
  '^\\+[0-9() -]+$': '国際形式の電話番号（例: +82(0)-2-733-5681）',
  '\\.(jpe?g|png)$': 'JPEG か PNG のファイル名',
};

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const stripDot = (text: string) => text.replace(/\.$/, '');

function patternWords(schema: JsonSchema | undefined, pattern: string): Words {
  const description = schema?.description ? stripDot(schema.description) : undefined;
  return {
    en: description ? lowerFirst(description) : `text matching ${pattern}`,
    ja: PATTERN_WORDS_JA[pattern] ?? (description ? `${description}` : `${pattern} に合うテキスト`),
  };
}

function listWords(values: readonly unknown[], max = 12): string {
  const shown = values.slice(0, max).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return values.length > max ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** Where in a field a message belongs: "staff.total", or "the file" for the document itself. */
function where(segments: readonly Segment[]): Words {
  const label = fieldLabel(segments);
  return label === '' ? { en: 'the file', ja: 'ファイル' } : { en: label, ja: label };
}

const isWithin = (path: string, base: string) => path === base || path.startsWith(`${base}/`);

/** ajv errors with each failed `anyOf` replaced by the errors of its most relevant branch (see chooseBranch). */
export function reduceAnyOf(errors: readonly SchemaError[]): SchemaError[] {
  const out: SchemaError[] = [];
  for (const error of errors) {
    if (error.keyword !== 'anyOf') {
      out.push(error);
      continue;
    }
    // ajv reports a branch's errors just before the anyOf error itself, inner anyOfs before outer ones.
    const prefix = `${error.schemaPath}/`;
    let start = out.length;
    while (start > 0 && out[start - 1]!.schemaPath.startsWith(prefix) && isWithin(out[start - 1]!.instancePath, error.instancePath)) start--;
    out.push(...chooseBranch(error, out.splice(start)));
  }
  return out;
}

function chooseBranch(anyOf: SchemaError, branchErrors: SchemaError[]): SchemaError[] {
  const branches = Array.isArray(anyOf.schema) ? (anyOf.schema as JsonSchema[]) : [];
  // A union of literals (platform: facebook | instagram | …) is one choice among values.
  if (branches.length > 0 && branches.every((b) => 'const' in b)) {
    return [{ ...anyOf, keyword: 'enum', params: { allowedValues: branches.map((b) => b.const) } }];
  }
  const prefix = `${anyOf.schemaPath}/`;
  const byBranch = new Map<number, SchemaError[]>();
  for (const error of branchErrors) {
    const index = Number(error.schemaPath.slice(prefix.length).split('/')[0]);
    const list = byBranch.get(index);
    if (list) list.push(error);
    else byBranch.set(index, [error]);
  }
  const wrongType = (index: number) =>
    (byBranch.get(index) ?? []).some((e) => e.keyword === 'type' && e.instancePath === anyOf.instancePath && e.schemaPath === `${prefix}${index}/type`);
  const candidates = branches.map((_, index) => index).filter((index) => byBranch.has(index) && !wrongType(index));
  if (candidates.length === 0) {
    // No branch has the right kind of value: one message naming every kind that would do.
    const types = [...new Set(branches.map((b) => b.type).filter((t): t is string => typeof t === 'string'))];
    if (types.length === 0) return [anyOf];
    return [{ ...anyOf, keyword: 'type', params: { type: types.join(',') } }];
  }
  // Several branches of the right kind, each failing on the value itself (a date OR a month): say what the union
  // accepts rather than pick one.
  if (candidates.length > 1 && candidates.every((index) => byBranch.get(index)!.every((e) => e.instancePath === anyOf.instancePath))) {
    return [{ ...anyOf, keyword: 'union', params: { branches } }];
  }
  // The branch whose errors reach deepest into the value is the one the editor was writing; then the fewest errors.
  const depth = (e: SchemaError) => e.instancePath.split('/').length;
  const score = (index: number) => {
    const errors = byBranch.get(index)!;
    return { depth: errors.reduce((deepest, e) => Math.max(deepest, depth(e)), 0), count: errors.length };
  };
  let best = candidates[0]!;
  for (const index of candidates.slice(1)) {
    const a = score(index);
    const b = score(best);
    if (a.depth > b.depth || (a.depth === b.depth && a.count < b.count)) best = index;
  }
  return byBranch.get(best)!;
}

let i18n: { en: (errors: SchemaError[]) => void; ja: (errors: SchemaError[]) => void } | undefined;

/** ajv-i18n's wording for keywords clair does not word itself; loaded only when such an error occurs. */
function ajvI18nMessage(error: SchemaError): Words {
  if (!i18n) {
    const require = createRequire(import.meta.url);
    i18n = { en: require('ajv-i18n/localize/en'), ja: require('ajv-i18n/localize/ja') };
  }
  const en = { ...error };
  const ja = { ...error };
  i18n.en([en]);
  i18n.ja([ja]);
  return { en: en.message ?? error.keyword, ja: ja.message ?? error.keyword };
}

interface Worded {
  code: string;
  message: Words;
  found?: string;
  expected?: Words;
  /** Where to point: the value (default), the key of the field, or a child key. */
  at?: { segments: Segment[]; where: 'value' | 'key' };
}

/** Resolves `$ref: clair:<name>` against the shared schemas, so descriptions of referenced parts are found. */
export type SchemaResolver = (schema: JsonSchema | undefined) => JsonSchema | undefined;

export function refResolver(shared: Record<SharedSchemaName, JsonSchema>): SchemaResolver {
  return (schema) => {
    if (schema?.$ref?.startsWith('clair:')) return shared[schema.$ref.slice('clair:'.length) as SharedSchemaName];
    return schema;
  };
}

function word(error: SchemaError, segments: Segment[], resolve: SchemaResolver): Worded {
  const field = where(segments);
  const parent = resolve(error.parentSchema);
  const data = error.data;
  switch (error.keyword) {
    case 'type': {
      const types = String(error.params.type ?? '').split(',');
      // Text: a plain string, or one string per language. Worded once here rather than as "text or a mapping".
      const isText = types.length === 2 && types.includes('string') && types.includes('object');
      const expected = isText
        ? { en: 'text, or one text per language ({ja: …, ko: …})', ja: 'テキスト、または言語ごとのテキスト（{ja: …, ko: …}）' }
        : typeWords(types);
      const description = !isText && parent?.description && (types.includes('object') || types.includes('array'))
        ? stripDot(parent.description) : undefined;
      return {
        code: 'schema-type',
        message: { en: `${field.en} should be ${expected.en}, not ${kindOf(data).en}`, ja: `${field.ja} は${expected.ja}で書いてください（${kindOf(data).ja}になっています）` },
        found: showValue(data),
        expected: description ? { en: `${expected.en}: ${lowerFirst(description)}`, ja: `${expected.ja}（${description}）` } : expected,
      };
    }
    case 'required': {
      const missing = String(error.params.missingProperty);
      const property = resolve(parent?.properties?.[missing]);
      const description = property?.description ? stripDot(property.description) : undefined;
      return {
        code: 'schema-required',
        message: segments.length === 0
          ? { en: `the file has no "${missing}"; it is required`, ja: `ファイルに「${missing}」がありません（必須です）` }
          : { en: `${field.en} has no "${missing}"; it is required`, ja: `${field.ja} に「${missing}」がありません（必須です）` },
        expected: { en: description ? `${missing}: ${lowerFirst(description)}` : `a "${missing}" key`, ja: `「${missing}」キー${description ? `（${description}）` : ''}` },
        at: { segments, where: 'key' },
      };
    }
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const allowed = Object.keys(parent?.properties ?? {}).filter((k) => k !== '$schema');
      const present = new Set(data && typeof data === 'object' ? Object.keys(data) : []);
      // Prefer a key that is still missing: "titel" next to no "title" is surely a typo of it.
      const suggestion = didYouMean(key, allowed.filter((k) => !present.has(k))) ?? didYouMean(key, allowed);
      const inField = segments.length === 0 ? { en: '', ja: '' } : { en: ` in ${field.en}`, ja: `${field.ja} の` };
      return {
        code: 'schema-unknown-key',
        message: {
          en: `unknown key "${key}"${inField.en}${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
          ja: `${inField.ja}キー「${key}」は使えません${suggestion ? `。「${suggestion}」の間違いではありませんか？` : ''}`,
        },
        found: key,
        expected: { en: `one of: ${listWords(allowed)}`, ja: `次のいずれか: ${listWords(allowed)}` },
        at: { segments: [...segments, key], where: 'key' },
      };
    }
    case 'enum':
    case 'const': {
      const allowed = error.keyword === 'const' ? [error.params.allowedValue] : (error.params.allowedValues as unknown[]);
      const suggestion = typeof data === 'string' ? didYouMean(data, allowed.filter((v): v is string => typeof v === 'string')) : undefined;
      return {
        code: 'schema-enum',
        message: {
          en: `${showValue(data)} is not allowed in ${field.en}${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
          ja: `${field.ja} に ${showValue(data)} は使えません${suggestion ? `。「${suggestion}」の間違いではありませんか？` : ''}`,
        },
        found: showValue(data),
        expected: { en: `one of: ${listWords(allowed)}`, ja: `次のいずれか: ${listWords(allowed)}` },
      };
    }
    case 'pattern': {
      const expected = patternWords(parent, String(error.params.pattern));
      // "Tottori" where a prefecture's Japanese name belongs: say which one.
      const prefecture = typeof data === 'string' && parent?.description?.startsWith('A Japanese prefecture') ? suggestPrefecture(data) : undefined;
      if (prefecture) {
        return {
          code: 'unknown-prefecture',
          message: {
            en: `${field.en}: prefectures are written by their Japanese name; did you mean "${prefecture}"?`,
            ja: `${field.ja}: 都道府県は日本語の名前で書きます。「${prefecture}」の間違いではありませんか？`,
          },
          found: showValue(data),
          expected,
        };
      }
      return {
        code: 'schema-pattern',
        message: { en: `${field.en} is not written as expected`, ja: `${field.ja} の書き方が違います` },
        found: showValue(data),
        expected,
      };
    }
    case 'union': {
      const branches = (error.params.branches as JsonSchema[]).map((b) => resolve(b) ?? b);
      const words = branches.map((b) => (b.pattern ? patternWords(b, b.pattern) : typeWords([String(b.type)])));
      return {
        code: 'schema-pattern',
        message: { en: `${field.en} is not written as expected`, ja: `${field.ja} の書き方が違います` },
        found: showValue(data),
        expected: {
          en: parent?.description ? lowerFirst(stripDot(parent.description)) : words.map((w) => w.en).join(', or '),
          ja: words.map((w) => w.ja).join('、または '),
        },
      };
    }
    case 'format':
      return {
        code: 'schema-format',
        message: error.params.format === 'date'
          ? { en: `${field.en}: ${showValue(data)} is not a real calendar date`, ja: `${field.ja}: ${showValue(data)} は実在しない日付です` }
          : { en: `${field.en} is not a valid ${String(error.params.format)}`, ja: `${field.ja} は ${String(error.params.format)} の形式ではありません` },
        found: showValue(data),
        expected: error.params.format === 'date' ? { en: 'a date that exists, YYYY-MM-DD', ja: '実在する日付（YYYY-MM-DD）' } : undefined,
      };
    case 'minLength':
      return {
        code: 'schema-empty',
        message: { en: `${field.en} is empty`, ja: `${field.ja} が空です` },
        found: showValue(data),
        expected: { en: 'some text', ja: '空でないテキスト' },
      };
    case 'minProperties':
      return {
        code: 'schema-empty',
        message: { en: `${field.en} is an empty mapping`, ja: `${field.ja} が空のマッピングです` },
        found: showValue(data),
        expected: parent?.description ? { en: lowerFirst(stripDot(parent.description)), ja: `${error.params.limit} 個以上のキー（${stripDot(parent.description)}）` } : { en: `at least ${error.params.limit} key`, ja: `${error.params.limit} 個以上のキー` },
      };
    case 'minItems':
    case 'maxItems': {
      const limit = Number(error.params.limit);
      const count = Array.isArray(data) ? data.length : 0;
      const min = error.keyword === 'minItems';
      return {
        code: 'schema-list-length',
        message: min
          ? { en: `${field.en} needs at least ${limit} item${limit === 1 ? '' : 's'}`, ja: `${field.ja} には ${limit} 項目以上が必要です` }
          : { en: `${field.en} has more than ${limit} item${limit === 1 ? '' : 's'}`, ja: `${field.ja} は ${limit} 項目までです` },
        found: `${count} item${count === 1 ? '' : 's'}`,
        expected: min ? { en: `at least ${limit}`, ja: `${limit} 項目以上` } : { en: `at most ${limit}`, ja: `${limit} 項目以下` },
      };
    }
    case 'uniqueItems': {
      const i = Number(error.params.i);
      const j = Number(error.params.j);
      const value = Array.isArray(data) ? data[i] : undefined;
      return {
        code: 'schema-duplicate-item',
        message: { en: `${field.en} lists ${showValue(value)} twice (items ${j} and ${i})`, ja: `${field.ja} に ${showValue(value)} が2回あります（${j} 番目と ${i} 番目、0 から数えて）` },
        found: showValue(value),
        expected: { en: 'each item once', ja: '各項目を1回ずつ' },
        at: { segments: [...segments, i], where: 'value' },
      };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const limit = Number(error.params.limit);
      const min = error.keyword.toLowerCase().includes('minimum');
      const description = parent?.description ? ` (${stripDot(parent.description)})` : '';
      return {
        code: 'schema-range',
        message: min
          ? { en: `${field.en} is too small`, ja: `${field.ja} が小さすぎます` }
          : { en: `${field.en} is too large`, ja: `${field.ja} が大きすぎます` },
        found: showValue(data),
        expected: min
          ? { en: `${limit} or more${description}`, ja: `${limit} 以上` }
          : { en: `${limit} or less${description}`, ja: `${limit} 以下` },
      };
    }
    default: {
      const message = ajvI18nMessage(error);
      return {
        code: `schema-${error.keyword}`,
        message: { en: `${field.en} ${message.en}`, ja: `${field.ja}: ${message.ja}` },
        found: showValue(data),
      };
    }
  }
}

/**
 * Diagnostics for the errors a schema validator returned on `source`: at most `limit` of them, because locating
 * each costs a walk through the file and a garbage file can have tens of thousands. `omitted` says how many more.
 */
export function schemaDiagnostics(
  errors: readonly SchemaError[], source: SourceFile, file: string, resolve: SchemaResolver, limit = Number.POSITIVE_INFINITY,
): { diagnostics: Diagnostic[]; omitted: number } {
  // "2025/10/12" breaks the date pattern and, inevitably, the date format: the pattern says it all.
  const patternAt = new Set(errors.filter((e) => e.keyword === 'pattern').map((e) => e.instancePath));
  const reduced = reduceAnyOf(errors.filter((e) => !(e.keyword === 'format' && patternAt.has(e.instancePath))));
  const omitted = Math.max(0, reduced.length - limit);
  const worded = reduced.slice(0, limit).map((error) => {
    const segments = segmentsOf(error.instancePath);
    return { error, segments, worded: word(error, segments, resolve) };
  });
  // "titel" reported as unknown with the suggestion "title" already says that title is missing.
  const suggested = new Set(
    worded
      .filter((w) => w.error.keyword === 'additionalProperties')
      .map((w) => `${w.error.instancePath}\u0000${/did you mean "([^"]+)"/.exec(w.worded.message.en)?.[1] ?? ''}`),
  );
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const { error, segments, worded: w } of worded) {
    if (error.keyword === 'required' && suggested.has(`${error.instancePath}\u0000${String(error.params.missingProperty)}`)) continue;
    const at = w.at ?? { segments, where: 'value' as const };
    const { line, column } = source.locate(at.segments, at.where);
    const diagnostic: Diagnostic = {
      severity: 'error', code: w.code, file, line, column, pointer: pointerOf(at.segments), message: w.message,
      ...(w.found !== undefined ? { found: w.found } : {}),
      ...(w.expected ? { expected: w.expected } : {}),
    };
    const key = `${diagnostic.line}:${diagnostic.column}:${diagnostic.code}:${diagnostic.message.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(diagnostic);
  }
  return { diagnostics, omitted };
}
