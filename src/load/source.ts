// Reads one YAML data file into plain data while keeping a map back to source positions, so every later stage
// (schema, semantic rules, rendering) can report file:line:column. Hostile input is stopped here: non-UTF-8
// bytes, oversized files, alias bombs, duplicate keys.
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { createRequire } from 'node:module';
import type { Document, LineCounter, Node } from 'yaml';
import type { Diagnostic, Localized } from '../diagnostics.js';
import { showValue } from '../diagnostics.js';
import { FileLimitError, type World } from '../world.js';
import { contentProblems } from './content.js';
import { hintDiagnostic, mayHoldSlips, slipsBehindErrors, slipsInDocument } from './yaml-hints.js';

/**
 * The position-keeping YAML parser, loaded on first use: a well-formed file is read with js-yaml alone, and only a
 * problem to point at needs positions (loading it costs a build some 40 ms).
 */
let yamlModule: typeof import('yaml') | undefined;
function yaml(): typeof import('yaml') {
  return (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
}

/**
 * Larger files are refused: a year of office data is a few kilobytes (the largest Seoul file is under 10 KB), an
 * archive of thousands of events is a few hundred, and the YAML parser needs seconds for several megabytes.
 */
export const MAX_FILE_BYTES = 1024 * 1024;
/**
 * Larger photos are refused before they are read: a phone's JPEG is 2–10 MB and a brochure prints photos a few
 * centimetres wide; a file of hundreds of megabytes is a mistake (a video, a raw scan) that would fill the memory.
 */
export const MAX_PHOTO_BYTES = 32 * 1024 * 1024;
/** Aliases beyond this many are treated as an expansion attack ("billion laughs"). */
export const MAX_ALIASES = 200;
/** Deeper nesting is refused before it can exhaust the stack; clair's data nests less than ten levels deep. */
export const MAX_DEPTH = 64;

export interface SourceFile {
  path: string;
  text: string;
  data: unknown;
  /** 1-based line and column of the value at a JSON pointer path, or of its nearest existing parent. */
  locate(path: readonly (string | number)[], where?: 'value' | 'key'): { line: number; column: number };
  /** Warnings about a file that could be read, e.g. text cut short by a `#` comment (see yaml-hints.ts). */
  warnings?: Diagnostic[];
}

export type ParseResult = { ok: true; source: SourceFile } | { ok: false; diagnostics: Diagnostic[] };

function problem(
  file: string, code: string, line: number, column: number, message: Localized, extra: Partial<Diagnostic> = {},
): Diagnostic {
  return { severity: 'error', code, file, line, column, pointer: '', message, ...extra };
}

/** Position of byte `offset` in `bytes`, counting lines by LF. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // Column in characters: decode the valid prefix of the line.
  const prefix = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(lineStart, offset));
  return { line, column: [...prefix].length + 1 };
}

/** Offset of the first byte that is not valid UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    if (b < 0x80) { i++; continue; }
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong and surrogate forms.
    const c1 = bytes[i + 1]!;
    if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 > 0x9f) || (b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 > 0x8f)) return i;
    i += need + 1;
  }
  return -1;
}

/** A data file larger than MAX_FILE_BYTES: refused whole, without parsing. */
function tooLarge(path: string, size: number): Diagnostic {
  return problem(path, 'file-too-large', 0, 0, {
    en: `file is ${size.toLocaleString('en')} bytes; clair reads data files of at most ${MAX_FILE_BYTES.toLocaleString('en')} bytes`,
    ja: `ファイルが ${size.toLocaleString('ja')} バイトあります。データファイルは ${MAX_FILE_BYTES.toLocaleString('ja')} バイトまでです`,
  }, { found: `${size} bytes`, expected: { en: `at most ${MAX_FILE_BYTES} bytes`, ja: `${MAX_FILE_BYTES} バイト以下` } });
}

export function decodeUtf8(path: string, bytes: Uint8Array): { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] } {
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, diagnostics: [tooLarge(path, bytes.length)] };
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const { line, column } = bytePosition(bytes, bad);
    const hex = [...bytes.subarray(bad, Math.min(bad + 4, bytes.length))].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    return {
      ok: false,
      diagnostics: [
        problem(path, 'not-utf8', line, column, {
          en: 'the file is not valid UTF-8 text (save it as UTF-8; Shift_JIS or EUC-KR files are not read)',
          ja: 'ファイルが UTF-8 ではありません（UTF-8 で保存してください。Shift_JIS や EUC-KR は読めません）',
        }, { found: `bytes ${hex}`, expected: { en: 'UTF-8 text', ja: 'UTF-8 のテキスト' } }),
      ],
    };
  }
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a BOM is fine: editors on Windows add it
  return { ok: true, text };
}

