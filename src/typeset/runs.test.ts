import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INSTALL_ROOT, World } from '../world.js';
import { Typesetter } from './index.js';
import { loadTypesetter } from '../load/fonts.js';

const typesetter = await loadTypesetter(new World({ dataRoot: 'data' }));
/** Runs as "face id: text" for readable expectations. */
const runs = (text: string, lang: string, bold = false) => typesetter.splitRuns(text, lang, { bold }).map((run) => `${run.face.id}: ${run.text}`);

describe('font runs', () => {
  it('sets Hangul inside Japanese text in the Korean face, with its brackets', () => {
    expect(runs('⑤ 自治体 PR 専用 Instagram / Facebook 「도란도란」 (トランドラン)', 'ja')).toEqual([
      'noto-sans-cjk-jp-regular: ⑤ 自治体 PR 専用 Instagram / Facebook ',
      'noto-sans-cjk-kr-regular: 「도란도란」 ',
      'noto-sans-cjk-jp-regular: (トランドラン)',
    ]);
  });

  it('sets kana inside Korean text in the Japanese face', () => {
    expect(runs('도란도란 (トランドラン) 소식', 'ko')).toEqual([
      'noto-sans-cjk-kr-regular: 도란도란 ',
      'noto-sans-cjk-jp-regular: (トランドラン) ',
      'noto-sans-cjk-kr-regular: 소식',
    ]);
  });

  it('sets ideographs in the face of the text\'s language: Chinese forms in Chinese, Japanese in Japanese', () => {
    expect(runs('北京事务所', 'zh-Hans')).toEqual(['noto-sans-cjk-sc-regular: 北京事务所']);
    expect(runs('北京事務所', 'ja')).toEqual(['noto-sans-cjk-jp-regular: 北京事務所']);
    expect(runs('서울 (首爾)', 'ko')).toEqual(['noto-sans-cjk-kr-regular: 서울 (首爾)']);
  });

  it('keeps digits, spaces and punctuation with their neighbours so runs stay long', () => {
    expect(runs('2025年度は、42自治体を紹介しました!', 'ja')).toEqual(['noto-sans-cjk-jp-regular: 2025年度は、42自治体を紹介しました!']);
    expect(runs('Seoul, 2026 — 서울, 2026', 'en')).toEqual(['noto-sans-regular: Seoul, 2026 — ', 'noto-sans-cjk-kr-regular: 서울, 2026']);
  });

  // Kana and Han in English text take the same Japanese face; the run splits where the HTML's lang changes.
  it('falls back from a Latin face that lacks Hangul and kana to the CJK faces', () => {
    const latin = typesetter.fontStack('en')[0]!;
    expect(latin.id).toBe('noto-sans-regular');
    expect(typesetter.hasGlyph(latin.id, '서'.codePointAt(0)!)).toBe(false);
    expect(typesetter.hasGlyph(latin.id, 'ソ'.codePointAt(0)!)).toBe(false);
    expect(runs('CLAIR Seoul 서울 ソウル 首尔', 'en')).toEqual([
      'noto-sans-regular: CLAIR Seoul ',
      'noto-sans-cjk-kr-regular: 서울 ',
      'noto-sans-cjk-jp-regular: ソウル ',
      'noto-sans-cjk-jp-regular: 首尔',
    ]);
  });

  it('picks the bold face of each family for bold text', () => {
    expect(runs('Seoul 서울', 'en', true)).toEqual(['noto-sans-bold: Seoul ', 'noto-sans-cjk-kr-bold: 서울']);
  });

  it('tells the HTML which language each run was set as, for lang attributes', () => {
    expect(typesetter.splitRuns('「도란도란」です', 'ja').map((run) => [run.lang, run.text])).toEqual([['ko', '「도란도란」'], ['ja', 'です']]);
  });
});

