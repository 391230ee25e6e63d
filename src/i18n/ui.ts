// The language of clair's own messages (not of the brochure): English or Japanese, from --lang or the locale.
import type { Localized, UiLanguage } from '../diagnostics.js';

export function uiLanguageFromEnv(env: NodeJS.ProcessEnv = process.env): UiLanguage {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE || '';
  return /^ja\b|^ja[_-]/i.test(locale) ? 'ja' : 'en';
}

export function parseUiLanguage(value: string | undefined, env: NodeJS.ProcessEnv = process.env): UiLanguage {
  if (value === undefined) return uiLanguageFromEnv(env);
  if (value === 'en' || value === 'ja') return value;
  throw new UsageError({ en: `--lang must be "en" or "ja", not "${value}"`, ja: `--lang は "en" か "ja" です（"${value}" が指定されました）` });
}

/** A mistake in how clair was called (exit code 2), as opposed to a problem in the data (exit code 1). */
export class UsageError extends Error {
  constructor(readonly localized: Localized) {
    super(localized.en);
  }
}

/** A file or folder clair cannot read or write (exit code 2, like a usage error), worded for people. */
export class IoError extends UsageError {}
