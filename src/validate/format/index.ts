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
  const files = (options.files ?? []).map((file) => escapeControls(file, { keepLines: false }));
  // Values quoted from the data reach terminals, CI logs and XML: their control characters are shown, not sent.
  diagnostics = diagnostics.map(withoutControls);
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

function withoutControls(d: Diagnostic): Diagnostic {
  const clean = (text: string) => escapeControls(text, { keepLines: false });
  return {
    ...d, file: clean(d.file), message: { en: clean(d.message.en), ja: clean(d.message.ja) },
    ...(d.found !== undefined ? { found: clean(d.found) } : {}),
    ...(d.expected ? { expected: { en: clean(d.expected.en), ja: clean(d.expected.ja) } } : {}),
  };
}

export { summarize, summaryLine, type Summary } from './summary.js';
