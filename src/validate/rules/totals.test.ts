import { afterAll, describe, expect, it } from 'vitest';
import { replaceOnce, removeVariants, validateVariant } from '../__fixtures__/variants.js';

afterAll(removeVariants);

const codes = (diagnostics: { code: string }[]) => diagnostics.map((d) => d.code);

describe('totals equal their parts', () => {
  it('accepts the staff of the Seoul office: 11 = 1 + 1 + 6 + 3', async () => {
    const { diagnostics } = await validateVariant({});
    expect(diagnostics).toEqual([]);
  });

  it('reports a staff total that differs from the roles, with the addition', async () => {
    const { diagnostics } = await validateVariant({ 'office.yaml': replaceOnce('total: 11', 'total: 12') });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      file: 'seoul/office.yaml', line: 22, column: 10, code: 'sum-mismatch', pointer: '/staff/total', found: '12',
      message: {
        en: 'staff.total is 12, but the roles add up to 11 (1 + 1 + 6 + 3)',
        ja: 'staff.total は 12 ですが、役職ごとの人数の合計は 11 (1 + 1 + 6 + 3) です',
      },
      expected: { en: '11, the sum of staff.roles[].count' },
    });
  });

  it('reports JET placements whose positions do not add up to the total', async () => {
    const { diagnostics } = await validateVariant({ 'jet.yaml': replaceOnce('total: 47', 'total: 48') });
    // The year's figure (47 from the office's country) now disagrees too, as a warning.
    expect(codes(diagnostics)).toEqual(['figures-differ', 'sum-mismatch']);
    expect(diagnostics[0]).toMatchObject({ severity: 'warning', message: { en: "2025: the placements total 48 participants, but years says 47 came from the office's country" } });
    expect(diagnostics[1]!.message.en).toBe('placements for 2025: total is 48, but ALT + CIR + SEA = 2 + 45 + 0 = 47');
  });

  it('reports placing bodies that do not add up to their position: 26 + 3 + 16 = 45 CIRs', async () => {
    const { diagnostics } = await validateVariant({ 'jet.yaml': replaceOnce('bodyType: municipality, count: 16', 'bodyType: municipality, count: 15') });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'sum-mismatch', pointer: '/placements/0/byPlacingBody/0', found: '44',
      message: { en: 'placements for 2025: the CIR placing bodies add up to 44 (26 + 3 + 15), but byPosition.CIR is 45' },
    });
  });

  it('lets prefectures account for part of a position, never more than all of it', async () => {
    const fewer = await validateVariant({ 'jet.yaml': replaceOnce('prefecture: 鳥取県, count: 2', 'prefecture: 鳥取県, count: 1') });
    expect(fewer.diagnostics).toEqual([]);
    const more = await validateVariant({ 'jet.yaml': replaceOnce('prefecture: 鳥取県, count: 2', 'prefecture: 鳥取県, count: 3') });
    expect(more.diagnostics[0]).toMatchObject({ code: 'sum-mismatch', message: { en: 'placements for 2025: the ALT counts by prefecture add up to 3, more than byPosition.ALT = 2' } });
  });
});

describe('stated counts equal their lists', () => {
  it('reports a festival whose booth count differs from its exhibitors (16 in 2025)', async () => {
    const { diagnostics } = await validateVariant({ 'festival.yaml': replaceOnce('count: 16', 'count: 17') });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'count-mismatch', pointer: '/editions/0/booths/count', line: 11, column: 14,
      message: { en: 'festival 2025: booths.count is 17, but 16 exhibitors are listed', ja: '2025年度のおまつり: booths.count は 17 ですが、出展団体は 16 件です' },
    });
  });

  it('reports a sister-city list longer than the stated total', async () => {
    const { diagnostics } = await validateVariant({
      'sister-cities.yaml': replaceOnce('  total: 172\n', '  total: 1\n  list:\n    - {japan: {prefecture: 神奈川県}, partner: 京畿道}\n    - {japan: {prefecture: 兵庫県}, partner: 慶尚南道}\n'),
    });
    expect(diagnostics.map((d) => [d.code, d.message.en])).toEqual([['count-mismatch', 'partnerships.total is 1, but the list has 2']]);
  });
});

describe('a list declared complete', () => {
  const requests = (first: string) => replaceOnce(
    '  examples:\n    - {ja: 海外の自治体におけるDXの先進事例',
    `  completeFiscalYears: [2025]\n  requests:\n    - {${first}subject: {ja: 調査A, ko: 조사 A}}\n    - {fiscalYear: 2025, subject: {ja: 調査B, ko: 조사 B}}\n  examples:\n    - {ja: 海外の自治体におけるDXの先進事例`,
  );

  it('counts research requests that give their fiscal year', async () => {
    expect((await validateVariant({ 'support.yaml': requests('fiscalYear: 2025, ') })).diagnostics).toEqual([]);
  });

  it('wants the fiscal year of every research request, in English and Japanese', async () => {
    const { diagnostics } = await validateVariant({ 'support.yaml': requests('') });
    expect(diagnostics.map((d) => [d.code, d.pointer, d.message.en, d.message.ja])).toEqual([[
      'complete-list-year', '/researchRequests/requests/0',
      'this request gives no fiscalYear, but researchRequests.completeFiscalYears says the list is complete for 2025: give its fiscal year so it is counted',
      'この依頼調査には fiscalYear がありませんが、researchRequests.completeFiscalYears で 2025 年度の一覧は全件とされています。件数に入るよう年度を書いてください',
    ]]);
  });
});
