// The year-over-year table: chosen metrics as rows, fiscal years as columns, each value with its change from the
// previous fiscal year. Language-free numbers only; the writers under writers/ word and format them.
import { UsageError } from '../i18n/ui.js';
import { valueIn, type MetricSeries } from './compute.js';
import { METRIC_IDS, type MetricKind, type UnitId } from './registry.js';

export interface CompareOptions {
  /** First fiscal year shown (inclusive); default: the earliest year with data. */
  from?: number;
  /** Last fiscal year shown (inclusive); default: the latest year with data. */
  to?: number;
  /** Metric ids in the order wanted; default: every metric with a value in the range, in registry order. */
  metrics?: readonly string[];
}

/** Change from the previous fiscal year. `percent` is null when the previous value is 0 (no finite ratio). */
export interface Change {
  absolute: number;
  percent: number | null;
}

export interface CompareCell {
  fiscalYear: number;
  /** null: the data does not give this metric for this year (shown as "—", never as 0). */
  value: number | null;
  asOf?: string;
  /** A part-year figure: the fiscal year had not ended at its as-of date. */
  provisional?: true;
  /** Versus fiscal year − 1, which may lie before the range; null when either value is missing or provisional. */
  change: Change | null;
  /** The change is left out because a value is a part-year figure (not because one is missing). */
  changeWithheld?: true;
}

/**
 * One country's line under a metric (or, with `country: null`, the part the data does not give by country). A cell
 * is null where the metric has no value that year, or where the data does not split that year (`notBrokenDown`).
 */
export interface CompareCountryRow {
  country: string | null;
  cells: (CompareCell & { notBrokenDown?: true })[];
  change: Change | null;
  changeWithheld?: true;
}

export interface CompareRow {
  id: string;
  unit: UnitId;
  kind: MetricKind;
  file: string;
  cells: CompareCell[];
  /** The change of the last fiscal year shown versus the year before it (the table's change columns). */
  change: Change | null;
  /** That change is left out because a value is a part-year figure. */
  changeWithheld?: true;
  /** Per country, for an office covering several countries, where the data gives the country (MetricSeries.countries). */
  byCountry?: CompareCountryRow[];
}

export interface CompareTable {
  fiscalYears: number[];
  rows: CompareRow[];
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** The closest known name, when it is close enough to be a likely typo. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = candidate.startsWith(name) || candidate.includes(name) ? 1 : editDistance(name, candidate);
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? best.name : undefined;
}

export function changeBetween(previous: number | undefined, current: number | undefined): Change | null {
  if (previous === undefined || current === undefined) return null;
  const absolute = current - previous;
  return { absolute, percent: previous === 0 ? null : (absolute / previous) * 100 };
}

/**
 * The change of a fiscal year against the one before, or why there is none. A part-year figure (a year still
 * running at its as-of date) against a full year would read as a rise or fall the office never claimed, so such a
 * change is withheld rather than shown with a mark: a mark is easy to miss, a wrong trend is not.
 */
export function yearChange(series: MetricSeries, fiscalYear: number): { change: Change | null; withheld: boolean } {
  const previous = valueIn(series, fiscalYear - 1);
  const current = valueIn(series, fiscalYear);
  if (previous && current && (previous.provisional || current.provisional)) return { change: null, withheld: true };
  return { change: changeBetween(previous?.value, current?.value), withheld: false };
}

function changeFor(series: MetricSeries, fiscalYear: number): Change | null {
  return yearChange(series, fiscalYear).change;
}

/**
 * A country's share of a year's value: the data's figure for it, 0 where the split is complete and names it not,
 * null where the year is not split or the split leaves the country out. `country: null` is the part not broken
 * down (the value less what the split gives), 0 for a complete split.
 */
function countryValue(series: MetricSeries, fiscalYear: number, country: string | null): { value: number | null; notBrokenDown: boolean } {
  const found = valueIn(series, fiscalYear);
  if (!found) return { value: null, notBrokenDown: false };
  const split = found.byCountry;
  if (country === null) {
    if (!split) return { value: found.value, notBrokenDown: false };
    return { value: found.value - Object.values(split.values).reduce((sum, v) => sum + v, 0), notBrokenDown: false };
  }
  if (!split) return { value: null, notBrokenDown: true };
  const stated = split.values[country];
  if (stated !== undefined) return { value: stated, notBrokenDown: false };
  return split.complete ? { value: 0, notBrokenDown: false } : { value: null, notBrokenDown: true };
}

/** A country's change against the year before: only between two known shares, and never against a part-year figure. */
function countryChange(series: MetricSeries, fiscalYear: number, country: string | null): { change: Change | null; withheld: boolean } {
  const previous = countryValue(series, fiscalYear - 1, country).value;
  const current = countryValue(series, fiscalYear, country).value;
  if (previous === null || current === null) return { change: null, withheld: false };
  if (valueIn(series, fiscalYear - 1)?.provisional || valueIn(series, fiscalYear)?.provisional) return { change: null, withheld: true };
  return { change: changeBetween(previous, current), withheld: false };
}

