// Diagnostics for people: grouped by file, each problem as file:line:column with what was found and what was
// expected, coloured when the output is a terminal, and a summary line at the end.
import { Chalk } from 'chalk';
import type { Diagnostic, UiLanguage } from '../../diagnostics.js';
import { position, severityWord, summarize, summaryLine } from './summary.js';

/** Columns a character takes in a terminal: East Asian wide and full-width characters take two. */
function cellWidth(char: string): number {
  const code = char.codePointAt(0)!;
  return (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3)
    || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60)
    || (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1f300 && code <= 0x1faff) || (code >= 0x20000 && code <= 0x3fffd)
    ? 2 : 1;
}

/** Longer lines are shown as a window around the column, so the caret stays on screen. */
const MAX_EXCERPT = 100;

/**
 * The line a problem is on with a caret under its column, as rustc and Typst show it:
 *      |
 *   12 |   address: 1 Raffles Place, #20-61
 *      |                             ^
 */
export function excerpt(sourceLine: string, line: number, column: number): string[] {
  // Control characters would move the cursor; a tab is one space so the caret lines up.
  let chars = [...sourceLine].map((c) => (c === '\t' ? ' ' : /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(c) ? '\ufffd' : c));
  let at = Math.max(0, Math.min(column - 1, chars.length));
  if (chars.length > MAX_EXCERPT) {
    const from = Math.max(0, at - MAX_EXCERPT / 2);
    const to = Math.min(chars.length, from + MAX_EXCERPT);
    chars = [...(from > 0 ? ['…'] : []), ...chars.slice(from, to), ...(to < chars.length ? ['…'] : [])];
    at = at - from + (from > 0 ? 1 : 0);
  }
  const gutter = ' '.repeat(String(line).length);
  const pad = chars.slice(0, at).reduce((width, c) => width + cellWidth(c), 0);
  return [`  ${gutter} |`, `  ${line} | ${chars.join('').trimEnd()}`, `  ${gutter} | ${' '.repeat(pad)}^`];
}

export function formatText(diagnostics: readonly Diagnostic[], lang: UiLanguage, files: readonly string[], color: boolean): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const lines: string[] = [];
  const labels = lang === 'ja' ? { found: '値', expected: '期待' } : { found: 'found', expected: 'expected' };
  let currentFile: string | undefined;
  for (const d of diagnostics) {
    if (d.file !== currentFile) {
      if (currentFile !== undefined) lines.push('');
      currentFile = d.file;
      lines.push(chalk.bold.underline(d.file));
    }
    const paint = d.severity === 'error' ? chalk.red : d.severity === 'warning' ? chalk.yellow : chalk.cyan;
    lines.push(`  ${chalk.dim(position(d))}  ${paint(severityWord(d.severity, lang))}  ${d.message[lang]}  ${chalk.dim(d.code)}`);
    // A note needs no change: one line each, so that a list of them stays short to read.
    if (d.severity === 'note') continue;
    if (d.sourceLine !== undefined && d.line > 0) lines.push(...excerpt(d.sourceLine, d.line, d.column).map((l, i) => (i === 2 ? l.replace(/\^$/, chalk.red('^')) : chalk.dim(l))));
    const details: string[] = [];
    if (d.found !== undefined) details.push(`${labels.found}: ${d.found}`);
    if (d.expected) details.push(`${labels.expected}: ${d.expected[lang]}`);
    for (const detail of details) lines.push(`      ${chalk.dim(detail)}`);
  }
  const summary = summarize(diagnostics, files);
  if (lines.length > 0) lines.push('');
  const mark = summary.errors > 0 ? chalk.red('✖') : summary.warnings > 0 ? chalk.yellow('⚠') : chalk.green('✔');
  lines.push(`${mark} ${summaryLine(summary, lang)}`);
  return `${lines.join('\n')}\n`;
}
