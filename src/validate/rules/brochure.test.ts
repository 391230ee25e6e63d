import { afterAll, describe, expect, it } from 'vitest';
import { replaceOnce, removeVariants, validateVariant } from '../__fixtures__/variants.js';

afterAll(removeVariants);

describe('brochure.yaml', () => {
  it('needs the data file of every section it lists', async () => {
    const { diagnostics } = await validateVariant({ 'jet.yaml': null });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'section-without-data', file: 'seoul/brochure.yaml', line: 15, column: 13, found: 'jet',
      message: { en: 'the section "jet" needs jet.yaml, which is not in the office folder' },
    });
  });

  it('needs nothing for the at-a-glance page, and office.yaml for profile and contact', async () => {
    const { diagnostics } = await validateVariant({
      'brochure.yaml': 'title: {ja: t, ko: t}\nedition: 2026\npublished: 2026-03-05\neditions: [[ja]]\nparts:\n  - sections: [{id: at-a-glance}, {id: profile}, {id: contact}]\n',
    });
    expect(diagnostics).toEqual([]);
  });

  it('lists each section once', async () => {
    const { diagnostics } = await validateVariant({ 'brochure.yaml': replaceOnce('      - id: contact\n', '      - id: contact\n      - id: events\n') });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'duplicate-section', message: { en: 'the section "events" is listed twice (first at parts[0].sections[2])' } });
  });

  it('lists each edition once: [[ja], [ja]] would build one file twice', async () => {
    const { diagnostics } = await validateVariant({ 'brochure.yaml': replaceOnce('editions: [[ja], [ko], [ja, ko]]', 'editions: [[ja], [ko], [ja, ko], [ja]]') });
    expect(diagnostics).toEqual([expect.objectContaining({
      code: 'duplicate-edition', file: 'seoul/brochure.yaml', line: 4, column: 34, found: '[ja]',
      message: { en: 'the edition "ja" is listed twice (first at editions[0])', ja: '版「ja」が2回あります（最初は editions[0]）' },
    })]);
  });

  it('runs fiscal years forwards', async () => {
    const { diagnostics } = await validateVariant({ 'brochure.yaml': replaceOnce('{from: 2022, to: 2024}', '{from: 2024, to: 2022}') });
    expect(diagnostics[0]).toMatchObject({ code: 'range-order', pointer: '/parts/0/sections/10/fiscalYears/to', message: { en: 'fiscalYears runs backwards: from 2024 to 2022' } });
  });
});
