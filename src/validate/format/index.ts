// Renders diagnostics in the format asked for; `clair validate` and `clair build` both print through here, so a
// problem reads the same whichever command found it.
import type { Diagnostic, UiLanguage } from '../../diagnostics.js';
import { formatGithub, formatJson, formatJunit } from './machine.js';
import { formatText } from './text.js';
import { escapeControls } from '../../controls.js';

export const OUTPUT_FORMATS = ['text', 'json', 'github', 'junit'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface FormatOptions {
  /** Files that were checked, clean ones included: summaries count them, JUnit gives each a suite. */
  files?: readonly string[];
  /** Colours in the text format (a terminal that wants them). */
  color?: boolean;
}

export function formatDiagnostics(
  diagnostics: readonly Diagnostic[], format: OutputFormat, lang: UiLanguage, options: FormatOptions = {},
): string {
  const files = options.files ?? [];
  switch (format) {
    case 'text':
      // Values quoted from the data reach terminals and CI logs (which obey colour and other escape sequences):
      // their control characters are shown, not sent. JSON and XML escape them in their own ways.
      return formatText(diagnostics.map(withoutControls), lang, files.map((file) => escapeControls(file, { keepLines: false })), options.color ?? false);
    case 'json':
      return formatJson(diagnostics, lang, files);
    case 'github':
      return formatGithub(diagnostics.map(withoutControls), lang);
    case 'junit':
      return formatJunit(diagnostics, lang, files);
  }
}

function withoutControls(d: Diagnostic): Diagnostic {
  const clean = (text: string) => escapeControls(text);
  return {
    ...d, file: clean(d.file), message: { en: clean(d.message.en), ja: clean(d.message.ja) },
    ...(d.found !== undefined ? { found: clean(d.found) } : {}),
    ...(d.expected ? { expected: { en: clean(d.expected.en), ja: clean(d.expected.ja) } } : {}),
  };
}

export { summarize, summaryLine, type Summary } from './summary.js';
