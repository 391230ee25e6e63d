// Renders diagnostics in the format asked for; `clair validate` and `clair build` both print through here, so a
// problem reads the same whichever command found it.
import type { Diagnostic, UiLanguage } from '../../diagnostics.js';
import { formatGithub, formatJson, formatJunit } from './machine.js';
import { formatText } from './text.js';

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
      return formatText(diagnostics, lang, files, options.color ?? false);
    case 'json':
      return formatJson(diagnostics, lang, files);
    case 'github':
      return formatGithub(diagnostics, lang);
    case 'junit':
      return formatJunit(diagnostics, lang, files);
  }
}

export { summarize, summaryLine, type Summary } from './summary.js';
