// The registry of yearly metrics: each one is derived from data the office already keeps (never typed in twice),
// named by a stable id, and tagged with how it is derived, so every output can say what a number means.
//
// Two kinds of metric, and why it matters for "missing" versus 0:
// - `figure`: the data states the number for a fiscal year (support cases 83, JET participants 5,933). A stated 0
//   is a real 0. A year without a stated figure is missing.
// - `count`: the number of items the office lists for a fiscal year (events, cooking classes, lectures). Most lists
//   are selections ("最近の主な観光展", "実施実績" examples): counting them would turn examples into yearly totals
//   and show declines the office never claimed. So a count is a metric only for the fiscal years the data declares
//   complete (`completeFiscalYears`); there a year without items is a real 0, and every other year is missing.
// Wording (labels, units) lives in templates/labels/metrics.yaml, not here.
import type { OfficeData } from '../schema/index.js';
import { JET_POSITIONS, type JetPosition } from '../schema/constants.js';

/** What a metric counts, for its unit label (件, 団体, 名, 回, 自治体, か国 …). */
export const UNIT_IDS = ['cases', 'bodies', 'people', 'sessions', 'municipalities', 'countries'] as const;
export type UnitId = (typeof UNIT_IDS)[number];

export type MetricKind = 'figure' | 'count';

/** One fiscal year's value of a metric. */
export interface MetricValue {
  fiscalYear: number;
  value: number;
  /**
   * When the data states the figure as of a date: YYYY-MM-DD, or YYYY-MM for the end of that month (support
   * cases "2026年1月末現在" are 2026-01). See asOfDate() for the calendar date. A figure of a fiscal year still
   * running at the brochure's date carries that date when the data states none (computeMetrics).
   */
  asOf?: string;
  /** The fiscal year had not ended at the as-of date: a part-year figure, never compared with a full year. */
  provisional?: true;
}

/**
 * A value split by the countries an office covers. `values` holds what the data gives per country (ISO codes);
 * `complete` says whether that is all of it: every counted item names its country, or the stated parts add up to
 * the value. When it is not, the countries not listed are unknown (not 0) and the rest is not broken down.
 */
export interface CountryBreakdown {
  values: Record<string, number>;
  complete: boolean;
}

/** A value as read from the data, with the place it was read from (for reporting duplicates). */
export interface SourcedValue extends MetricValue {
  /** JSON pointer segments inside the data file. */
  path: (string | number)[];
  /** The country of a counted item or of a stated figure, where the data gives it. */
  country?: string;
  /** A stated figure's own parts per country (jet.yaml years[].byCountry, partnerships.byCountry). */
  parts?: { country: string; value: number }[];
  /**
   * The date of the one occurrence a figure counts (a festival's booths): from then on the figure is final, even
   * while its fiscal year runs.
   */
  finalOn?: string;
}

export interface MetricDefinition {
  id: string;
  unit: UnitId;
  kind: MetricKind;
  /** The data file the metric is derived from. */
  file: string;
  /** Values in data order; a `count` metric yields one value per listed item (value 1) and is summed per year. */
  extract(data: OfficeData): SourcedValue[];
  /**
   * What it counts or states can carry a country (events, classes, seminars, partnerships, JET participants…), so
   * for an office covering several countries the metric is broken down by country where the data allows.
   */
  byCountry?: true;
  /** For a `count`: the fiscal years whose list the data declares complete; only these are counted. */
  completeYears?(data: OfficeData): readonly number[];
}

const item = (fiscalYear: number, path: (string | number)[], country?: string): SourcedValue =>
  ({ fiscalYear, value: 1, path, ...(country !== undefined ? { country } : {}) });

