import { afterAll, describe, expect, it } from 'vitest';
import { replaceOnce, removeVariants, validateVariant } from '../__fixtures__/variants.js';
import { asOfDay, fiscalYearOf } from './dates.js';

afterAll(removeVariants);

describe('fiscal years', () => {
  it('run from April 1 to March 31 and are named by the year they start', () => {
    expect(fiscalYearOf('2025-04-01')).toBe(2025);
    expect(fiscalYearOf('2026-03-31')).toBe(2025);
    expect(fiscalYearOf('2026-04-01')).toBe(2026);
  });

  it('read an "as of" month as its last day (1月末時点)', () => {
    expect(asOfDay('2026-01')).toBe('2026-01-31');
    expect(asOfDay('2024-02')).toBe('2024-02-29');
    expect(asOfDay('2025-07-01')).toBe('2025-07-01');
  });
});

describe('dates fall inside their fiscal year', () => {
  it('accepts an event in January that belongs to the fiscal year before', async () => {
    const { diagnostics } = await validateVariant({ 'events.yaml': replaceOnce('{start: 2025-12-05, end: 2025-12-07}', '{start: 2026-01-05, end: 2026-01-07}') });
    expect(diagnostics).toEqual([]);
  });

  it('reports an event filed under the wrong year', async () => {
    const { diagnostics } = await validateVariant({ 'events.yaml': replaceOnce('{start: 2024-05-09, end: 2024-05-12}', '{start: 2025-05-09, end: 2025-05-12}') });
    expect(diagnostics.map((d) => d.pointer)).toEqual(['/events/1/dates/start', '/events/1/dates/end']);
    expect(diagnostics[0]).toMatchObject({
      code: 'date-outside-fiscal-year', found: '2025-05-09',
      message: {
        en: '2025-05-09 is not in fiscal year 2024 (2024-04-01 – 2025-03-31), the year it is listed under (it falls in fiscal year 2025)',
        ja: '2025-05-09 は記載されている 2024年度（2024-04-01〜2025-03-31） に入っていません（2025年度の日付です）',
      },
    });
  });

  it('checks the festival and seminar dates against their year', async () => {
    const festival = await validateVariant({ 'festival.yaml': replaceOnce('date: 2025-10-12', 'date: 2024-10-12') });
    expect(festival.diagnostics.map((d) => [d.code, d.pointer])).toEqual([['date-outside-fiscal-year', '/editions/0/date']]);
    const seminar = await validateVariant({ 'seminars.yaml': replaceOnce('date: 2025-10-14', 'date: 2026-10-14') });
    expect(seminar.diagnostics.map((d) => [d.code, d.pointer])).toEqual([['date-outside-fiscal-year', '/latest/date']]);
  });

  it('lets an "as of" date come after its year, never before it', async () => {
    const later = await validateVariant({ 'jet.yaml': replaceOnce('asOf: 2025-07-01\n    total', 'asOf: 2026-07-01\n    total') });
    expect(later.diagnostics).toEqual([]);
    const before = await validateVariant({ 'jet.yaml': replaceOnce('asOf: 2025-07-01\n    total', 'asOf: 2025-03-31\n    total') });
    expect(before.diagnostics[0]).toMatchObject({ code: 'as-of-before-fiscal-year', pointer: '/placements/0/asOf', expected: { en: '2025-04-01 or later' } });
    const month = await validateVariant({ 'support.yaml': replaceOnce('asOf: 2026-01', 'asOf: 2025-03') });
    expect(month.diagnostics[0]).toMatchObject({ code: 'as-of-before-fiscal-year', found: '2025-03' });
  });
});

describe('ranges run forwards', () => {
  it('reports a date range that ends before it starts', async () => {
    const { diagnostics } = await validateVariant({ 'events.yaml': replaceOnce('end: 2025-12-07', 'end: 2025-12-04') });
    expect(diagnostics[0]).toMatchObject({ code: 'range-order', pointer: '/events/0/dates/end', message: { en: 'the range ends (2025-12-04) before it starts (2025-12-05)' } });
  });

  it('reports a time slot that ends before it starts, and slots out of order', async () => {
    const backwards = await validateVariant({ 'seminars.yaml': replaceOnce("{start: '13:55', end: '14:55'}", "{start: '13:55', end: '13:45'}") });
    expect(backwards.diagnostics.map((d) => d.code)).toEqual(['range-order']);
    const overlapping = await validateVariant({ 'seminars.yaml': replaceOnce("{start: '13:55', end: '14:55'}", "{start: '13:40', end: '14:55'}") });
    expect(overlapping.diagnostics[0]).toMatchObject({
      code: 'programme-order', pointer: '/latest/programme/1/time/start',
      message: { en: 'this slot starts at 13:40, before the previous one (programme[0]) ends at 13:50' },
    });
  });

  it('reports a yearly record from before the thing began', async () => {
    const { diagnostics } = await validateVariant({ 'festival.yaml': replaceOnce('since: 2005', 'since: 2026') });
    expect(diagnostics[0]).toMatchObject({ code: 'year-before-start', pointer: '/editions/0/fiscalYear' });
  });
});
