// Renders diagnostics in the format asked for; `clair validate` and `clair build` both print through here, so a
// problem reads the same whichever command found it.
import type { Diagnostic, UiLanguage } from '../../diagnostics.js';
import { formatGithub, formatJson, formatJunit } from './machine.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';
import { escapeControls } from '../../controls.js';

export const OUTPUT_FORMATS = ['text', 'json', 'github', 'junit', 'sarif'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface FormatOptions {
  /** Files that were checked, clean ones included: summaries count them, JUnit gives each a suite. */
  files?: readonly string[];
  /** Colours in the text format (a terminal that wants them). */
  color?: boolean;
  /**
   * A file's path as the repository names it (GitHub annotations and SARIF must be relative to the repository root,
   * not to the working directory); default: as given.
   */
  repositoryPath?: (file: string) => string;
  /** Seconds the validation took (JUnit's time attribute), and per file the reading, parsing and schema check. */
  seconds?: number;
  fileSeconds?: ReadonlyMap<string, number>;
  /** clair's version (SARIF's tool driver). */
  version?: string;
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
      return formatGithub(diagnostics.map(withoutControls), lang, options.repositoryPath);
    case 'junit':
      return formatJunit(diagnostics, lang, files, {
        ...(options.seconds !== undefined ? { seconds: options.seconds } : {}),
        ...(options.fileSeconds ? { fileSeconds: options.fileSeconds } : {}),
        ...(options.repositoryPath ? { path: options.repositoryPath } : {}),
      });
    case 'sarif':
      return formatSarif(diagnostics, lang, { version: options.version ?? '0.0.0', path: options.repositoryPath ?? ((file) => file) });
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
