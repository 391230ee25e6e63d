// Computes every registered metric for one office: one series per metric with at most one value per fiscal year.
// Counts are summed per year; stated figures are taken as they are, and two figures for the same year are a data
// problem (which one would be right?), reported rather than guessed.
import { DataError, type Diagnostic } from '../diagnostics.js';
import type { OfficeData } from '../schema/index.js';
import { METRICS, type MetricDefinition, type MetricKind, type MetricValue, type UnitId } from './registry.js';

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

function seriesOf(metric: MetricDefinition, data: OfficeData, problems: Diagnostic[]): MetricSeries {
  const byYear = new Map<number, MetricValue>();
  const firstPath = new Map<number, (string | number)[]>();
  for (const sourced of metric.extract(data)) {
    const { path, ...value } = sourced;
    const existing = byYear.get(value.fiscalYear);
    if (!existing) {
      byYear.set(value.fiscalYear, value);
      firstPath.set(value.fiscalYear, path);
    } else if (metric.kind === 'count') {
      existing.value += value.value;
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
  const values = [...byYear.values()].sort((a, b) => a.fiscalYear - b.fiscalYear);
  return { id: metric.id, unit: metric.unit, kind: metric.kind, file: metric.file, values };
}

/**
 * Every metric of the registry for one office, in registry order. A metric whose data file is absent has no values.
 * Throws MetricDataError when a figure is stated twice for one fiscal year.
 */
export function computeMetrics(data: OfficeData): MetricSeries[] {
  const problems: Diagnostic[] = [];
  const series = METRICS.map((metric) => seriesOf(metric, data, problems));
  if (problems.length > 0) throw new MetricDataError(problems);
  return series;
}

/** The value of a series in one fiscal year, or undefined when the data does not give it. */
export function valueIn(series: MetricSeries, fiscalYear: number): MetricValue | undefined {
  return series.values.find((value) => value.fiscalYear === fiscalYear);
}