function countryRows(series: MetricSeries, fiscalYears: readonly number[]): CompareCountryRow[] | undefined {
  if (!series.countries || series.countries.length === 0) return undefined;
  const shown = series.values.filter((v) => fiscalYears.includes(v.fiscalYear));
  if (!shown.some((v) => v.byCountry)) return undefined;
  // The part not broken down gets a line only when some year shown has one.
  const unsplit = shown.some((v) => !v.byCountry?.complete && countryValue(series, v.fiscalYear, null).value !== 0);
  const last = fiscalYears[fiscalYears.length - 1];
  // Only the countries named in the years shown (--from/--to may leave a country's only year out).
  const named = new Set(shown.flatMap((v) => Object.keys(v.byCountry?.values ?? {})));
  const countries = series.countries.filter((code) => named.has(code));
  return [...countries, ...(unsplit ? [null] : [])].map((country): CompareCountryRow => {
    const lastChange = last === undefined ? { change: null, withheld: false } : countryChange(series, last, country);
    return {
      country,
      cells: fiscalYears.map((fiscalYear) => {
        const { value, notBrokenDown } = countryValue(series, fiscalYear, country);
        const found = valueIn(series, fiscalYear);
        const { change, withheld } = countryChange(series, fiscalYear, country);
        return {
          fiscalYear,
          value,
          ...(found?.asOf && value !== null ? { asOf: found.asOf } : {}),
          ...(found?.provisional && value !== null ? { provisional: true as const } : {}),
          change,
          ...(withheld ? { changeWithheld: true as const } : {}),
          ...(notBrokenDown ? { notBrokenDown: true as const } : {}),
        };
      }),
      change: lastChange.change,
      ...(lastChange.withheld ? { changeWithheld: true as const } : {}),
    };
  });
}

function unknownMetric(id: string, known: readonly string[]): UsageError {
  const suggestion = closest(id, known);
  return new UsageError({
    en: `unknown metric "${id}"${suggestion ? ` — did you mean "${suggestion}"?` : ''} Known metrics: ${known.join(', ')}`,
    ja: `"${id}" という指標はありません${suggestion ? `。"${suggestion}" のことですか？` : '。'}指標の一覧: ${known.join(', ')}`,
  });
}

/** Throws UsageError (with a "did you mean") for the first id that is not a registered metric. */
export function checkMetricIds(ids: readonly string[]): void {
  for (const id of ids) if (!METRIC_IDS.includes(id)) throw unknownMetric(id, METRIC_IDS);
}

function selectSeries(series: readonly MetricSeries[], ids: readonly string[] | undefined): MetricSeries[] {
  if (ids === undefined) return [...series];
  return ids.map((id) => {
    const found = series.find((s) => s.id === id);
    if (!found) throw unknownMetric(id, series.map((s) => s.id));
    return found;
  });
}

/**
 * Builds the comparison. Columns are the fiscal years in [from, to] for which at least one chosen metric has a
 * value; without explicit metrics, rows are the metrics with a value in that range. Throws UsageError for an
 * unknown metric id or from > to.
 */
export function compareTable(series: readonly MetricSeries[], options: CompareOptions = {}): CompareTable {
  const { from, to } = options;
  if (from !== undefined && to !== undefined && from > to) {
    throw new UsageError({
      en: `--from ${from} is after --to ${to}`,
      ja: `--from ${from} が --to ${to} より後です`,
    });
  }
  const inRange = (fiscalYear: number) => (from === undefined || fiscalYear >= from) && (to === undefined || fiscalYear <= to);
  let chosen = selectSeries(series, options.metrics);
  if (options.metrics === undefined) chosen = chosen.filter((s) => s.values.some((v) => inRange(v.fiscalYear)));
  const years = new Set<number>();
  for (const s of chosen) for (const v of s.values) if (inRange(v.fiscalYear)) years.add(v.fiscalYear);
  const fiscalYears = [...years].sort((a, b) => a - b);
  const last = fiscalYears[fiscalYears.length - 1];
  const rows = chosen.map((s): CompareRow => ({
    id: s.id,
    unit: s.unit,
    kind: s.kind,
    file: s.file,
    cells: fiscalYears.map((fiscalYear) => {
      const found = valueIn(s, fiscalYear);
      const { change, withheld } = yearChange(s, fiscalYear);
      return {
        fiscalYear,
        value: found ? found.value : null,
        ...(found?.asOf ? { asOf: found.asOf } : {}),
        ...(found?.provisional ? { provisional: true as const } : {}),
        change,
        ...(withheld ? { changeWithheld: true as const } : {}),
      };
    }),
    change: last === undefined ? null : changeFor(s, last),
    ...(last !== undefined && yearChange(s, last).withheld ? { changeWithheld: true as const } : {}),
    ...((countries) => (countries ? { byCountry: countries } : {}))(countryRows(s, fiscalYears)),
  }));
  return { fiscalYears, rows };
}
