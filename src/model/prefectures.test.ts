import { describe, expect, it } from 'vitest';
import { LANGUAGE_TAGS } from '../schema/common.js';
import { PREFECTURES, prefectureByName, prefectureName } from './prefectures.js';

describe('PREFECTURES', () => {
  it('lists the 47 prefectures in JIS order, from 北海道 (1) to 沖縄県 (47)', () => {
    expect(PREFECTURES).toHaveLength(47);
    expect(PREFECTURES.map((p) => p.code)).toEqual(Array.from({ length: 47 }, (_, i) => i + 1));
    expect(PREFECTURES[0]?.ja).toBe('北海道');
    expect(PREFECTURES[12]?.ja).toBe('東京都');
    expect(PREFECTURES[46]?.ja).toBe('沖縄県');
  });

  it('has a distinct, non-empty name in every language', () => {
    for (const lang of LANGUAGE_TAGS) {
      const names = PREFECTURES.map((p) => p[lang]);
      expect(names.every((name) => name.length > 0), lang).toBe(true);
      // Chinese keeps 北海道, 京都府 … as in Japanese, but no two prefectures share a name in one language.
      expect(new Set(names).size, lang).toBe(47);
    }
  });

  it('ends every Japanese name with 都, 道, 府 or 県, as data files write them', () => {
    for (const p of PREFECTURES) expect(p.ja).toMatch(/^.+(都|道|府|県)$/);
  });
});

describe('prefectureByName', () => {
  it('finds a prefecture by its Japanese name', () => {
    expect(prefectureByName('鳥取県')).toEqual({
      code: 31, ja: '鳥取県', ko: '돗토리현', en: 'Tottori', 'zh-Hans': '鸟取县', fr: 'Tottori',
    });
  });

  it('returns undefined for a name that is not a prefecture', () => {
    expect(prefectureByName('鳥取')).toBeUndefined();
    expect(prefectureByName('ソウル特別市')).toBeUndefined();
  });
});

describe('prefectureName', () => {
  it('gives the name for an edition language', () => {
    expect(prefectureName('青森県', 'ko')).toBe('아오모리현');
    expect(prefectureName('青森県', 'zh-Hans')).toBe('青森县');
    expect(prefectureName('北海道', 'en')).toBe('Hokkaido');
    expect(prefectureName('北海道', 'fr')).toBe('Hokkaidō');
    expect(prefectureName('東京都', 'ja')).toBe('東京都');
  });

  it('is undefined for a name that is not a prefecture, so a caller can fall back to it as written', () => {
    expect(prefectureName('京畿道', 'ko')).toBeUndefined();
    expect(prefectureName('京畿道', 'ko') ?? '京畿道').toBe('京畿道');
  });
});
