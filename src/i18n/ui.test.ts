// The message language: --ui-lang first (both spellings), then the locale variables, then — where none is set, as
// on Windows — the system's locale from Intl.
import { describe, expect, it } from 'vitest';
import { parseUiLanguage, uiLanguageFromArgv, uiLanguageFromEnv, UsageError } from './ui.js';

describe('the message language', () => {
  it('follows the locale variables, in POSIX order', () => {
    expect(uiLanguageFromEnv({ LANG: 'ja_JP.UTF-8' }, () => 'en-US')).toBe('ja');
    expect(uiLanguageFromEnv({ LANG: 'ja_JP.UTF-8', LC_ALL: 'en_US.UTF-8' }, () => 'ja-JP')).toBe('en');
    expect(uiLanguageFromEnv({ LC_MESSAGES: 'ja_JP' }, () => 'en-US')).toBe('ja');
    expect(uiLanguageFromEnv({ LANG: 'C.UTF-8' }, () => 'ja-JP')).toBe('en');
  });

  it('asks Intl when no locale variable is set (Windows)', () => {
    expect(uiLanguageFromEnv({}, () => 'ja-JP')).toBe('ja');
    expect(uiLanguageFromEnv({}, () => 'en-GB')).toBe('en');
    expect(uiLanguageFromEnv({ LANG: '' }, () => 'ja')).toBe('ja');
  });

  it('takes --ui-lang VALUE and --ui-lang=VALUE from the command line', () => {
    expect(uiLanguageFromArgv(['node', 'clair', '--ui-lang', 'ja', 'validate'], { LANG: 'en_US' })).toBe('ja');
    expect(uiLanguageFromArgv(['node', 'clair', 'validate', '--ui-lang=ja'], { LANG: 'en_US' })).toBe('ja');
    expect(uiLanguageFromArgv(['node', 'clair', 'validate', '--ui-lang=xx'], { LANG: 'ja_JP' })).toBe('ja');
  });

  it('refuses an unknown language as a usage error, in both languages', () => {
    expect(() => parseUiLanguage('ko')).toThrow(UsageError);
    try {
      parseUiLanguage('ko');
    } catch (error) {
      expect((error as UsageError).localized).toEqual({ en: '--ui-lang must be "en" or "ja", not "ko"', ja: '--ui-lang は "en" か "ja" です（"ko" が指定されました）' });
    }
  });
});
