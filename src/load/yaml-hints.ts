// YAML as office staff really write it: the slips that the parser either accepts with a different meaning (a `#`
// that turns the rest of an address into a comment, a comma that splits `{en: Bangkok, Thailand}` into two keys,
// full-width spaces that make a key of "　title") or refuses with a message about its own grammar ("Block
// collections are not allowed within flow collections"). Each slip becomes one located message that names the
// likely cause and the fix, and replaces the parser's cascade of consequences.
import type { Document, Node } from 'yaml';
import type { Diagnostic, Localized } from '../diagnostics.js';
import { showValue } from '../diagnostics.js';

type YamlModule = typeof import('yaml');
type Position = (offset: number) => { line: number; column: number };

export interface Hint {
  code: string;
  severity: Diagnostic['severity'];
  offset: number;
  message: Localized;
  found: string;
  expected: Localized;
}

export function hintDiagnostic(file: string, hint: Hint, pos: Position): Diagnostic {
  const { line, column } = pos(hint.offset);
  return {
    severity: hint.severity, code: hint.code, file, line, column, pointer: '', message: hint.message, found: hint.found,
    expected: hint.expected,
  };
}

/**
 * Cheap test of whether a file that parsed may hold one of the slips below, so that only such files pay for the
 * position-keeping parse: a `#` after text on a line, a key without a value (what a comma in `{en: Bangkok,
 * Thailand}` leaves), or a full-width space that starts a key or a list item.
 */
export function mayHoldSlips(text: string, data: unknown): boolean {
  // A comment after a closing bracket or quote cannot cut a text short.
  return /[^\s#}\]"'][ \t]+#/.test(text) || /^[ \t]*\u3000+(?:-|[^\s:]+:)/m.test(text) || hasNull(data, 0);
}

function hasNull(value: unknown, depth: number): boolean {
  if (value === null) return true;
  if (typeof value !== 'object' || depth > 64) return false;
  return (Array.isArray(value) ? value : Object.values(value as object)).some((child) => hasNull(child, depth + 1));
}

const lineAt = (text: string, offset: number) => {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end < 0 ? text.length : end);
};

const commentHint = (offset: number, comment: string, value: string): Hint => ({
  code: 'yaml-comment-in-text', severity: 'warning', offset,
  message: {
    en: '`#` after a space starts a comment in YAML, so the text ends before it; put the text in quotes if # belongs to it',
    ja: 'YAML では空白の後の「#」からコメントになり、テキストはその手前で終わります。# も本文なら、テキスト全体を引用符で囲んでください',
  },
  found: showValue(`#${comment}`),
  expected: {
    en: `the whole text in quotes: "${value} #${comment.trim()}", or a comment that is meant as one`,
    ja: `引用符で囲んだテキスト（"${value} #${comment.trim()}"）、または本当にコメントであること`,
  },
});

