// Japanese wording lints: spaces the typesetter should make, half-width punctuation after Japanese, one form for one
// thing — each reported with the fix, as a warning (an error with --strict), names left as their owners write them.
import { afterAll, describe, expect, it } from 'vitest';
import { replaceOnce, removeVariants, validateVariant } from '../__fixtures__/variants.js';
import { japaneseProblems } from './wording.js';

afterAll(removeVariants);

const fixes = (text: string, names: string[] = []) => japaneseProblems(text, names).map((p) => [p.code, p.fix]);

describe('japaneseProblems', () => {
  it('flags a space between Japanese and Latin text or digits, with the text as it should be', () => {
    expect(fixes('JET プログラム')).toEqual([['japanese-spacing', 'JETプログラ']]);
    expect(fixes('2025 年度実績')).toEqual([['japanese-spacing', '2025年度実績']]);
    expect(fixes('自治体 PR イベント')).toEqual([['japanese-spacing', '自治体PR イ'], ['japanese-spacing', '体 PRイベント']]);
  });

  it('flags a stray space before emphasis and after full-width punctuation', () => {
    expect(fixes('経験がある **リピーター層**に向け')).toEqual([['japanese-spacing', '験がある**リピ']]);
    expect(fixes('【日本側】 在大韓民国')).toEqual([['japanese-spacing', '日本側】在大韓民']]);
  });

  it('flags half-width punctuation after Japanese, not in Latin text', () => {
    expect(fixes('魅力をPR!')).toEqual([['japanese-halfwidth-punctuation', '力をPR！']]);
    expect(fixes('観光博覧会(KITS)')).toEqual([
      ['japanese-halfwidth-punctuation', '光博覧会（KITS'], ['japanese-halfwidth-punctuation', 'KITS）'],
    ]);
    expect(fixes('人材の育成<JETプログラム>')).toEqual([
      ['japanese-halfwidth-punctuation', '材の育成＜JETプ'], ['japanese-halfwidth-punctuation', 'ログラム＞'],
    ]);
    expect(fixes('Anime × Game Festival Korea (2025)')).toEqual([]);
  });

  it('leaves well-written text, word gaps between Japanese words and full-width spaces alone', () => {
    expect(fixes('JETプログラムの2025年度実績（ALT）')).toEqual([]);
    expect(fixes('ねぶたの家 ワ・ラッセ')).toEqual([]);
    expect(fixes('乙支路50　乙支韓国ビル3階')).toEqual([]);
  });

  it('leaves an official name as its owner writes it, wherever it appears', () => {
    expect(fixes('日韓交流おまつり in Seoul への出展')).toHaveLength(2);
    expect(fixes('日韓交流おまつり in Seoul への出展', ['日韓交流おまつり in Seoul'])).toEqual([]);
  });
});

describe('clair validate on Japanese wording', () => {
  it('warns with the file, the place and the fix, and makes it an error with --strict', async () => {
    const edit = { 'events.yaml': replaceOnce('location: {ja: 京畿道, ko: 경기도}', 'location: {ja: 京畿道 KINTEX, ko: 경기도}') };
    const { diagnostics } = await validateVariant(edit);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      severity: 'warning', code: 'japanese-spacing', pointer: '/events/0/location/ja', line: 10, column: 20,
      found: '京畿道 KINT', expected: { en: '京畿道KINT', ja: '京畿道KINT' },
    });
    expect(diagnostics[0]!.message.ja).toContain('組版');
    const strict = await validateVariant(edit, { strict: true });
    expect(strict.diagnostics[0]).toMatchObject({ severity: 'error', code: 'japanese-spacing' });
  });

  it('reports a term written both spaced and solid, naming where the other form is', async () => {
    const { diagnostics } = await validateVariant({
      'events.yaml': replaceOnce('- {ja: 観光展にブースを出展, ko: 관광전에 부스 출전}', '- {ja: JET プログラムも観光展にブースを出展, ko: 관광전에 부스 출전}'),
    });
    const mixed = diagnostics.find((d) => d.code === 'mixed-forms');
    expect(mixed).toMatchObject({ pointer: '/description/0/ja', found: 'JET プログラム', expected: { en: 'JETプログラム' } });
    expect(mixed!.message.en).toContain('lectures');
  });

  it('reports a second as-of word for the same thing', async () => {
    const { diagnostics } = await validateVariant({
      'events.yaml': replaceOnce('- {ja: 観光展にブースを出展, ko: 관광전에 부스 출전}', '- {ja: 観光展にブースを出展（2026年1月末時点）, ko: 관광전에 부스 출전}'),
      'jet.yaml': (text) => text.replace(/title: \{ja: 韓国人JET参加者の業務/, 'title: {ja: 韓国人JET参加者の業務（2025年7月1日現在）').replace(/(\n[^\n]*\{ja: JETプログラム)/, '$1'),
      'lectures.yaml': replaceOnce('{ja: JETプログラム,', '{ja: JETプログラム（2025年7月1日現在）,'),
    });
    const asOf = diagnostics.filter((d) => d.code === 'mixed-forms');
    expect(asOf).toHaveLength(1);
    expect(asOf[0]).toMatchObject({ found: '2026年1月末時点', expected: { en: '2026年1月末現在' } });
  });

  it('finds nothing to say about the shipped Seoul data', async () => {
    const { diagnostics } = await validateVariant({});
    expect(diagnostics.filter((d) => ['japanese-spacing', 'japanese-halfwidth-punctuation', 'mixed-forms'].includes(d.code))).toEqual([]);
  });
});
