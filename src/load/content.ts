// What a data file's values may hold, beyond YAML and the schemas: checked on every key and value of every file
// as it is loaded, so validate and build refuse the same things with the same located messages.
// - Control characters (NUL, BEL, ESC, C1 …) print as empty boxes and, echoed to a terminal, can retitle or clear
//   it; bidirectional controls (U+202A–U+202E, U+2066–U+2069) reverse the text around them in the HTML while the
//   PDF ignores them, so the two editions would disagree. Neither has a place in brochure text.
// - A text longer than MAX_TEXT_CHARS is a paste gone wrong; it would take the layout minutes and gigabytes.
// - An integer beyond 2^53 cannot be held exactly and would print rounded; Infinity and NaN are no figures.
import type { Diagnostic } from '../diagnostics.js';
import { showValue } from '../diagnostics.js';

/**
 * The longest text of one field. The longest of the Seoul brochure is 120 characters; 5,000 fill two pages of a
 * brochure, far more than a caption or a paragraph needs.
 */
export const MAX_TEXT_CHARS = 5_000;

/** Control characters except tab and line feed (YAML block text keeps its line breaks). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/u;
/** Lone surrogates (from "\ud800" escapes) and the noncharacters U+FFFE and U+FFFF. */
const NOT_TEXT = /\p{Cs}|[\ufffe\uffff]/u;

const C0_NAMES = ['NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'HT', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI',
  'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US'];
const BIDI_NAMES: Record<number, string> = {
  0x202a: 'LEFT-TO-RIGHT EMBEDDING', 0x202b: 'RIGHT-TO-LEFT EMBEDDING', 0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE', 0x202e: 'RIGHT-TO-LEFT OVERRIDE', 0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE', 0x2068: 'FIRST STRONG ISOLATE', 0x2069: 'POP DIRECTIONAL ISOLATE',
};

/** "U+0007 (BEL)": a character named the way Unicode charts do. */
export function characterName(char: string): string {
  const code = char.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = code < 0x20 ? C0_NAMES[code] : code === 0x7f ? 'DEL' : code <= 0x9f ? 'C1 control' : BIDI_NAMES[code];
  return name ? `${hex} (${name})` : hex;
}

type Located = { line: number; column: number };
type Segment = string | number;

const MAX_PROBLEMS = 100;

/** Problems of the values of one parsed file; `locate` gives the position of a value (or of a key). */
export function contentProblems(
  file: string, data: unknown, locate: (path: readonly Segment[], where?: 'value' | 'key') => Located, text: string,
): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const report = (path: Segment[], where: 'value' | 'key', code: string, message: Diagnostic['message'], found: string, expected: Diagnostic['expected']) => {
    const { line, column } = locate(path, where);
    const pointer = path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
    problems.push({ severity: 'error', code, file, line, column, pointer, message, found, expected });
  };
  const checkText = (value: string, path: Segment[], where: 'value' | 'key') => {
    const control = CONTROL.exec(value) ?? NOT_TEXT.exec(value);
    if (control) {
      const name = characterName(control[0]);
      report(path, where, 'control-character', {
        en: `the text holds the control character ${name}: it prints as an empty box and can disturb a terminal`,
        ja: `テキストに制御文字 ${name} が入っています（印刷すると空の四角になり、端末の表示を乱すこともあります）`,
      }, `${name} in ${showValue(value)}`, { en: 'text without control characters (remove it)', ja: '制御文字のないテキスト（削除してください）' });
      return;
    }
    const bidi = BIDI.exec(value);
    if (bidi) {
      const name = characterName(bidi[0]);
      report(path, where, 'bidi-control', {
        en: `the text holds the bidirectional control ${name}: it would reverse the text around it in the HTML but not in the PDF`,
        ja: `テキストに双方向制御文字 ${name} が入っています（HTML では前後の文字の向きが変わり、PDF では変わらないため、両者が食い違います）`,
      }, `${name} in ${showValue(value)}`, { en: 'text without bidirectional controls (clair sets each text\'s direction itself)', ja: '双方向制御文字のないテキスト（文字の向きは clair が決めます）' });
      return;
    }
    if (where === 'value' && value.length > MAX_TEXT_CHARS) {
      const length = [...value].length;
      if (length > MAX_TEXT_CHARS) {
        report(path, where, 'text-too-long', {
          en: `the text is ${length.toLocaleString('en')} characters long; one field holds at most ${MAX_TEXT_CHARS.toLocaleString('en')}`,
          ja: `テキストが ${length.toLocaleString('ja')} 文字あります。1 つの項目は ${MAX_TEXT_CHARS.toLocaleString('ja')} 文字までです`,
        }, showValue(value), { en: `at most ${MAX_TEXT_CHARS} characters (split it, or shorten it)`, ja: `${MAX_TEXT_CHARS} 文字以内（分けるか短くしてください）` });
      }
    }
  };
  const checkNumber = (value: number, path: Segment[]) => {
    if (Number.isFinite(value) && (!Number.isInteger(value) || Number.isSafeInteger(value))) return;
    const { line, column } = locate(path);
    const written = (text.split('\n')[line - 1] ?? '').slice(column - 1).split(/[\s,\]}#]/)[0] || String(value);
    report(path, 'value', Number.isFinite(value) ? 'integer-too-large' : 'not-a-number', Number.isFinite(value)
      ? { en: `the number ${written} is larger than 2^53 − 1 (9,007,199,254,740,991) and cannot be held exactly: it would print as ${value}`, ja: `数値 ${written} は 2^53 − 1（9,007,199,254,740,991）を超えるため正確に扱えません（${value} と印刷されてしまいます）` }
      : { en: `${written} is not a figure that can be printed`, ja: `${written} は印刷できる数値ではありません` },
    written, { en: 'a number of at most 9,007,199,254,740,991', ja: '9,007,199,254,740,991 以下の数値' });
  };
  // Iterative: data nests at most MAX_DEPTH levels here, but a walk of its own costs nothing on the stack.
  const stack: { value: unknown; path: Segment[] }[] = [{ value: data, path: [] }];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') checkText(value, path, 'value');
    else if (typeof value === 'number') checkNumber(value, path);
    else if (Array.isArray(value)) for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
    else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        checkText(key, [...path, key], 'key');
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return problems;
}