/** The calendar date of an as-of statement: the date itself, or the last day of a month given as YYYY-MM. */
export function asOfDate(stated: string): string {
  if (!/^\d{4}-\d{2}$/.test(stated)) return stated;
  const [year, month] = stated.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${stated}-${String(lastDay).padStart(2, '0')}`;
}

/** The last day of a fiscal year: 2025 → 2026-03-31. */
export function fiscalYearEnd(fiscalYear: number): string {
  return `${fiscalYear + 1}-03-31`;
}

/** The fiscal year (April–March, named by the year it starts) a calendar date falls in. */
export function fiscalYearOfDate(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return month >= 4 ? year : year - 1;
}

function jetPlacements(position: JetPosition | 'total'): MetricDefinition {
  return {
    id: `jet-placements-${position.toLowerCase()}`,
    unit: 'people',
    kind: 'figure',
    file: 'jet.yaml',
    extract: (data) =>
      (data.jet?.placements ?? []).map((placements, index) => ({
        fiscalYear: placements.fiscalYear,
        value: position === 'total' ? placements.total : placements.byPosition[position],
        asOf: placements.asOf,
        path: position === 'total' ? ['placements', index, 'total'] : ['placements', index, 'byPosition', position],
      })),
  };
}

/** Every metric clair knows, in the order outputs list them. */
export const METRICS: readonly MetricDefinition[] = [
  {
    id: 'events',
    unit: 'cases',
    kind: 'count',
    file: 'events.yaml',
    extract: (data) => (data.events?.events ?? []).map((event, index) => item(event.fiscalYear, ['events', index], event.country)),
    completeYears: (data) => data.events?.completeFiscalYears ?? [],
    byCountry: true,
  },
  {
    id: 'festival-booths',
    unit: 'bodies',
    kind: 'figure',
    file: 'festival.yaml',
    extract: (data) =>
      (data.festival?.editions ?? []).map((edition, index) => ({
        fiscalYear: edition.fiscalYear,
        value: edition.booths.count,
        path: ['editions', index, 'booths', 'count'],
        ...(edition.country ? { country: edition.country } : {}),
        ...(edition.date ? { finalOn: edition.date } : {}),
      })),
    byCountry: true,
  },
  {
    id: 'influencer-visits',
    unit: 'cases',
    kind: 'count',
    file: 'influencer-visits.yaml',
    extract: (data) => (data.influencerVisits?.visits ?? []).map((visit, index) => item(visit.fiscalYear, ['visits', index], visit.country)),
    completeYears: (data) => data.influencerVisits?.completeFiscalYears ?? [],
    byCountry: true,
  },
  {
    // A joint visit (連携型) promotes several destinations in one trip: each destination counts.
    id: 'influencer-destinations',
    unit: 'municipalities',
    kind: 'count',
    file: 'influencer-visits.yaml',
    extract: (data) =>
      (data.influencerVisits?.visits ?? []).flatMap((visit, index) =>
        visit.destinations.map((_, d) => item(visit.fiscalYear, ['visits', index, 'destinations', d], visit.country)),
      ),
    completeYears: (data) => data.influencerVisits?.completeFiscalYears ?? [],
    byCountry: true,
  },
  {
    id: 'cooking-classes',
    unit: 'cases',
    kind: 'count',
    file: 'cooking-classes.yaml',
    extract: (data) => (data.cookingClasses?.classes ?? []).map((cooking, index) => item(cooking.fiscalYear, ['classes', index], cooking.country)),
    completeYears: (data) => data.cookingClasses?.completeFiscalYears ?? [],
    byCountry: true,
  },
  {
    id: 'sns-municipalities',
    unit: 'municipalities',
    kind: 'figure',
    file: 'sns-channel.yaml',
    extract: (data) =>
      (data.snsChannel?.featured ?? []).map((featured, index) => ({
        fiscalYear: featured.fiscalYear,
        value: featured.municipalities,
        path: ['featured', index, 'municipalities'],
      })),
  },
  {
    id: 'lectures',
    unit: 'sessions',
    kind: 'count',
    file: 'lectures.yaml',
    extract: (data) => (data.lectures?.lectures ?? []).map((lecture, index) => item(lecture.fiscalYear, ['lectures', index], lecture.country)),
    completeYears: (data) => data.lectures?.completeFiscalYears ?? [],
    byCountry: true,
  },
  {
    id: 'jet-countries',
    unit: 'countries',
    kind: 'figure',
    file: 'jet.yaml',
    extract: (data) =>
      (data.jet?.years ?? []).map((year, index) => ({ fiscalYear: year.fiscalYear, value: year.countries, path: ['years', index, 'countries'] })),
  },
  {
    id: 'jet-participants',
    unit: 'people',
    kind: 'figure',
    file: 'jet.yaml',
    extract: (data) =>
      (data.jet?.years ?? []).map((year, index) => ({
        fiscalYear: year.fiscalYear,
        value: year.participants,
        path: ['years', index, 'participants'],
        // Participants from the covered countries; the others come from the rest of the world, not broken down.
        ...(year.byCountry ? { parts: year.byCountry.map((c) => ({ country: c.country, value: c.participants })) } : {}),
      })),
    byCountry: true,
  },
  {
    id: 'jet-participants-from-office-country',
    unit: 'people',
    kind: 'figure',
    file: 'jet.yaml',
    extract: (data) =>
      (data.jet?.years ?? []).map((year, index) => ({
        fiscalYear: year.fiscalYear,
        value: year.fromOfficeCountry,
        path: ['years', index, 'fromOfficeCountry'],
      })),
  },
  ...JET_POSITIONS.map((position) => jetPlacements(position)),
  jetPlacements('total'),
  {
    // One theme per seminar: the themes list is the list of seminars held.
    id: 'seminars',
    unit: 'sessions',
    kind: 'count',
    file: 'seminars.yaml',
    extract: (data) => (data.seminars?.themes ?? []).map((theme, index) => item(theme.fiscalYear, ['themes', index], theme.country)),
    completeYears: (data) => data.seminars?.completeFiscalYears ?? [],
    byCountry: true,
  },
  {
    id: 'sister-city-exchanges',
    unit: 'cases',
    kind: 'figure',
    file: 'sister-cities.yaml',
    extract: (data) =>
      (data.sisterCities?.exchangeProgrammes ?? []).map((programmes, index) => ({
        fiscalYear: programmes.fiscalYear,
        value: programmes.count,
        path: ['exchangeProgrammes', index, 'count'],
      })),
  },
  {
    // The data states one total as of a date; it belongs to the fiscal year that date falls in.
    id: 'sister-city-partnerships',
    unit: 'cases',
    kind: 'figure',
    file: 'sister-cities.yaml',
    extract: (data) => {
      const partnerships = data.sisterCities?.partnerships;
      if (!partnerships) return [];
      return [{
        fiscalYear: fiscalYearOfDate(partnerships.asOf),
        value: partnerships.total,
        asOf: partnerships.asOf,
        path: ['partnerships', 'total'],
        ...(partnerships.byCountry ? { parts: partnerships.byCountry.map((c) => ({ country: c.country, value: c.total })) } : {}),
      }];
    },
    byCountry: true,
  },
  {
    id: 'support-cases',
    unit: 'cases',
    kind: 'figure',
    file: 'support.yaml',
    extract: (data) =>
      (data.support?.cases?.yearly ?? []).map((year, index) => ({
        fiscalYear: year.fiscalYear,
        value: year.count,
        ...(year.asOf ? { asOf: year.asOf } : {}),
        path: ['cases', 'yearly', index, 'count'],
      })),
  },
  {
    // Requests listed with their fiscal year (researchRequests.requests), counted in the years the list is declared
    // complete. Seoul gives examples only (no years, no complete list), so it has no values, and outputs say why.
    id: 'research-requests',
    unit: 'cases',
    kind: 'count',
    file: 'support.yaml',
    extract: (data) =>
      (data.support?.researchRequests?.requests ?? []).flatMap((request, index) =>
        request.fiscalYear === undefined ? [] : [item(request.fiscalYear, ['researchRequests', 'requests', index], request.country)],
      ),
    completeYears: (data) => data.support?.researchRequests?.completeFiscalYears ?? [],
    byCountry: true,
  },
  {
    // A survey repeated in several years counts once in each of them.
    id: 'surveys',
    unit: 'cases',
    kind: 'count',
    file: 'support.yaml',
    extract: (data) =>
      (data.support?.surveys?.surveys ?? []).flatMap((survey, index) =>
        survey.fiscalYears.map((fiscalYear, y) => item(fiscalYear, ['surveys', 'surveys', index, 'fiscalYears', y], survey.country)),
      ),
    completeYears: (data) => data.support?.surveys?.completeFiscalYears ?? [],
    byCountry: true,
  },
];

export const METRIC_IDS: readonly string[] = METRICS.map((metric) => metric.id);

export function metricDefinition(id: string): MetricDefinition | undefined {
  return METRICS.find((metric) => metric.id === id);
}
