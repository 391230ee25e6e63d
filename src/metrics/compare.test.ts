// compareTable: which years and metrics a comparison shows, and how it computes the change from the year before.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../i18n/ui.js';
import { fixtureOffice, SEVERAL, SINGLE } from './__fixtures__/fixtures.js';
import { changeBetween, checkMetricIds, closest, compareTable, computeMetrics, type MetricSeries } from './index.js';

const seoul = computeMetrics(fixtureOffice(SINGLE, 'seoul'));
const zedland = computeMetrics(fixtureOffice(SEVERAL, 'zedland'));

const series = (id: string, values: [number, number][]): MetricSeries => ({
  id, unit: 'cases', kind: 'figure', file: 'test.yaml', values: values.map(([fiscalYear, value]) => ({ fiscalYear, value })),
});

describe('compareTable', () => {
  it('shows every fiscal year with data and every metric with a value, by default', () => {
    const table = compareTable(seoul);
    expect(table.fiscalYears).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(table.rows.map((r) => r.id)).not.toContain('research-requests');
    expect(table.rows.map((r) => r.id)).toContain('support-cases');
  });

  it('gives each value its change from the previous fiscal year, absolute and in percent', () => {
    // Support cases reach 2025, so 2025 is a column; exchange programmes stop at 2024.
    const table = compareTable(seoul, { metrics: ['sister-city-exchanges', 'support-cases'] });
    expect(table.fiscalYears).toEqual([2022, 2023, 2024, 2025]);
    const cells = table.rows[0]!.cells;
    expect(cells.find((c) => c.fiscalYear === 2024)).toEqual({
      fiscalYear: 2024, value: 216, change: { absolute: 16, percent: (16 / 200) * 100 },
    });
    // 2025 has no figure: missing (null), not 0, and so has no change.
    expect(cells.find((c) => c.fiscalYear === 2025)).toEqual({ fiscalYear: 2025, value: null, change: null });
  });

  it('carries the as-of date with a part-year value, and withholds its change against the full year before', () => {
    const table = compareTable(seoul, { metrics: ['support-cases'], from: 2025, to: 2025 });
    // 83 as of the end of January 2026 against 74 for all of 2024: not a +9 the office ever claimed.
    expect(table.rows[0]!.cells).toEqual([
      { fiscalYear: 2025, value: 83, asOf: '2026-01', provisional: true, change: null, changeWithheld: true },
    ]);
    expect(table.rows[0]).toMatchObject({ change: null, changeWithheld: true });
  });

  it('compares the first year shown with the year before it, even outside the range', () => {
    const table = compareTable(seoul, { from: 2024, metrics: ['support-cases'], to: 2024 });
    expect(table.fiscalYears).toEqual([2024]);
    expect(table.rows[0]!.change).toEqual({ absolute: 15, percent: (15 / 59) * 100 });
  });

  it('compares two full years, and withholds only the changes that touch a part-year figure', () => {
    const full = series('x', [[2023, 10], [2024, 12], [2025, 7]]);
    const partYear = { ...full, values: full.values.map((v) => (v.fiscalYear === 2025 ? { ...v, asOf: '2026-01', provisional: true as const } : v)) };
    expect(compareTable([full]).rows[0]!.change).toEqual({ absolute: -5, percent: (-5 / 12) * 100 });
    const table = compareTable([partYear]);
    expect(table.rows[0]!.cells.map((c) => c.change?.absolute ?? (c.changeWithheld ? 'withheld' : null))).toEqual([null, 2, 'withheld']);
    expect(table.rows[0]).toMatchObject({ change: null, changeWithheld: true });
  });

  it('limits the columns to [from, to] and keeps metric order as asked', () => {
    const table = compareTable(seoul, { from: 2023, to: 2024, metrics: ['support-cases', 'events'] });
    expect(table.fiscalYears).toEqual([2023, 2024]);
    expect(table.rows.map((r) => r.id)).toEqual(['support-cases', 'events']);
    expect(table.rows[1]!.cells.map((c) => c.value)).toEqual([null, 5]);
  });

  it('shows a metric asked for even when it has no values', () => {
    const table = compareTable(seoul, { metrics: ['research-requests', 'lectures'] });
    expect(table.rows[0]!.cells.every((c) => c.value === null)).toBe(true);
    expect(table.fiscalYears).toEqual([2025]);
  });

  it('has no change for a metric with a single year', () => {
    const table = compareTable(zedland, { metrics: ['support-cases'] });
    expect(table.fiscalYears).toEqual([2023]);
    expect(table.rows[0]!.change).toBeNull();
  });

  it('gives no percentage when the previous value is 0', () => {
    const table = compareTable(zedland, { metrics: ['sns-municipalities'] });
    expect(table.rows[0]!.change).toEqual({ absolute: 5, percent: null });
  });

  it('skips a year in the middle without treating it as 0', () => {
    const table = compareTable([series('x', [[2021, 10], [2023, 8]])]);
    expect(table.fiscalYears).toEqual([2021, 2023]);
    expect(table.rows[0]!.cells[1]).toEqual({ fiscalYear: 2023, value: 8, change: null });
  });

  it('has no columns when nothing falls in the range', () => {
    expect(compareTable(seoul, { from: 2030 })).toEqual({ fiscalYears: [], rows: [] });
  });

  it('refuses from > to and unknown metrics, suggesting the closest id', () => {
    expect(() => compareTable(seoul, { from: 2025, to: 2024 })).toThrow(UsageError);
    try {
      compareTable(seoul, { metrics: ['suport-cases'] });
      expect.unreachable();
    } catch (error) {
      expect((error as UsageError).localized.en).toContain('did you mean "support-cases"');
      expect((error as UsageError).localized.ja).toContain('"support-cases" のことですか');
    }
    expect(() => checkMetricIds(['events', 'nonsense-metric'])).toThrow(/unknown metric "nonsense-metric"/);
  });
});

describe('helpers', () => {
  it('computes a change and its percentage', () => {
    expect(changeBetween(200, 216)).toEqual({ absolute: 16, percent: 8 });
    expect(changeBetween(74, 59)!.absolute).toBe(-15);
    expect(changeBetween(0, 3)).toEqual({ absolute: 3, percent: null });
    expect(changeBetween(undefined, 3)).toBeNull();
  });

  it('suggests close names only', () => {
    expect(closest('evnts', ['events', 'lectures'])).toBe('events');
    expect(closest('zzzzzzzz', ['events', 'lectures'])).toBeUndefined();
  });
});