function childOf(node: Node | null | undefined, segment: string | number): { value: Node | null; key: Node | null } | undefined {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === String(segment)) {
        return { value: (pair.value as Node | null) ?? null, key: pair.key as Node };
      }
    }
    return undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment] as Node | undefined;
    return item ? { value: item, key: item } : undefined;
  }
  return undefined;
}

const tooDeep = (path: string, line: number, column: number) =>
  problem(path, 'too-deep', line, column, {
    en: `the data is nested more than ${MAX_DEPTH} levels deep; clair's data files need fewer than ten`,
    ja: `データの入れ子が ${MAX_DEPTH} 段を超えています（clair のデータファイルは 10 段未満です）`,
  }, { expected: { en: `at most ${MAX_DEPTH} levels of nesting`, ja: `入れ子は ${MAX_DEPTH} 段まで` } });

const isStackOverflow = (error: unknown) => error instanceof RangeError && /call stack/i.test(error.message);

/**
 * Offset where flow collections ([ … ], { … }) nest deeper than MAX_DEPTH, or -1. The parser recurses per level,
 * so a file of 100,000 "[" would exhaust the stack after seconds of work; this linear scan answers at once.
 * Brackets inside quoted strings and comments do not count.
 */
function flowTooDeep(text: string): number {
  // Jumps from one character that matters to the next: a native regex scan, fast on long files.
  const special = /[#"'[\]{}]/g;
  const opensToken = (at: number) => {
    const previous = at === 0 ? 0x0a : text.charCodeAt(at - 1);
    return previous === 0x20 || previous === 0x09 || previous === 0x0a || previous === 0x0d;
  };
  let depth = 0;
  for (let match = special.exec(text); match; match = special.exec(text)) {
    const at = match.index;
    const c = match[0];
    if (c === '#') {
      if (!opensToken(at)) continue;
      const end = text.indexOf('\n', at);
      if (end < 0) break;
      special.lastIndex = end;
    } else if (c === '"' || c === "'") {
      if (!opensToken(at) && !'[{,:'.includes(text[at - 1] ?? '')) continue;
      const close = closingQuote(text, at);
      if (close < 0) break;
      special.lastIndex = close + 1;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_DEPTH) return at;
    } else if (depth > 0) {
      depth--;
    }
  }
  // Block sequences nest on one line too ("- - - - x"), one level per dash.
  const dashes = new RegExp(`(?:^|[ \\t])(?:-[ \\t]+){${MAX_DEPTH + 1}}`, 'm').exec(text);
  return dashes ? dashes.index + (/[ \t]/.test(dashes[0][0]!) ? 1 : 0) : -1;
}

