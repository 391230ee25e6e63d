import { afterAll, describe, expect, it } from 'vitest';
import { replaceOnce, removeVariants, validateVariant } from '../__fixtures__/variants.js';

afterAll(removeVariants);

const twoCountries = replaceOnce(
  'countryName: {ja: 韓国, ko: 한국}',
  'countryName: {ja: 韓国, ko: 한국}\ncountries:\n  - {code: KR, name: {ja: 韓国, ko: 한국}}\n  - {code: MN, name: {ja: モンゴル, ko: 몽골}}',
);

describe('the countries an office covers', () => {
  it('accepts a country the office covers on a record, and refuses one it does not, in English and Japanese', async () => {
    const ok = await validateVariant({ 'office.yaml': twoCountries, 'events.yaml': replaceOnce('venue: COEX', 'venue: COEX\n    country: MN') });
    expect(ok.diagnostics).toEqual([]);
    const { diagnostics } = await validateVariant({ 'events.yaml': replaceOnce('venue: COEX', 'venue: COEX\n    country: TH') });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'unknown-country', pointer: '/events/1/country', found: 'TH',
      message: {
        en: 'TH is not one of the countries the office covers (KR); add it to office.yaml countries, or correct the code',
        ja: 'TH は事務所の担当国（KR）にありません。office.yaml の countries に加えるか、国コードを直してください',
      },
    });
  });

  it('checks the place of a festival edition and the country of an influencer visit the same way', async () => {
    const festival = (code: string) => replaceOnce('    venue: COEX', `    venue: COEX\n    country: ${code}\n    city: {ja: ウランバートル, ko: 울란바토르}`);
    const visit = (code: string) => replaceOnce('  - fiscalYear: 2025\n    destinations:', `  - fiscalYear: 2025\n    country: ${code}\n    destinations:`);
    const ok = await validateVariant({ 'office.yaml': twoCountries, 'festival.yaml': festival('MN'), 'influencer-visits.yaml': visit('MN') });
    expect(ok.diagnostics).toEqual([]);
    const { diagnostics } = await validateVariant({ 'festival.yaml': festival('TH'), 'influencer-visits.yaml': visit('VN') });
    expect(diagnostics.map((d) => [d.code, d.pointer, d.found, d.message.ja])).toEqual([
      ['unknown-country', '/editions/0/country', 'TH', 'TH は事務所の担当国（KR）にありません。office.yaml の countries に加えるか、国コードを直してください'],
      ['unknown-country', '/visits/0/country', 'VN', 'VN は事務所の担当国（KR）にありません。office.yaml の countries に加えるか、国コードを直してください'],
    ]);
    expect(diagnostics[1]!.message.en).toBe('VN is not one of the countries the office covers (KR); add it to office.yaml countries, or correct the code');
  });

  it('wants the office\'s own country among those it covers', async () => {
    const { diagnostics } = await validateVariant({
      'office.yaml': replaceOnce('countryName: {ja: 韓国, ko: 한국}', 'countryName: {ja: 韓国, ko: 한국}\ncountries: [{code: MN, name: {ja: モンゴル, ko: 몽골}}]'),
    });
    expect(diagnostics.map((d) => [d.code, d.pointer, d.message.ja])).toEqual([['unknown-country', '/country', '事務所の所在国 KR が countries（担当国）にありません']]);
  });

  it('checks that totals by country add up to the total they break down', async () => {
    const byCountry = (kr: number, mn: number) => replaceOnce('  asOf: 2026-03-05', `  asOf: 2026-03-05\n  byCountry: [{country: KR, total: ${kr}}, {country: MN, total: ${mn}}]`);
    expect((await validateVariant({ 'office.yaml': twoCountries, 'sister-cities.yaml': byCountry(170, 2) })).diagnostics).toEqual([]);
    const { diagnostics } = await validateVariant({ 'office.yaml': twoCountries, 'sister-cities.yaml': byCountry(170, 3) });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'sum-mismatch', pointer: '/partnerships/total', found: '172',
      message: { en: 'partnerships.total is 172, but the totals by country add up to 173 (170 + 3)', ja: 'partnerships.total は 172 ですが、国別の合計は 173 (170 + 3) です' },
    });
  });
});

describe('a cooking class in either shape', () => {
  it('takes several supplying municipalities and ingredients instead of a host and dishes', async () => {
    const { diagnostics } = await validateVariant({
      'cooking-classes.yaml': replaceOnce(
        '    host: {prefecture: 埼玉県}\n    dishes: [{ja: 煮ぼうとう, ko: 니보토}]',
        '    suppliers: [{prefecture: 埼玉県}, {prefecture: 群馬県}]\n    ingredients: [{ja: ねぎ, ko: 파}]\n    partner: {ja: 料理スタジオ, ko: 요리 스튜디오}\n    dates: {start: 2025-06-01}\n    participants: 24\n    media: [{ja: 新聞, ko: 신문}]',
      ),
    });
    expect(diagnostics).toEqual([]);
  });

  it('asks for a municipality and some food, in English and Japanese', async () => {
    const { diagnostics } = await validateVariant({
      'cooking-classes.yaml': replaceOnce('    host: {prefecture: 埼玉県}\n    dishes: [{ja: 煮ぼうとう, ko: 니보토}]', '    partner: {ja: 料理スタジオ, ko: 요리 스튜디오}'),
    });
    expect(diagnostics.map((d) => d.code)).toEqual(['cooking-class-food', 'cooking-class-municipality']);
    expect(diagnostics[1]!.message.en).toBe('the class of fiscal year 2025 names no municipality: give the one that presented it (host) or those that supplied it (suppliers)');
    expect(diagnostics[0]!.message.ja).toBe('2025年度の料理教室に料理がありません。料理（dishes）か食材（ingredients）を書いてください');
  });
});

describe('parts an office does not have', () => {
  it('lets support.yaml hold only the parts the brochure shows', async () => {
    const { diagnostics } = await validateVariant({
      'support.yaml': (text) => text.slice(text.indexOf('surveys:')),
      'brochure.yaml': (text) => text.replace(/^.*id: (support-cases|research-requests)\n/gm, ''),
    });
    expect(diagnostics).toEqual([]);
  });
});
