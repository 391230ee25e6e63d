// The language of clair's own messages (not of the brochure): English or Japanese, from the global --ui-lang option
// or the locale. Every command asks the same way (uiLanguageOf), so `clair validate`, `build`, `compare`, `serve`,
// `init` and `new edition` all speak the language the user chose.
import type { Localized, UiLanguage } from '../diagnostics.js';

/** The locale's language: LC_ALL, LC_MESSAGES, LANG, LANGUAGE; where none is set (Windows), the system's, from Intl. */
export function uiLanguageFromEnv(env: NodeJS.ProcessEnv = process.env, systemLocale: () => string = () => Intl.DateTimeFormat().resolvedOptions().locale): UiLanguage {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE || '';
  if (locale !== '') return /^ja\b|^ja[_-]/i.test(locale) ? 'ja' : 'en';
  return /^ja\b/i.test(systemLocale()) ? 'ja' : 'en';
}

/** The value of --ui-lang (or validate's older --lang) checked; no value means the locale's language. */
export function parseUiLanguage(value: string | undefined, env: NodeJS.ProcessEnv = process.env, option = '--ui-lang'): UiLanguage {
  if (value === undefined) return uiLanguageFromEnv(env);
  if (value === 'en' || value === 'ja') return value;
  throw new UsageError({ en: `${option} must be "en" or "ja", not "${value}"`, ja: `${option} は "en" か "ja" です（"${value}" が指定されました）` });
}

/** The message language a command runs in: its global --ui-lang option, or the locale. */
export function uiLanguageOf(command: { optsWithGlobals(): Record<string, unknown> }, env: NodeJS.ProcessEnv = process.env): UiLanguage {
  const value = command.optsWithGlobals().uiLang;
  return parseUiLanguage(typeof value === 'string' ? value : undefined, env);
}

/**
 * The message language before the command line is parsed (for errors met while parsing it): --ui-lang VALUE or
 * --ui-lang=VALUE when it is a known language, otherwise the locale's.
 */
export function uiLanguageFromArgv(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): UiLanguage {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg === '--ui-lang' ? argv[i + 1] : arg.startsWith('--ui-lang=') ? arg.slice('--ui-lang='.length) : undefined;
    if (value === 'en' || value === 'ja') return value;
  }
  return uiLanguageFromEnv(env);
}

/** A mistake in how clair was called (exit code 2), as opposed to a problem in the data (exit code 1). */
export class UsageError extends Error {
  constructor(readonly localized: Localized) {
    super(localized.en);
  }
}

/** A file or folder clair cannot read or write (exit code 2, like a usage error), worded for people. */
export class IoError extends UsageError {}
