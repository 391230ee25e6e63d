// Computes every registered metric for one office: one series per metric with at most one value per fiscal year.
// Counts are summed per year, and only for the years whose list the data declares complete; stated figures are
// taken as they are, and two figures for the same year are a data problem (which one would be right?), reported
// rather than guessed. A value of a fiscal year that had not ended at its as-of date (or, when it states none, at
// the brochure's `published` date) is marked provisional and carries that date, so no output can pass a part-year
// figure off as a year's total.
import { DataError, type Diagnostic } from '../diagnostics.js';
import type { OfficeData } from '../schema/index.js';
import {
  asOfDate, fiscalYearEnd, METRICS, type MetricDefinition, type MetricKind, type MetricValue, type UnitId,
} from './registry.js';

export interface MetricSeries {
  id: string;
  unit: UnitId;
  kind: MetricKind;
  /** The data file the values come from. */
  file: string;
  /** Sorted by fiscal year; a year without a value is missing (not 0). */
  values: MetricValue[];
}

/** Two figures stated for the same metric and fiscal year. `file` is the data file's name inside the office folder. */
export class MetricDataError extends DataError {}

export interface ComputeOptions {
  /**
   * The date the figures are read at, YYYY-MM-DD: a fiscal year not ended by then is still running. Default: the
   * brochure's `published` date.
   */
  asOf?: string;
}

/** Marks a value of a fiscal year still running (at its own as-of date, or else at `reference`) as provisional. */
function withAsOf(value: MetricValue, reference: string | undefined): MetricValue {
  const stated = value.asOf ?? (reference !== undefined && reference < fiscalYearEnd(value.fiscalYear) ? reference : undefined);
  if (stated === undefined) return value;
  const provisional = asOfDate(stated) < fiscalYearEnd(value.fiscalYear);
  return { ...value, asOf: stated, ...(provisional ? { provisional: true as const } : {}) };
}

function seriesOf(metric: MetricDefinition, data: OfficeData, problems: Diagnostic[], reference: string | undefined): MetricSeries {
  const byYear = new Map<number, MetricValue>();
  const firstPath = new Map<number, (string | number)[]>();
  const complete = metric.kind === 'count' ? new Set(metric.completeYears?.(data) ?? []) : undefined;
  // A year declared complete with no listed item is a real 0.
  for (const fiscalYear of complete ?? []) byYear.set(fiscalYear, { fiscalYear, value: 0 });
  for (const sourced of metric.extract(data)) {
    const { path, ...value } = sourced;
    if (complete && !complete.has(value.fiscalYear)) continue;
    const existing = byYear.get(value.fiscalYear);
    if (!existing) {
      byYear.set(value.fiscalYear, value);
      firstPath.set(value.fiscalYear, path);
    } else if (metric.kind === 'count') {
      existing.value += value.value;
      if (value.asOf !== undefined) existing.asOf = value.asOf;
    } else {
      const first = `/${(firstPath.get(value.fiscalYear) ?? []).join('/')}`;
      problems.push({
        severity: 'error',
        code: 'metric-duplicate-year',
        file: metric.file,
        line: 0,
        column: 0,
        pointer: `/${path.join('/')}`,
        message: {
          en: `fiscal year ${value.fiscalYear} already has a figure at ${first}; give each fiscal year once`,
          ja: `${value.fiscalYear}年度の数値は ${first} にもあります。年度ごとに1つだけ書いてください`,
        },
        found: String(value.value),
      });
    }
  }
  const values = [...byYear.values()].map((value) => withAsOf(value, reference)).sort((a, b) => a.fiscalYear - b.fiscalYear);
  return { id: metric.id, unit: metric.unit, kind: metric.kind, file: metric.file, values };
}

/**
 * Every metric of the registry for one office, in registry order. A metric whose data file is absent has no values.
 * Throws MetricDataError when a figure is stated twice for one fiscal year.
 */
export function computeMetrics(data: OfficeData, options: ComputeOptions = {}): MetricSeries[] {
  const problems: Diagnostic[] = [];
  const reference = options.asOf ?? data.brochure?.published;
  const series = METRICS.map((metric) => seriesOf(metric, data, problems, reference));
  if (problems.length > 0) throw new MetricDataError(problems);
  return series;
}

/** The value of a series in one fiscal year, or undefined when the data does not give it. */
export function valueIn(series: MetricSeries, fiscalYear: number): MetricValue | undefined {
  return series.values.find((value) => value.fiscalYear === fiscalYear);
}
