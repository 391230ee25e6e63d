import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataError } from '../diagnostics.js';
import { LANGUAGE_TAGS } from '../schema/common.js';
import { World } from '../world.js';
import { loadValidators } from '../validate/validators.js';
import { stackLanguage } from './config.js';
import { loadFontConfig } from '../load/fonts.js';

const { fonts } = await loadValidators();
const shipped = loadFontConfig(new World({ dataRoot: 'data' }), fonts);

describe('the shipped fonts/fonts.yaml', () => {
  it('has a stack for every language an office publishes in', () => {
    for (const lang of LANGUAGE_TAGS) expect(shipped.stacks[lang], lang).toBeDefined();
    expect(shipped.stacks.ja).toEqual(['Noto Sans CJK JP']);
    expect(shipped.stacks.ko).toEqual(['Noto Sans CJK KR']);
    expect(shipped.stacks['zh-Hans']).toEqual(['Noto Sans CJK SC']);
    expect(shipped.stacks.en).toEqual(['Noto Sans', 'Noto Sans CJK JP']);
  });

  it('sends Thai to the Thai stack, Hangul to the Korean stack and kana to the Japanese one', () => {
    expect(shipped.scripts.map(({ script, lang }) => [script, lang])).toEqual([['Thai', 'th'], ['Hangul', 'ko'], ['Hiragana', 'ja'], ['Katakana', 'ja']]);
  });

  it('finds the stack of a longer language tag by its prefix, and refuses an unknown language', () => {
    expect(stackLanguage(shipped, 'zh-Hans-CN')).toBe('zh-Hans');
    expect(stackLanguage(shipped, 'en-GB')).toBe('en');
    expect(() => stackLanguage(shipped, 'de')).toThrow(/no font stack for language "de"/);
  });
});

describe('a wrong fonts.yaml', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  const load = (yaml: string) => {
    dir = mkdtempSync(join(tmpdir(), 'clair-fonts-'));
    writeFileSync(join(dir, 'fonts.yaml'), yaml);
    writeFileSync(join(dir, 'Present.ttf'), 'not read while checking the configuration');
    try {
      loadFontConfig(new World({ dataRoot: dir, fontsDir: dir }), fonts);
    } catch (error) {
      if (error instanceof DataError) return error.diagnostics;
      throw error;
    }
    return [];
  };

  it('is reported in English and Japanese at the line of the mistake', () => {
    const problems = load([
      'faces:',
      '  - { id: latin, family: Latin, file: Present.ttf, weight: normal }',
      '  - { id: cjk, family: CJK, file: Missing.ttc, weight: normal }',
      'stacks:',
      '  ja: [CJK]',
      '  ko: [CJK]',
      '  zh-Hans: [CJK]',
      '  en: [Latn, CJK]',
      'scripts: { Hangul: ko, Klingon: ja }',
    ].join('\n'));
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['fonts-missing-file', 3],
      ['fonts-collection-face', 3],
      ['fonts-unknown-family', 8],
      ['fonts-missing-stack', 4],
      ['fonts-unknown-script', 9],
    ]);
    const family = problems.find((p) => p.code === 'fonts-unknown-family')!;
    expect(family.message.en).toContain('"Latn"');
    expect(family.message.ja).toContain('「Latn」');
    expect(problems.find((p) => p.code === 'fonts-missing-stack')!.message.en).toContain('"fr"');
  });

  it('names the field that breaks the schema, what it holds and what it may hold, as data files do', () => {
    const problems = load('faces:\n  - { id: latin, family: Latin, file: Present.ttf, weight: heavy }\nstacks: {}\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: 'schema-enum', line: 2, pointer: '/faces/0/weight', found: '"heavy"',
      expected: { en: 'one of: normal, bold', ja: '次のいずれか: normal, bold' },
    });
    expect(problems[0]!.message.en).toContain('faces[0].weight');
    expect(problems[0]!.message.ja).toContain('faces[0].weight');
  });
});
