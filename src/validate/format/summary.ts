// The counts every output format reports: errors, warnings, files with problems, files checked.
import type { Diagnostic, Localized, UiLanguage } from '../../diagnostics.js';

export interface Summary {
  errors: number;
  warnings: number;
  /** Notes: information, not problems (not counted in filesWithProblems). */
  notes: number;
  /** Files with at least one problem. */
  filesWithProblems: number;
  /** Files looked at, with or without problems. */
  filesChecked: number;
}

export function summarize(diagnostics: readonly Diagnostic[], files: readonly string[] = []): Summary {
  const withProblems = new Set(diagnostics.filter((d) => d.severity !== 'note').map((d) => d.file));
  return {
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    notes: diagnostics.filter((d) => d.severity === 'note').length,
    filesWithProblems: withProblems.size,
    filesChecked: new Set([...files, ...diagnostics.map((d) => d.file)]).size,
  };
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "2 errors, 1 warning in 3 files (14 checked)" / "3 ファイルにエラー 2 件、警告 1 件（14 ファイルを確認）", then notes. */
export function summaryLine(summary: Summary, lang: UiLanguage): string {
  const notes: Localized = { en: `; ${count(summary.notes, 'note')}`, ja: `。注記 ${summary.notes} 件` };
  return problemsLine(summary, lang) + (summary.notes > 0 ? notes[lang] : '');
}

function problemsLine(summary: Summary, lang: UiLanguage): string {
  const text: Localized = summary.errors + summary.warnings === 0
    ? {
        en: `no problems in ${count(summary.filesChecked, 'file')}`,
        ja: `${summary.filesChecked} ファイルに問題はありません`,
      }
    : {
        en: `${count(summary.errors, 'error')}, ${count(summary.warnings, 'warning')} in ${count(summary.filesWithProblems, 'file')} (${summary.filesChecked} checked)`,
        ja: `${summary.filesWithProblems} ファイルにエラー ${summary.errors} 件、警告 ${summary.warnings} 件（${summary.filesChecked} ファイルを確認）`,
      };
  return text[lang];
}

export const severityWord = (severity: Diagnostic['severity'], lang: UiLanguage) =>
  lang === 'ja' ? ({ error: 'エラー', warning: '警告', note: '注記' } as const)[severity] : severity;

/** file:line:column, or just the file for a problem with the whole file. */
export const position = (d: Diagnostic) => (d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file);
