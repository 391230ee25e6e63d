// Diagnostics for people: grouped by file, each problem as file:line:column with what was found and what was
// expected, coloured when the output is a terminal, and a summary line at the end.
import { Chalk } from 'chalk';
import type { Diagnostic, UiLanguage } from '../../diagnostics.js';
import { position, severityWord, summarize, summaryLine } from './summary.js';

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
    const severity = d.severity === 'error' ? chalk.red(severityWord(d.severity, lang)) : chalk.yellow(severityWord(d.severity, lang));
    lines.push(`  ${chalk.dim(position(d))}  ${severity}  ${d.message[lang]}  ${chalk.dim(d.code)}`);
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
