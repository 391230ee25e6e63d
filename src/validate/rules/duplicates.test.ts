import { afterAll, describe, expect, it } from 'vitest';
import { replaceOnce, removeVariants, validateVariant } from '../__fixtures__/variants.js';

afterAll(removeVariants);

describe('keyed lists hold each key once', () => {
  it('reports a fiscal year listed twice in yearly figures', async () => {
    const { diagnostics } = await validateVariant({ 'support.yaml': replaceOnce('{fiscalYear: 2023, count: 59}', '{fiscalYear: 2024, count: 59}') });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'duplicate-entry', pointer: '/cases/yearly/2/fiscalYear',
      message: { en: 'fiscal year 2024 appears twice in cases.yearly (items 1 and 2)', ja: 'cases.yearly に 2024年度 が2回あります（1 番目と 2 番目、0 から数えて）' },
    });
  });

  it('reports a lecture round given twice in one year', async () => {
    const { diagnostics } = await validateVariant({ 'lectures.yaml': replaceOnce('round: 2', 'round: 1') });
    expect(diagnostics[0]).toMatchObject({ code: 'duplicate-entry', message: { en: 'round 1 of fiscal year 2025 appears twice in lectures (items 0 and 1)' } });
  });

  it('reports a placing body counted twice', async () => {
    const { diagnostics } = await validateVariant({ 'jet.yaml': replaceOnce('bodyType: designatedCity, count: 3', 'bodyType: prefecture, count: 3') });
    expect(diagnostics.map((d) => d.code)).toEqual(['duplicate-entry']);
    expect(diagnostics[0]!.pointer).toBe('/placements/0/byPlacingBody/1/position');
  });
});