/** Slips in a file the parser accepted: text cut short by a comment, a comma in a flow mapping, full-width indentation. */
export function slipsInDocument(yaml: YamlModule, doc: Document.Parsed, text: string): Hint[] {
  const hints: Hint[] = [];
  const fullWidth = fullWidthIndentation(text);
  hints.push(...fullWidth);
  yaml.visit(doc, {
    Pair(_, pair, path) {
      const parent = path[path.length - 1] as Node | undefined;
      if (!yaml.isMap(parent) || !parent.flow || pair.value !== null || !yaml.isScalar(pair.key)) return;
      // `!!set {a, b}` has keys without values by definition (other checks refuse the tag itself).
      if (parent.tag) return;
      // `{ja: バンコク, en: Bangkok, Thailand}`: "Thailand" became a key without a value.
      const key = pair.key as { value: unknown; range?: [number, number, number] };
      const start = key.range?.[0] ?? 0;
      const before = text.slice(0, start).replace(/\s+$/, '');
      const textBefore = /([^{,\n]*),\s*$/.exec(before)?.[1]?.replace(/^.*?:\s*/, '') ?? '';
      hints.push({
        code: 'yaml-comma-in-flow', severity: 'error', offset: start,
        message: {
          en: `a comma inside {…} separates entries, so "${String(key.value)}" became a key of its own; put the text with the comma in quotes`,
          ja: `{…} の中のコンマは項目の区切りになるため、「${String(key.value)}」が独立したキーになっています。コンマを含むテキストは引用符で囲んでください`,
        },
        found: showValue(lineAt(text, start).trim()),
        expected: {
          en: `the text in quotes: "${textBefore}, ${String(key.value)}"`,
          ja: `引用符で囲んだテキスト（"${textBefore}, ${String(key.value)}"）`,
        },
      });
    },
    Scalar(_, node, path) {
      if (node.type !== 'PLAIN' || typeof node.value !== 'string' || !node.comment || !node.range) return;
      // Only prose can be cut short: a date, a code or a single word followed by a comment (`published:
      // 2027-03-05 # TODO`) is whole; "1 Raffles Place," is not.
      if (!/\s/.test(node.value) && !/[,;:(&/-]$/.test(node.value)) return;
      const parent = path[path.length - 1] as Node | undefined;
      // A key's comment belongs to the line, not to a text.
      if (yaml.isPair(parent) && parent.key === node) return;
      const hash = text.indexOf('#', node.range[1]);
      if (hash < 0 || text.slice(node.range[1], hash).includes('\n')) return;
      // A comment written as one (`value  # note`: two spaces before, one after, as YAML style guides ask) is
      // left alone; "1 Raffles Place, #20-61" has one space before the # and none after it.
      const gap = text.slice(node.range[1], hash);
      if (/^[ \t]{2,}$|\t/.test(gap) && /^#[ \t]/.test(text.slice(hash, hash + 2))) return;
      const end = text.indexOf('\n', hash);
      hints.push(commentHint(hash, text.slice(hash + 1, end < 0 ? text.length : end), node.value));
    },
  });
  return hints;
}

/** Lines whose key or list item is indented with full-width spaces (U+3000), which YAML does not count as indentation. */
function fullWidthIndentation(text: string): Hint[] {
  const hints: Hint[] = [];
  const pattern = /^([ \t]*)(\u3000+)(?=-|[^\s:]+:)/gm;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    hints.push({
      code: 'yaml-full-width-space', severity: 'error', offset: match.index + match[1]!.length,
      message: {
        en: `this line is indented with ${match[2]!.length} full-width space${match[2]!.length === 1 ? '' : 's'} (U+3000); YAML only counts half-width spaces, so the line is read as something else; indent with ordinary spaces`,
        ja: `この行は全角スペース ${match[2]!.length} 個で字下げされています。YAML は半角スペースしか字下げとして数えないため、別の意味に読まれます。半角スペースで字下げしてください`,
      },
      found: showValue(lineAt(text, match.index)),
      expected: { en: 'indentation with half-width spaces', ja: '半角スペースによる字下げ' },
    });
  }
  return hints;
}

/**
 * The likely cause of the parser's errors, read from the lines they point at: one hint per slip, or none when the
 * errors are not one of the slips staff make (the parser's own words are shown then).
 */
export function slipsBehindErrors(text: string, errors: readonly { code: string; pos: [number, number] }[]): Hint[] {
  const hints: Hint[] = [];
  const seenLines = new Set<number>();
  const lineStartOf = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  // A full-width colon after a key anywhere in the file makes the parser fail further on; say so at the colon.
  const keyColon = /^([ \t]*(?:-[ \t]+)?)([^\s:#'"{}[\]-][^:\n#]*?)：/gm;
  for (let match = keyColon.exec(text); match; match = keyColon.exec(text)) {
    const offset = match.index + match[1]!.length + match[2]!.length;
    seenLines.add(lineStartOf(offset));
    hints.push({
      code: 'yaml-full-width-colon', severity: 'error', offset,
      message: {
        en: `"${match[2]}" is followed by a full-width colon "："; YAML needs a half-width colon and a space after a key`,
        ja: `「${match[2]}」の後が全角のコロン「：」になっています。YAML のキーの後は半角のコロンと空白が必要です`,
      },
      found: showValue(lineAt(text, offset).trim()),
      expected: { en: `${match[2]}: …`, ja: `${match[2]}: …（半角のコロンと空白）` },
    });
  }
  for (const error of errors) {
    // The parser often notices a slip on the next line (an unclosed {…} whose } a comment hid): look back one line,
    // over blank and comment lines, which the parser reads past without a word.
    let start = lineStartOf(error.pos[0]);
    for (let back = 0; back < 2 && start >= 0; start = lineStartOf(Math.max(0, start - 1))) {
      if (seenLines.has(start)) break;
      const line = lineAt(text, start);
      if (back > 0 && /^\s*(#.*)?$/.test(line) && start > 0) continue;
      back++;
      const hint = lineSlip(line, start);
      if (!hint) {
        if (start === 0) break;
        continue;
      }
      seenLines.add(start);
      hints.push(hint);
      break;
    }
  }
  return hints.sort((a, b) => a.offset - b.offset);
}

/** The slip on one line that the parser refused, if it is one of the usual ones. */
function lineSlip(line: string, lineStart: number): Hint | undefined {
  const flowOpen = line.search(/[{[]/);
  // 'Japan's best': the apostrophe closes the quoted text and "s best'" is left over.
  const apostrophe = /'[^'\n]*'(?=[^\s,\]}#:])/.exec(line);
  if (apostrophe) {
    const quoted = apostrophe[0];
    const fixed = `"${quoted.slice(1, -1)}'${line.slice(apostrophe.index + quoted.length).split(/'/)[0]}"`;
    return {
      code: 'yaml-apostrophe', severity: 'error', offset: lineStart + apostrophe.index + quoted.length - 1,
      message: {
        en: 'an apostrophe inside text in single quotes ends the text; write it twice (\'\') or put the text in double quotes',
        ja: '一重引用符（\'…\'）で囲んだテキストの中のアポストロフィでテキストが終わってしまいます。\'\' と2つ重ねるか、二重引用符で囲んでください',
      },
      found: showValue(line.trim()),
      expected: { en: `the text in double quotes: ${fixed}`, ja: `二重引用符で囲んだテキスト: ${fixed}` },
    };
  }
  if (flowOpen >= 0) {
    const inside = line.slice(flowOpen);
    const hash = /[ \t]#/.exec(inside);
    if (hash) {
      return {
        code: 'yaml-comment-in-text', severity: 'error', offset: lineStart + flowOpen + hash.index + 1,
        message: {
          en: '`#` after a space starts a comment in YAML, which here also hides the closing bracket; put the text in quotes if # belongs to it',
          ja: 'YAML では空白の後の「#」からコメントになり、ここでは閉じ括弧まで隠れてしまいます。# も本文なら、テキストを引用符で囲んでください',
        },
        found: showValue(line.trim()),
        expected: { en: 'the text with # in quotes: {en: "1 Raffles Place, #20-61"}', ja: '# を含むテキストを引用符で囲む（{en: "1 Raffles Place, #20-61"}）' },
      };
    }
    // {en: Time: 10am}: a colon and a space inside a flow collection start a nested key.
    const colon = secondColonInFlow(line, flowOpen);
    if (colon) {
      return {
        code: 'yaml-colon-in-flow', severity: 'error', offset: lineStart + colon.at,
        message: {
          en: 'a colon followed by a space inside {…} or […] starts a new key; put the text with the colon in quotes',
          ja: '{…} や […] の中で「コロン＋空白」があると新しいキーになります。コロンを含むテキストは引用符で囲んでください',
        },
        found: showValue(colon.entry),
        expected: { en: `the text in quotes: "${colon.value}"`, ja: `引用符で囲んだテキスト（"${colon.value}"）` },
      };
    }
    // languages: [ja, en — the list runs on into the next lines, and the parser complains about those.
    const closing = missingClosers(line, flowOpen);
    if (closing) {
      const written = line.replace(/[ \t]+#.*$/, '').trimEnd();
      return {
        code: 'yaml-unclosed-flow', severity: 'error', offset: lineStart + flowOpen,
        message: {
          en: `the ${line[flowOpen]} opened here is not closed on its line, so YAML reads the next lines into it; add ${closing} at the end`,
          ja: `ここで開いた「${line[flowOpen]}」がこの行で閉じていないため、YAML は次の行以降も続きとして読みます。行末に「${closing}」を足してください`,
        },
        found: showValue(written.trim()),
        expected: { en: `${written.trim()}${closing}`, ja: `${written.trim()}${closing}` },
      };
    }
  }
  return undefined;
}

/** The brackets a line leaves open (`]`, `}]` …), outside quotes and comments; undefined when it closes them all. */
function missingClosers(line: string, from: number): string | undefined {
  const open: string[] = [];
  let quote: string | undefined;
  for (let i = from; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if ((c === '"' || c === "'") && /[\s{[,:]/.test(line[i - 1] ?? ' ')) quote = c;
    else if (c === '#' && /\s/.test(line[i - 1] ?? ' ')) break;
    else if (c === '{' || c === '[') open.push(c === '{' ? '}' : ']');
    else if (c === '}' || c === ']') open.pop();
  }
  return open.length > 0 ? open.reverse().join('') : undefined;
}

/**
 * The second `: ` of one entry of a flow collection, at the entry's own depth (a nested {…} has its own), outside
 * quotes and comments: `{ja: 時間, en: Time: 10am}` has one at "Time: 10am".
 */
function secondColonInFlow(line: string, from: number): { at: number; entry: string; value: string } | undefined {
  const stack: { colons: number; entryStart: number; firstColon: number }[] = [];
  let quote: string | undefined;
  for (let i = from; i < line.length; i++) {
    const c = line[i]!;
    const before = line[i - 1] ?? ' ';
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if ((c === '"' || c === "'") && /[\s{[,:]/.test(before)) quote = c;
    else if (c === '#' && /\s/.test(before)) break;
    else if (c === '{' || c === '[') stack.push({ colons: 0, entryStart: i + 1, firstColon: -1 });
    else if (c === '}' || c === ']') stack.pop();
    else if (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (c === ',') Object.assign(top, { colons: 0, entryStart: i + 1, firstColon: -1 });
      else if (c === ':' && /\s/.test(line[i + 1] ?? ' ')) {
        if (++top.colons === 1) top.firstColon = i;
        else {
          const rest = line.slice(i + 1);
          const end = i + 1 + (rest.search(/[,}\]]/) < 0 ? rest.length : rest.search(/[,}\]]/));
          return { at: i, entry: line.slice(top.entryStart, end).trim(), value: line.slice(top.firstColon + 1, end).trim() };
        }
      }
    }
  }
  return undefined;
}
