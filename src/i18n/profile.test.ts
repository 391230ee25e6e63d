import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../diagnostics.js';
import { World } from '../world.js';
import { languageProfile } from './profile.js';

/** A World whose templates folder holds only the given profile files. */
function worldWith(files: Record<string, string>): World {
  const dir = mkdtempSync(join(tmpdir(), 'clair-profile-'));
  mkdirSync(join(dir, 'languages'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'languages', name), text);
  return new World({ dataRoot: dir, templatesDir: dir, cwd: dir });
}

describe('languageProfile', () => {
  it('gives Japanese its kinsoku breaking, ・ and ※ marks, 「」 quotations and full-width brackets', () => {
    const ja = languageProfile('ja');
    expect(ja).toMatchObject({
      tag: 'ja', script: 'Jpan', lineBreaking: 'kinsoku', wordSpaces: false,
      marks: { bullet: '・', note: '※' }, quotes: { primary: ['「', '」'], secondary: ['『', '』'] }, brackets: ['（', '）'],
      nameOrder: 'family-first', placeOrder: 'large-to-small', placeSeparator: '', nameSeparator: '／', locale: 'ja-JP',
      autospace: true, html: { lang: 'ja', lineBreak: 'strict' },
    });
    expect(ja.file).toBe(join('templates', 'languages', 'ja.yaml').replace(/\\/g, '/'));
  });

  it('breaks Korean at spaces, keeps words whole in the HTML, and quotes with curly marks', () => {
    expect(languageProfile('ko')).toMatchObject({
      lineBreaking: 'spaces', wordSpaces: true, quotes: { primary: ['“', '”'] }, brackets: ['(', ')'],
      nameOrder: 'family-first', placeOrder: 'large-to-small', placeSeparator: ' ', nameSeparator: ' / ', html: { wordBreak: 'keep-all' },
    });
  });

  it('hyphenates English and French from their patterns; French quotes with guillemets and narrow spaces', () => {
    expect(languageProfile('en')).toMatchObject({
      lineBreaking: 'spaces+hyphenation', hyphenation: 'en-gb', marks: { bullet: '•', note: '*' },
      nameOrder: 'given-first', placeOrder: 'small-to-large', placeSeparator: ', ', locale: 'en-GB', html: { hyphens: 'auto' },
    });
    expect(languageProfile('fr').quotes.primary).toEqual(['«\u202f', '\u202f»']);
    expect(languageProfile('fr').hyphenation).toBe('fr');
  });

  it('breaks Thai at word boundaries and gives it Western marks, not the Japanese ・ and ※', () => {
    const th = languageProfile('th');
    expect(th).toMatchObject({ script: 'Thai', lineBreaking: 'segmenter', wordSpaces: false, marks: { bullet: '•', note: '*' } });
    expect(th.hyphenation).toBeUndefined();
  });

  it('derives a language without a profile file from its script', () => {
    const world = worldWith({});
    expect(languageProfile('lo', world)).toMatchObject({ script: 'Laoo', lineBreaking: 'segmenter', marks: { note: '*' }, locale: 'lo' });
    expect(languageProfile('lo', world).file).toBeUndefined();
    expect(languageProfile('de', world)).toMatchObject({ script: 'Latn', lineBreaking: 'spaces+hyphenation', hyphenation: 'de', nameOrder: 'given-first' });
    expect(languageProfile('zh-Hant', world)).toMatchObject({ lineBreaking: 'kinsoku', quotes: { primary: ['「', '」'] } });
    expect(languageProfile('ar', world)).toMatchObject({ script: 'Arab', lineBreaking: 'spaces' });
  });

  it('lays a small file over the script defaults, and serves longer tags from their prefix', () => {
    const world = worldWith({ 'vi.yaml': 'marks:\n  bullet: "–"\nlocale: vi-VN\n' });
    const vi = languageProfile('vi', world);
    expect(vi).toMatchObject({ marks: { bullet: '–', note: '*', merit: '◆' }, locale: 'vi-VN', lineBreaking: 'spaces+hyphenation', file: 'languages/vi.yaml' });
    expect(languageProfile('vi-VN', world)).toMatchObject({ tag: 'vi-VN', marks: { bullet: '–' } });
  });

  it('names the file, line and column of a wrong field, with what was expected', () => {
    const world = worldWith({ 'xx.yaml': 'lineBreaking: kinsokku\nmarkz: {}\nquotes:\n  primary: [«]\n' });
    let error: unknown;
    try {
      languageProfile('xx', world);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataError);
    const diagnostics = (error as DataError).diagnostics;
    expect(diagnostics.map((d) => [d.file, d.line, d.column, d.code])).toEqual([
      ['languages/xx.yaml', 1, 15, 'profile-type'],
      ['languages/xx.yaml', 2, 1, 'profile-unknown-field'],
      ['languages/xx.yaml', 4, 12, 'profile-type'],
    ]);
    expect(diagnostics[0]!.found).toBe('"kinsokku"');
    expect(diagnostics[0]!.expected!.en).toContain('kinsoku');
    expect(diagnostics[1]!.message.en).toContain('did you mean "marks"');
  });

  it('refuses a string that is not a language tag, so no path outside templates/languages is read', () => {
    expect(() => languageProfile('../ja')).toThrow(/not a language tag/);
  });
});
