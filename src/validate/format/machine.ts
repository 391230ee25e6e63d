// Diagnostics for tools: JSON (a stable, versioned shape), GitHub workflow commands (annotations on the pull
// request's files) and JUnit XML (test reports in CI dashboards).
import type { Diagnostic, UiLanguage } from '../../diagnostics.js';
import { position, severityWord, summarize } from './summary.js';

/** Bumped only when a field is removed or changes meaning; new fields may be added without a bump. */
export const JSON_FORMAT_VERSION = 1;

export function formatJson(diagnostics: readonly Diagnostic[], lang: UiLanguage, files: readonly string[]): string {
  const summary = summarize(diagnostics, files);
  const report = {
    version: JSON_FORMAT_VERSION,
    language: lang,
    summary,
    files: [...new Set([...files, ...diagnostics.map((d) => d.file)])].sort(),
    diagnostics: diagnostics.map((d) => ({
      file: d.file,
      line: d.line,
      column: d.column,
      severity: d.severity,
      code: d.code,
      pointer: d.pointer,
      message: d.message[lang],
      found: d.found ?? null,
      expected: d.expected ? d.expected[lang] : null,
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

// https://docs.github.com/actions/using-workflow-commands-for-github-actions: the message and the properties
// have their own escapes, or a colon in a message would end it and a newline would start a new command.
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(diagnostics: readonly Diagnostic[], lang: UiLanguage, path: (file: string) => string = (file) => file): string {
  const labels = lang === 'ja' ? { found: '値', expected: '期待' } : { found: 'found', expected: 'expected' };
  return diagnostics
    .map((d) => {
      const properties = [`file=${escapeProperty(path(d.file))}`];
      if (d.line > 0) properties.push(`line=${d.line}`, `col=${d.column}`);
      properties.push(`title=${escapeProperty(`clair ${d.code}`)}`);
      const details = [
        d.found !== undefined ? `${labels.found}: ${d.found}` : undefined,
        d.expected ? `${labels.expected}: ${d.expected[lang]}` : undefined,
      ].filter(Boolean);
      const message = details.length > 0 ? `${d.message[lang]}\n${details.join('\n')}` : d.message[lang];
      // GitHub's word for a note is "notice".
      return `::${d.severity === 'note' ? 'notice' : d.severity} ${properties.join(',')}::${escapeData(message)}\n`;
    })
    .join('');
}

/** Escapes text for XML and drops characters XML 1.0 cannot carry at all (NUL, most C0 controls, lone surrogates). */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * One <testsuite> per file and in it one <testcase> per rule that found something (failed when any finding is
 * an error; warnings are printed as output of a passing case), or a single passing case for a clean file.
 */
export function formatJunit(
  diagnostics: readonly Diagnostic[], lang: UiLanguage, files: readonly string[],
  options: { seconds?: number; fileSeconds?: ReadonlyMap<string, number>; path?: (file: string) => string } = {},
): string {
  const path = options.path ?? ((file: string) => file);
  const labels = lang === 'ja' ? { found: '値', expected: '期待' } : { found: 'found', expected: 'expected' };
  const allFiles = [...new Set([...files, ...diagnostics.map((d) => d.file)])].sort();
  const describe = (d: Diagnostic) => [
    `${position(d)}: ${severityWord(d.severity, lang)}: ${d.message[lang]}`,
    ...(d.found !== undefined ? [`  ${labels.found}: ${d.found}`] : []),
    ...(d.expected ? [`  ${labels.expected}: ${d.expected[lang]}`] : []),
  ].join('\n');
  const suites: string[] = [];
  let totalTests = 0;
  let totalFailures = 0;
  for (const file of allFiles) {
    const byCode = new Map<string, Diagnostic[]>();
    for (const d of diagnostics) {
      if (d.file !== file) continue;
      const list = byCode.get(d.code);
      if (list) list.push(d);
      else byCode.set(d.code, [d]);
    }
    const cases: string[] = [];
    let failures = 0;
    if (byCode.size === 0) {
      cases.push(`    <testcase name="valid" classname="${escapeXml(file)}" file="${escapeXml(path(file))}"/>`);
    }
    for (const [code, found] of [...byCode].sort(([a], [b]) => a.localeCompare(b))) {
      const errors = found.filter((d) => d.severity === 'error');
      const body = escapeXml(found.map(describe).join('\n'));
      // GitLab and Jenkins link a case to its file and first line; a finding about the whole file has no line.
      const line = found.find((d) => d.line > 0)?.line;
      const where = `file="${escapeXml(path(file))}"${line !== undefined ? ` line="${line}"` : ''}`;
      if (errors.length > 0) {
        failures++;
        const message = escapeXml(errors[0]!.message[lang] + (found.length > 1 ? ` (+${found.length - 1})` : ''));
        cases.push(`    <testcase name="${escapeXml(code)}" classname="${escapeXml(file)}" ${where}>\n      <failure type="${escapeXml(code)}" message="${message}">${body}</failure>\n    </testcase>`);
      } else {
        cases.push(`    <testcase name="${escapeXml(code)}" classname="${escapeXml(file)}" ${where}>\n      <system-out>${body}</system-out>\n    </testcase>`);
      }
    }
    totalTests += cases.length;
    totalFailures += failures;
    const seconds = options.fileSeconds?.get(file);
    const time = seconds !== undefined ? ` time="${seconds.toFixed(3)}"` : '';
    suites.push(`  <testsuite name="${escapeXml(file)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0"${time}>\n${cases.join('\n')}\n  </testsuite>`);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="clair validate" tests="${totalTests}" failures="${totalFailures}" errors="0"${options.seconds !== undefined ? ` time="${options.seconds.toFixed(3)}"` : ''}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
