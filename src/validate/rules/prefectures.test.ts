import { afterAll, describe, expect, it } from 'vitest';
import { replaceOnce, removeVariants, validateVariant } from '../__fixtures__/variants.js';
import { suggestPrefecture } from './prefectures.js';

afterAll(removeVariants);

describe('prefecture names are real', () => {
  it('reports a name that looks like a prefecture but is none, with the one probably meant', async () => {
    const { diagnostics } = await validateVariant({ 'festival.yaml': replaceOnce('{prefecture: 宮城県}', '{prefecture: 宮木県}') });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'unknown-prefecture', file: 'seoul/festival.yaml', pointer: '/editions/0/booths/exhibitors/3/prefecture', found: '宮木県',
      message: { en: '"宮木県" is not one of the 47 prefectures of Japan; did you mean "宮城県"?', ja: '「宮木県」は47都道府県にありません。「宮城県」の間違いではありませんか？' },
    });
  });

  it('checks every place a prefecture is named: bodies in any file and JET placements', async () => {
    const { diagnostics } = await validateVariant({
      'office.yaml': replaceOnce('{prefecture: 宮城県}', '{prefecture: 南県}'),
      'jet.yaml': replaceOnce('prefecture: 鳥取県', 'prefecture: 鳥鳥県'),
    });
    expect(diagnostics.map((d) => [d.file, d.pointer])).toEqual([
      ['seoul/jet.yaml', '/placements/0/byPrefecture/0/prefecture'],
      ['seoul/office.yaml', '/dispatchingBodies/1/prefecture'],
    ]);
  });

  it('answers a name in another language with its Japanese name', () => {
    expect(suggestPrefecture('Tottori県')).toBe('鳥取県');
    expect(suggestPrefecture('미야기현')).toBe('宮城県');
    expect(suggestPrefecture('hokkaido')).toBe('北海道');
    expect(suggestPrefecture('京都県')).toBe('京都府');
  });

  it('answers romanised and English spellings, with or without macrons and suffixes', () => {
    for (const [name, meant] of [
      ['Tottori', '鳥取県'], ['tottori-ken', '鳥取県'], ['Tottori Prefecture', '鳥取県'], ['Tôkyô-to', '東京都'],
      ['Toukyou', '東京都'], ['Tokyo Metropolis', '東京都'], ['Ōsaka-fu', '大阪府'], ['Hyougo', '兵庫県'], ['Kouchi', '高知県'],
      ['Totori', '鳥取県'], ['鳥取', '鳥取県'],
    ] as const) expect(suggestPrefecture(name), name).toBe(meant);
  });

  it('says which prefecture is meant when the name is not even written in Japanese, in English and Japanese', async () => {
    const { diagnostics } = await validateVariant({ 'jet.yaml': replaceOnce('prefecture: 鳥取県', 'prefecture: Tottori') });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'unknown-prefecture', file: 'seoul/jet.yaml', found: '"Tottori"',
      message: {
        en: expect.stringContaining('prefectures are written by their Japanese name; did you mean "鳥取県"?'),
        ja: expect.stringContaining('都道府県は日本語の名前で書きます。「鳥取県」の間違いではありませんか？'),
      },
    });
  });
});