/** Offset of the quote that closes the one at `open` (a backslash escapes in double quotes only), or -1. */
function closingQuote(text: string, open: number): number {
  const quote = text[open]!;
  let at = text.indexOf(quote, open + 1);
  while (quote === '"' && at > 0) {
    let backslashes = 0;
    while (text[at - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 0) break;
    at = text.indexOf(quote, at + 1);
  }
  return at;
}

type Located = { line: number; column: number };

/** The tags of YAML's core schema: `!!str 12` keeps a number as text. clair defines no tag of its own. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`));

/**
 * Any other tag (`!!js/function`, `!include ../../secrets.yaml`, `!<tag:yaml.org,2002:python/object>`) is an
 * error naming it: the parser would otherwise drop it and keep the value as plain text, or build a set or binary.
 */
function unknownTag(path: string, text: string, pos: (offset: number) => Located, node: Node, tag: string): Diagnostic {
  const start = node.range?.[0] ?? 0;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = /(![^\s]*)\s*$/.exec(text.slice(lineStart, start));
  const at = before ? lineStart + before.index : -1;
  const written = before ? before[1]! : tag;
  const { line, column } = pos(at >= 0 ? at : start);
  return problem(path, 'yaml-tag', line, column, {
    en: `the YAML tag ${written} is not one clair knows; data files use plain values (a tag can run code or read other files in other programs)`,
    ja: `YAML のタグ ${written} は clair では使えません。データファイルには値をそのまま書いてください（タグは他のプログラムではコードの実行や別ファイルの読み込みに使われます）`,
  }, { found: written, expected: { en: 'a value without a tag (or !!str, !!int, !!float, !!bool, !!null)', ja: 'タグのない値（または !!str, !!int, !!float, !!bool, !!null）' } });
}

/**
 * Duplicate keys and excessive nesting, in one pass over the parsed document. The parser's own `uniqueKeys`
 * check compares each key with every earlier one of its mapping, which hangs on a file of 100,000 keys; a set
 * per mapping keeps this linear. Iterative, so it cannot overflow the stack itself.
 */
function structureProblems(doc: Document.Parsed, path: string, text: string, pos: (offset: number) => Located): Diagnostic[] {
  const { isAlias, isMap, isPair, isScalar, isSeq } = yaml();
  const problems: Diagnostic[] = [];
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (isAlias(node)) continue;
    const tag = (node as { tag?: string } | null)?.tag;
    if (tag !== undefined && !CORE_TAGS.has(tag) && problems.length < 100) problems.push(unknownTag(path, text, pos, node as Node, tag));
    if (!(isMap(node) || isSeq(node))) continue;
    if (depth > MAX_DEPTH) {
      const { line, column } = pos(node.range?.[0] ?? 0);
      return [tooDeep(path, line, column)];
    }
    const seen = new Set<string>();
    for (const item of node.items) {
      if (isPair(item)) {
        if (isScalar(item.key)) {
          const key = String(item.key.value);
          if (seen.has(key) && problems.length < 100) {
            const offset = item.key.range?.[0] ?? 0;
            const { line, column } = pos(offset);
            problems.push(problem(path, 'duplicate-key', line, column,
              { en: `the key "${key}" appears twice in the same mapping; the second would silently replace the first`, ja: `同じマッピングの中でキー「${key}」が2回出てきます（後の値が前の値を黙って上書きしてしまいます）` },
              { found: showValue(text.slice(offset, offset + 40).split('\n')[0]) }));
          }
          seen.add(key);
        } else if (item.key) {
          stack.push({ node: item.key, depth: depth + 1 });
        }
        const keyTag = (item.key as { tag?: string } | null)?.tag;
        if (isScalar(item.key) && keyTag !== undefined && !CORE_TAGS.has(keyTag)) problems.push(unknownTag(path, text, pos, item.key as Node, keyTag));
        stack.push({ node: item.value, depth: depth + 1 });
      } else {
        stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

function locateIn(doc: Document.Parsed, pos: (offset: number) => Located, segments: readonly (string | number)[], where: 'value' | 'key' = 'value'): Located {
  let node: Node | null | undefined = doc.contents as Node | null;
  let at: Node | null | undefined = node;
  for (const segment of segments) {
    const child = childOf(node, segment);
    if (!child) break;
    at = where === 'key' && segment === segments[segments.length - 1] ? child.key ?? child.value : child.value ?? child.key;
    node = child.value;
  }
  const range = at?.range;
  return range ? pos(range[0]) : { line: 1, column: 1 };
}

/** Nodes a value stands for once its aliases are expanded, counted without expanding them. */
function expandedSize(value: unknown, memo: Map<object, number>, depth: number): number {
  if (value === null || typeof value !== 'object') return 1;
  if (depth > MAX_DEPTH) return Infinity;
  const known = memo.get(value);
  if (known !== undefined) return known;
  memo.set(value, Infinity); // a cycle (an alias inside its own anchor) is never plain data
  let size = 1;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    size += expandedSize(child, memo, depth + 1);
    if (size > MAX_EXPANDED_NODES) break;
  }
  memo.set(value, size);
  return size;
}

const MAX_QUICK_ALIASES = 10;

/** Ordinary data expands to a few thousand nodes; more means aliases multiply (left to the full parser to report). */
const MAX_EXPANDED_NODES = 200_000;

/**
 * The data of a well-formed file, read with js-yaml (several times faster than the position-keeping parser), or
 * undefined when anything is unusual: a syntax error, a duplicate key, a complex key, too much nesting or alias
 * expansion, an empty file. The full parser then reads the file and reports the problem with its position, so
 * both paths give the same data for valid files and the same messages for invalid ones.
 */
function quickParse(text: string): unknown {
  if (/^\s*\? /m.test(text) || /^%/m.test(text)) return undefined; // complex keys and directives: the full parser decides
  // A handful of aliases (a speaker named twice) cannot add up to the full parser's alias limit: with ten alias
  // tokens the most nested arrangement resolves fewer than 100 aliases. More go to the full parser, which counts.
  // An alias starts a node: at a line start or after `:`, `-`, `[`, `{` or `,` (`**bold**` inside text is no alias).
  if ((text.match(/(?:^|[:\-[{,])[ \t]*\*[^\s,[\]{}]+/gm) ?? []).length > MAX_QUICK_ALIASES) return undefined;
  let data: unknown;
  try {
    data = loadYaml(text, { schema: CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  if (data === null || data === undefined || typeof data !== 'object') return undefined;
  if (expandedSize(data, new Map(), 1) > MAX_EXPANDED_NODES) return undefined;
  return data;
}

export function parseYaml(path: string, bytes: Uint8Array): ParseResult {
  const decoded = decodeUtf8(path, bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.text;
  let lineCounter: LineCounter | undefined;
  /** The document with positions; lines are counted while it is parsed. */
  const parseDocument = () => {
    lineCounter = new (yaml().LineCounter)();
    return yaml().parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true, version: '1.2' });
  };
  const pos = (offset: number) => {
    const p = lineCounter!.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const deepAt = flowTooDeep(text);
  if (deepAt >= 0) {
    // Lines are only counted while parsing: count them here.
    const before = text.slice(0, deepAt);
    const line = before.split('\n').length;
    return { ok: false, diagnostics: [tooDeep(path, line, deepAt - before.lastIndexOf('\n'))] };
  }
  const quick = quickParse(text);
  // A file that may hold a slip (a `#` after text, a comma in {…}) parsed, but perhaps not as its author meant:
  // the full parser below looks at it.
  if (quick !== undefined && !mayHoldSlips(text, quick)) {
    // Positions are only needed to report a problem: the full parse runs on the first question.
    let located: Document.Parsed | undefined;
    const full = () => (located ??= parseDocument());
    const locate: SourceFile['locate'] = (segments, where) => locateIn(full(), pos, segments, where);
    const content = contentProblems(path, quick, locate, text);
    if (content.length > 0) return { ok: false, diagnostics: content };
    return { ok: true, source: { path, text, data: quick, locate } };
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument();
  } catch (error) {
    if (isStackOverflow(error)) return { ok: false, diagnostics: [tooDeep(path, 1, 1)] };
    const message = String((error as Error)?.message ?? error);
    return { ok: false, diagnostics: [problem(path, 'yaml-syntax', 1, 1, { en: `YAML: ${message}`, ja: `YAML: ${message}` })] };
  }
  if (doc.errors.some((e) => /call stack/i.test(e.message))) {
    const { line, column } = pos(doc.errors.find((e) => /call stack/i.test(e.message))!.pos[0]);
    return { ok: false, diagnostics: [tooDeep(path, line, column)] };
  }
  // A binary file that happens to be UTF-8 yields an error per line; the first ones say enough.
  const syntax = doc.errors.slice(0, 100).map((e) => {
    const { line, column } = pos(e.pos[0]);
    const duplicate = e.code === 'DUPLICATE_KEY';
    const detail = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return problem(path, duplicate ? 'duplicate-key' : 'yaml-syntax', line, column, duplicate
      ? { en: 'this key appears twice in the same mapping; the second would silently replace the first', ja: '同じマッピングの中でこのキーが2回出てきます（後の値が前の値を黙って上書きしてしまいます）' }
      : { en: `YAML syntax: ${detail}`, ja: `YAML の構文エラー: ${detail}` },
    { found: showValue(text.slice(e.pos[0], Math.min(e.pos[1], e.pos[0] + 40))) });
  });
  if (syntax.length > 0) {
    // One message naming the slip behind the parser's errors, instead of the parser's cascade.
    const hints = slipsBehindErrors(text, doc.errors);
    const diagnostics = hints.length > 0 ? hints.map((hint) => hintDiagnostic(path, hint, pos)) : syntax;
    return { ok: false, diagnostics: withSourceLines(diagnostics, text) };
  }
  const slips = slipsInDocument(yaml(), doc, text).map((hint) => hintDiagnostic(path, hint, pos));
  const slipErrors = slips.filter((d) => d.severity === 'error');
  if (slipErrors.length > 0) return { ok: false, diagnostics: withSourceLines(slipErrors, text) };
  const warnings = withSourceLines(slips, text);
  const structure = structureProblems(doc, path, text, pos);
  if (structure.length > 0) return { ok: false, diagnostics: structure };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    if (isStackOverflow(error)) return { ok: false, diagnostics: [tooDeep(path, 1, 1)] };
    const aliasAt = text.search(/\*[^\s,\]}]+/);
    const { line, column } = aliasAt >= 0 ? pos(aliasAt) : { line: 1, column: 1 };
    const message = String((error as Error).message ?? error);
    const isAlias = /alias/i.test(message);
    return {
      ok: false,
      diagnostics: [
        problem(path, isAlias ? 'alias-expansion' : 'yaml-syntax', line, column, isAlias
          ? { en: `aliases expand too much (more than ${MAX_ALIASES}); data files should not need this many`, ja: `エイリアスの展開が多すぎます（${MAX_ALIASES} 超）。データファイルでは不要なはずです` }
          : { en: `YAML: ${message}`, ja: `YAML: ${message}` }),
      ],
    };
  }
  if (data === null || data === undefined) {
    return { ok: false, diagnostics: [problem(path, 'empty-file', 1, 1, { en: 'the file is empty', ja: 'ファイルが空です' }, { expected: { en: 'a YAML mapping of this file\'s fields', ja: 'このファイルの項目を並べた YAML のマッピング' } })] };
  }

  const locate = (segments: readonly (string | number)[], where: 'value' | 'key' = 'value') => locateIn(doc, pos, segments, where);
  const content = contentProblems(path, data, locate, text);
  if (content.length > 0) return { ok: false, diagnostics: withSourceLines(content, text) };
  return { ok: true, source: { path, text, data, locate, ...(warnings.length > 0 ? { warnings } : {}) } };
}

/** Adds to each diagnostic the text of the line it points at, for the caret display of the text format. */
export function withSourceLines(diagnostics: Diagnostic[], text: string): Diagnostic[] {
  let lines: string[] | undefined;
  return diagnostics.map((d) => {
    if (d.sourceLine !== undefined || d.line < 1) return d;
    lines ??= text.split('\n');
    const line = lines[d.line - 1];
    return line === undefined ? d : { ...d, sourceLine: line.replace(/\r$/, '') };
  });
}

/** Code of the diagnostic for a file that exists but cannot be read: an I/O failure, exit code 2. */
export const UNREADABLE = 'unreadable';

/** Reads and parses one data file through the World; a file that cannot be read is an UNREADABLE diagnostic. */
export function readDataFile(world: World, path: string): ParseResult {
  // `clair serve` keeps the result until the file changes: an edit re-parses only the file that was saved.
  return world.derived(path, 'data-file', () => readAndParse(world, path));
}

function readAndParse(world: World, path: string): ParseResult {
  let bytes: Uint8Array;
  try {
    // Read no further than the limit: a file linked to /dev/zero or of gigabytes is refused before it is read.
    bytes = world.readBytes(path, MAX_FILE_BYTES);
  } catch (error) {
    if (error instanceof FileLimitError && error.code === 'EFBIG') return { ok: false, diagnostics: [tooLarge(world.display(path), error.size)] };
    if (error instanceof FileLimitError) {
      const { en, ja } = error.reason;
      return { ok: false, diagnostics: [problem(world.display(path), UNREADABLE, 0, 0, { en: `cannot read the file: ${en}`, ja: `ファイルを読めません: ${ja}` })] };
    }
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return {
      ok: false,
      diagnostics: [problem(world.display(path), UNREADABLE, 0, 0, { en: `cannot read the file (${reason})`, ja: `ファイルを読めません（${reason}）` })],
    };
  }
  return parseYaml(world.display(path), bytes);
}
