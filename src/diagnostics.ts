// A problem found in the data, located like a compiler error (file:line:column) and worded in every
// user-facing language, so any output format can pick the reader's language without re-deriving the message.
// A note is information that needs no change (a photo entry without a file): never an error, not even with --strict.
export type Severity = 'error' | 'warning' | 'note';
export type UiLanguage = 'en' | 'ja';
export const UI_LANGUAGES: readonly UiLanguage[] = ['en', 'ja'];

export interface Localized {
  en: string;
  ja: string;
}

export interface Diagnostic {
  severity: Severity;
  /** Stable rule id, e.g. "yaml-syntax", "schema-type", "sum-mismatch". */
  code: string;
  /** Path as given to clair (relative to the working directory when possible). */
  file: string;
  /** 1-based; 0 when the problem concerns the whole file. */
  line: number;
  column: number;
  /** JSON Pointer of the offending value inside the file, "" for the document. */
  pointer: string;
  message: Localized;
  /** The value found, shown verbatim (already shortened). */
  found?: string;
  expected?: Localized;
  /** The text of the line the problem is on, for showing it with a caret under the column. */
  sourceLine?: string;
}

export class DataError extends Error {
  /** Set once the diagnostics have been printed, so the CLI does not print them twice. */
  reported = false;

  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message.en}`).join('\n'));
  }
}

/** Shortens a value for display: one line, at most `max` characters. */
export function showValue(value: unknown, max = 60): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (value === undefined) text = 'nothing';
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  text = text.replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function byLocation(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code);
}