describe('an office font with CJK fallback (fonts.yaml written here)', () => {
  let dir: string;
  let london: Typesetter;
  beforeAll(async () => {
    // A Latin face without accents or Hangul, made here so the test does not depend on which fonts ship.
    const require = createRequire(import.meta.url);
    const subsetFont = require('subset-font') as (font: Buffer, text: string, options: { targetFormat: string }) => Promise<Buffer>;
    dir = mkdtempSync(join(tmpdir(), 'clair-fonts-'));
    const latin = await subsetFont(readFileSync(join(INSTALL_ROOT, 'fonts', 'NotoSans-Regular.ttf')), 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz ', { targetFormat: 'truetype' });
    writeFileSync(join(dir, 'LondonSans-Regular.ttf'), latin);
    symlinkSync(join(INSTALL_ROOT, 'fonts', 'NotoSansCJK-Regular.ttc'), join(dir, 'NotoSansCJK-Regular.ttc'));
    writeFileSync(join(dir, 'fonts.yaml'), [
      'faces:',
      '  - { id: london-sans, family: London Sans, file: LondonSans-Regular.ttf, weight: normal }',
      '  - { id: jp, family: Noto Sans CJK JP, file: NotoSansCJK-Regular.ttc, postscriptName: NotoSansCJKjp-Regular, weight: normal }',
      '  - { id: kr, family: Noto Sans CJK KR, file: NotoSansCJK-Regular.ttc, postscriptName: NotoSansCJKkr-Regular, weight: normal }',
      'stacks:',
      '  ja: [Noto Sans CJK JP]',
      '  ko: [Noto Sans CJK KR]',
      '  zh-Hans: [Noto Sans CJK JP]',
      '  en: [Noto Sans CJK JP]',
      '  fr: [Noto Sans CJK JP]',
      'scripts: { Hangul: ko }',
      'offices:',
      '  london:',
      '    en: [London Sans, Noto Sans CJK JP]',
    ].join('\n'));
    london = await loadTypesetter(new World({ dataRoot: dir, fontsDir: dir }), { office: 'london' });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sets each character in the first face of the stack that has it', () => {
    expect(london.splitRuns('Cafe Crème 2026 서울', 'en').map((run) => `${run.face.id}: ${run.text}`)).toEqual([
      'london-sans: Cafe Cr',
      'jp: è',
      'london-sans: me ',
      'jp: 2026 ',
      'kr: 서울',
    ]);
  });

  it('uses the default stacks for other offices', async () => {
    const other = await loadTypesetter(new World({ dataRoot: dir, fontsDir: dir }), { office: 'paris' });
    expect(other.splitRuns('Cafe', 'en').map((run) => run.face.id)).toEqual(['jp']);
  });
});

describe('coverage (tofu)', () => {
  it('reports characters no face can draw, with their code point and the text', () => {
    const missing = typesetter.missingGlyphs('絵文字😀と𩸽', 'ja');
    expect(missing.map(({ character, codePoint, text, family }) => ({ character, codePoint, text, family }))).toEqual([
      { character: '😀', codePoint: 'U+1F600', text: '絵文字😀と𩸽', family: 'Noto Sans CJK JP' },
    ]);
    expect(missing[0]!.message.en).toContain('U+1F600');
    expect(missing[0]!.message.ja).toContain('U+1F600');
  });

  it('finds nothing missing in the reference brochure text, in regular and bold', () => {
    const excerpt = readFileSync(join(import.meta.dirname, '__fixtures__', 'seoul-excerpt.txt'), 'utf8');
    expect(typesetter.missingGlyphs(excerpt, 'ja')).toEqual([]);
    expect(typesetter.missingGlyphs(excerpt, 'ja', { bold: true })).toEqual([]);
  });

  it('ignores characters that are not drawn: controls, joiners, variation selectors', () => {
    expect(typesetter.missingGlyphs('葛\u{e0100}飾\u200d区\t', 'ja')).toEqual([]);
  });

  it('asks the font once per face and character', () => {
    const face = typesetter.library.face('noto-sans-cjk-sc-regular');
    const lookup = vi.spyOn(typesetter.library.font(face), 'hasGlyph');
    typesetter.hasGlyph(face.id, 0x9f8d);
    typesetter.hasGlyph(face.id, 0x9f8d);
    typesetter.missingGlyphs('龍龍龍', 'zh-Hans');
    expect(lookup).toHaveBeenCalledTimes(1);
    lookup.mockRestore();
  });
});
