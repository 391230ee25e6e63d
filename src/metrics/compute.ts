// Computes every registered metric for one office: one series per metric with at most one value per fiscal year.
// Counts are summed per year, and only for the years whose list the data declares complete; stated figures are
// taken as they are, and two figures for the same year are a data problem (which one would be right?), reported
// rather than guessed. A value of a fiscal year that had not ended at its as-of date (or, when it states none, at
// the brochure's `published` date) is marked provisional and carries that date, so no output can pass a part-year
// figure off as a year's total.
import { DataError, type Diagnostic } from '../diagnostics.js';
import type { OfficeData } from '../schema/index.js';
import {
  asOfDate, fiscalYearEnd, METRICS, type CountryBreakdown, type MetricDefinition, type MetricKind, type MetricValue,
  type SourcedValue, type UnitId,
} from './registry.js';

/** A yearly value, split by country where the data allows (see CountryBreakdown). */
export interface SeriesValue extends MetricValue {
  byCountry?: CountryBreakdown;
}

export interface MetricSeries {
  id: string;
  unit: UnitId;
  kind: MetricKind;
  /** The data file the values come from. */
  file: string;
  /** Sorted by fiscal year; a year without a value is missing (not 0). */
  values: SeriesValue[];
  /**
   * For an office covering several countries: the countries the breakdown names, in office.yaml's order. Absent
   * when the metric is not broken down (one country, a metric without countries, or no year the data splits).
   */
  countries?: string[];
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

/**
 * Marks a value of a fiscal year still running (at its own as-of date, or else at `reference`) as provisional,
 * unless it counts one occurrence that had taken place by then (`finalOn`).
 */
function withAsOf<V extends MetricValue>(value: V, reference: string | undefined, finalOn?: string): V {
  const stated = value.asOf ?? (reference !== undefined && reference < fiscalYearEnd(value.fiscalYear) ? reference : undefined);
  if (stated === undefined) return value;
  if (value.asOf === undefined && finalOn !== undefined && finalOn <= asOfDate(stated)) return value;
  const provisional = asOfDate(stated) < fiscalYearEnd(value.fiscalYear);
  return { ...value, asOf: stated, ...(provisional ? { provisional: true as const } : {}) };
}

/**
 * Splits each year's value by country, where the data allows: a count only when every item counted that year names
 * its country (one without a country leaves the whole year not broken down, rather than a split that looks
 * complete and is not); a stated figure by its own country, or by the parts the data states for it.
 */
class CountrySplit {
  private readonly counted = new Map<number, Record<string, number>>();
  private readonly unplaced = new Set<number>();
  private readonly stated = new Map<number, CountryBreakdown>();

  add(sourced: SourcedValue, kind: MetricKind): void {
    const year = sourced.fiscalYear;
    if (kind === 'figure') {
      if (sourced.parts) {
        const values: Record<string, number> = {};
        for (const part of sourced.parts) values[part.country] = (values[part.country] ?? 0) + part.value;
        const sum = sourced.parts.reduce((total, part) => total + part.value, 0);
        this.stated.set(year, { values, complete: sum === sourced.value });
      } else if (sourced.country !== undefined) {
        this.stated.set(year, { values: { [sourced.country]: sourced.value }, complete: true });
      }
      return;
    }
    if (sourced.country === undefined) {
      this.unplaced.add(year);
      return;
    }
    const values = this.counted.get(year) ?? {};
    values[sourced.country] = (values[sourced.country] ?? 0) + sourced.value;
    this.counted.set(year, values);
  }

  of(value: MetricValue, kind: MetricKind): CountryBreakdown | undefined {
    if (kind === 'figure') return this.stated.get(value.fiscalYear);
    if (this.unplaced.has(value.fiscalYear)) return undefined;
    // A complete year with no item is a real 0 in every country.
    return { values: this.counted.get(value.fiscalYear) ?? {}, complete: true };
  }
}

/** The countries an office covers, in office.yaml's order; more than one is what makes a breakdown worth showing. */
function coveredCountries(data: OfficeData): string[] {
  const listed = data.office?.countries?.map((c) => c.code) ?? [];
  return listed.length > 0 ? listed : data.office ? [data.office.country] : [];
}

function seriesOf(metric: MetricDefinition, data: OfficeData, problems: Diagnostic[], reference: string | undefined): MetricSeries {
  const byYear = new Map<number, MetricValue>();
  const covered = metric.byCountry ? coveredCountries(data) : [];
  const split = covered.length > 1 ? new CountrySplit() : undefined;
  const firstPath = new Map<number, (string | number)[]>();
  const finalOnByYear = new Map<number, string>();
  const complete = metric.kind === 'count' ? new Set(metric.completeYears?.(data) ?? []) : undefined;
  // A year declared complete with no listed item is a real 0.
  for (const fiscalYear of complete ?? []) byYear.set(fiscalYear, { fiscalYear, value: 0 });
  for (const sourced of metric.extract(data)) {
    const { path, country: _country, parts: _parts, finalOn, ...value } = sourced;
    if (finalOn !== undefined) finalOnByYear.set(value.fiscalYear, finalOn);
    if (complete && !complete.has(value.fiscalYear)) continue;
    split?.add(sourced, metric.kind);
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
  const values: SeriesValue[] = [...byYear.values()]
    .map((value) => {
      const byCountry = split?.of(value, metric.kind);
      return withAsOf<SeriesValue>(byCountry ? { ...value, byCountry } : value, reference, finalOnByYear.get(value.fiscalYear));
    })
    .sort((a, b) => a.fiscalYear - b.fiscalYear);
  const series: MetricSeries = { id: metric.id, unit: metric.unit, kind: metric.kind, file: metric.file, values };
  if (!values.some((value) => value.byCountry)) return series;
  // The countries named with a value, in office.yaml's order; a code the office does not list (validate reports it)
  // comes last rather than being dropped.
  const named = new Set(values.flatMap((value) => Object.keys(value.byCountry?.values ?? {})));
  if (named.size === 0) return series;
  return { ...series, countries: [...covered.filter((code) => named.has(code)), ...[...named].filter((code) => !covered.includes(code))] };
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
export function valueIn(series: MetricSeries, fiscalYear: number): SeriesValue | undefined {
  return series.values.find((value) => value.fiscalYear === fiscalYear);
}
