// computeMetrics against a direct count: the YAML files are read again with the yaml package alone and every metric
// is counted by hand, so a registry bug cannot hide behind a shared helper.
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { INSTALL_ROOT } from '../world.js';
import { DUPLICATE, fixtureOffice, SEVERAL, SINGLE } from './__fixtures__/fixtures.js';
import { asOfDate, computeMetrics, fiscalYearOfDate, METRIC_IDS, MetricDataError, type MetricSeries } from './index.js';
import type { OfficeData } from '../schema/index.js';

type Yearly = Record<number, { value: number; asOf?: string }>;
type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function readYaml(dir: string, file: string): Raw | undefined {
  const path = join(dir, file);
  return existsSync(path) ? parse(readFileSync(path, 'utf8')) : undefined;
}

/** Counts listed items per fiscal year, for the years the list is declared complete (there, no item is a 0). */
function tally(years: number[], complete: number[] | undefined): Yearly {
  const out: Yearly = {};
  for (const year of complete ?? []) out[year] = { value: 0 };
  for (const year of years) if (complete?.includes(year)) out[year] = { value: out[year]!.value + 1 };
  return out;
}

/** A value of a fiscal year not ended at the brochure's date carries that date unless it states its own. */
function withPublished(yearly: Yearly, published: string | undefined): Yearly {
  const out: Yearly = {};
  for (const [year, entry] of Object.entries(yearly)) {
    const running = published !== undefined && published < `${Number(year) + 1}-03-31`;
    out[Number(year)] = entry.asOf === undefined && running ? { ...entry, asOf: published } : entry;
  }
  return out;
}

/** Takes stated figures per fiscal year. */
function figures(rows: { fiscalYear: number; value: number; asOf?: string }[]): Yearly {
  const out: Yearly = {};
  for (const row of rows) out[row.fiscalYear] = row.asOf ? { value: row.value, asOf: row.asOf } : { value: row.value };
  return out;
}

/** Every metric, counted straight from the YAML text of an office folder. */
function directCounts(dir: string): Record<string, Yearly> {
  const events = readYaml(dir, 'events.yaml');
  const festival = readYaml(dir, 'festival.yaml');
  const visits = readYaml(dir, 'influencer-visits.yaml');
  const cooking = readYaml(dir, 'cooking-classes.yaml');
  const sns = readYaml(dir, 'sns-channel.yaml');
  const lectures = readYaml(dir, 'lectures.yaml');
  const jet = readYaml(dir, 'jet.yaml');
  const seminars = readYaml(dir, 'seminars.yaml');
  const sister = readYaml(dir, 'sister-cities.yaml');
  const support = readYaml(dir, 'support.yaml');
  const placements = (pick: (p: Raw) => number) =>
    figures((jet?.placements ?? []).map((p: Raw) => ({ fiscalYear: p.fiscalYear, value: pick(p), asOf: p.asOf })));
  const partnershipsAsOf: string | undefined = sister?.partnerships?.asOf;
  const published: string | undefined = readYaml(dir, 'brochure.yaml')?.published;
  const counts: Record<string, Yearly> = {
    events: tally((events?.events ?? []).map((e: Raw) => e.fiscalYear), events?.completeFiscalYears),
    'festival-booths': figures((festival?.editions ?? []).map((e: Raw) => ({ fiscalYear: e.fiscalYear, value: e.booths.count }))),
    'influencer-visits': tally((visits?.visits ?? []).map((v: Raw) => v.fiscalYear), visits?.completeFiscalYears),
    'influencer-destinations': tally((visits?.visits ?? []).flatMap((v: Raw) => v.destinations.map(() => v.fiscalYear)), visits?.completeFiscalYears),
    'cooking-classes': tally((cooking?.classes ?? []).map((c: Raw) => c.fiscalYear), cooking?.completeFiscalYears),
    'sns-municipalities': figures((sns?.featured ?? []).map((f: Raw) => ({ fiscalYear: f.fiscalYear, value: f.municipalities }))),
    lectures: tally((lectures?.lectures ?? []).map((l: Raw) => l.fiscalYear), lectures?.completeFiscalYears),
    'jet-countries': figures((jet?.years ?? []).map((y: Raw) => ({ fiscalYear: y.fiscalYear, value: y.countries }))),
    'jet-participants': figures((jet?.years ?? []).map((y: Raw) => ({ fiscalYear: y.fiscalYear, value: y.participants }))),
    'jet-participants-from-office-country': figures((jet?.years ?? []).map((y: Raw) => ({ fiscalYear: y.fiscalYear, value: y.fromOfficeCountry }))),
    'jet-placements-alt': placements((p) => p.byPosition.ALT),
    'jet-placements-cir': placements((p) => p.byPosition.CIR),
    'jet-placements-sea': placements((p) => p.byPosition.SEA),
    'jet-placements-total': placements((p) => p.total),
    seminars: tally((seminars?.themes ?? []).map((t: Raw) => t.fiscalYear), seminars?.completeFiscalYears),
    'sister-city-exchanges': figures((sister?.exchangeProgrammes ?? []).map((e: Raw) => ({ fiscalYear: e.fiscalYear, value: e.count }))),
    // An as-of date from January to March belongs to the fiscal year that began the April before.
    'sister-city-partnerships': partnershipsAsOf
      ? { [Number(partnershipsAsOf.slice(0, 4)) - (Number(partnershipsAsOf.slice(5, 7)) < 4 ? 1 : 0)]: { value: sister!.partnerships.total, asOf: partnershipsAsOf } }
      : {},
    'support-cases': figures((support?.cases?.yearly ?? []).map((y: Raw) => ({ fiscalYear: y.fiscalYear, value: y.count, asOf: y.asOf }))),
    'research-requests': {},
    surveys: tally((support?.surveys?.surveys ?? []).flatMap((s: Raw) => s.fiscalYears), support?.surveys?.completeFiscalYears),
  };
  const result = Object.fromEntries(Object.entries(counts).map(([id, yearly]) => [id, withPublished(yearly, published)]));
  // A festival held by the brochure's date: its count of booths is final.
  for (const e of festival?.editions ?? []) {
    if (e.date !== undefined && published !== undefined && String(e.date) <= published) result['festival-booths']![e.fiscalYear] = { value: e.booths.count };
  }
  return result;
}

function asYearly(series: MetricSeries): Yearly {
  return Object.fromEntries(series.values.map((v) => [v.fiscalYear, v.asOf ? { value: v.value, asOf: v.asOf } : { value: v.value }]));
}

function expectSameAsDirectCount(dir: string, data: OfficeData) {
  const computed = computeMetrics(data);
  const direct = directCounts(dir);
  expect(computed.map((s) => s.id)).toEqual(Object.keys(direct));
  for (const series of computed) expect({ id: series.id, values: asYearly(series) }).toEqual({ id: series.id, values: direct[series.id] });
}

describe('computeMetrics', () => {
  it('gives, for every metric of the Seoul fixture, what a direct count over the YAML gives', () => {
    expectSameAsDirectCount(join(SINGLE, 'seoul'), fixtureOffice(SINGLE, 'seoul'));
  });

  it('gives what a direct count gives for an office with gaps and zeros', () => {
    expectSameAsDirectCount(join(SEVERAL, 'zedland'), fixtureOffice(SEVERAL, 'zedland'));
  });

  const realSeoul = join(INSTALL_ROOT, 'data');
  it.runIf(existsSync(join(realSeoul, 'seoul', 'office.yaml')))('gives what a direct count gives for data/seoul', () => {
    expectSameAsDirectCount(join(realSeoul, 'seoul'), fixtureOffice(realSeoul, 'seoul'));
  });

  it('reads the brochure figures of the Seoul office', () => {
    const byId = new Map(computeMetrics(fixtureOffice(SINGLE, 'seoul')).map((s) => [s.id, s.values]));
    expect(byId.get('support-cases')).toEqual([
      { fiscalYear: 2023, value: 59 }, { fiscalYear: 2024, value: 74 }, { fiscalYear: 2025, value: 83, asOf: '2026-01', provisional: true },
    ]);
    expect(byId.get('festival-booths')).toEqual([
      { fiscalYear: 2023, value: 17 }, { fiscalYear: 2024, value: 17 }, { fiscalYear: 2025, value: 16 },
    ]);
    // Three visits in 2025, one of them joint (Wakayama and Mie): four destinations.
    expect(byId.get('influencer-visits')?.find((v) => v.fiscalYear === 2025)?.value).toBe(3);
    expect(byId.get('influencer-destinations')?.find((v) => v.fiscalYear === 2025)?.value).toBe(4);
    expect(byId.get('jet-placements-sea')).toEqual([{ fiscalYear: 2025, value: 0, asOf: '2025-07-01', provisional: true }]);
    expect(byId.get('sister-city-partnerships')).toEqual([{ fiscalYear: 2025, value: 172, asOf: '2026-03-05', provisional: true }]);
  });

  it('leaves a year without listed items missing instead of counting 0', () => {
    const events = computeMetrics(fixtureOffice(SEVERAL, 'zedland')).find((s) => s.id === 'events')!;
    expect(events.values.map((v) => v.fiscalYear)).toEqual([2021, 2023]);
  });

  it('keeps a 0 the data states', () => {
    const sns = computeMetrics(fixtureOffice(SEVERAL, 'zedland')).find((s) => s.id === 'sns-municipalities')!;
    expect(sns.values).toEqual([{ fiscalYear: 2022, value: 0 }, { fiscalYear: 2023, value: 5 }]);
  });

  it('has no values where the data has no yearly figure (research requests) or no file', () => {
    const series = computeMetrics(fixtureOffice(SEVERAL, 'alpha'));
    expect(series.map((s) => s.id)).toEqual(METRIC_IDS);
    expect(series.every((s) => s.values.length === 0)).toBe(true);
    const seoul = computeMetrics(fixtureOffice(SINGLE, 'seoul'));
    expect(seoul.find((s) => s.id === 'research-requests')!.values).toEqual([]);
  });

  it('refuses two figures for the same fiscal year, naming both places', () => {
    const data = fixtureOffice(DUPLICATE, 'zedland');
    expect(() => computeMetrics(data)).toThrow(MetricDataError);
    try {
      computeMetrics(data);
    } catch (error) {
      const [problem] = (error as MetricDataError).diagnostics;
      expect(problem).toMatchObject({ file: 'sister-cities.yaml', pointer: '/exchangeProgrammes/1/count', code: 'metric-duplicate-year', found: '8' });
      expect(problem!.message.en).toContain('/exchangeProgrammes/0/count');
    }
  });

  it('sums a count metric per year over the years declared complete only, a complete year without items being 0', () => {
    const yearsArb = fc.array(fc.integer({ min: 2000, max: 2030 }), { maxLength: 40 });
    fc.assert(
      fc.property(yearsArb, fc.uniqueArray(fc.integer({ min: 2000, max: 2030 }), { maxLength: 10 }), (years, complete) => {
        const data = {
          events: {
            title: 't', description: [], tableTitle: 't', completeFiscalYears: complete,
            events: years.map((fiscalYear) => ({ fiscalYear, name: 'e', dates: { start: `${fiscalYear}-05-01` }, venue: 'v' })),
          },
        } as unknown as OfficeData;
        const events = computeMetrics(data).find((s) => s.id === 'events')!;
        expect(events.values.map((v) => v.fiscalYear)).toEqual([...complete].sort((a, b) => a - b));
        for (const value of events.values) expect(value.value).toBe(years.filter((y) => y === value.fiscalYear).length);
      }),
    );
  });

  it('counts nothing from a list of examples: a year not declared complete is neither charted nor compared', () => {
    const byId = new Map(computeMetrics(fixtureOffice(join(INSTALL_ROOT, 'data'), 'seoul')).map((s) => [s.id, s.values]));
    // 最近の主な観光展 / 訪問取材実績 / 実施実績 are selections: no 5 → 3 events, no 3 → 1 cooking classes.
    expect(byId.get('events')).toEqual([]);
    expect(byId.get('cooking-classes')).toEqual([]);
    expect(byId.get('influencer-visits')).toEqual([]);
  });
});

describe('figures of a fiscal year still running', () => {
  const running = () => computeMetrics(fixtureOffice(join(INSTALL_ROOT, 'data'), 'seoul'));

  it('carry the brochure date as their as-of date when they state none, and are provisional', () => {
    const sns = running().find((s) => s.id === 'sns-municipalities')!;
    // The brochure is dated 2026-03-05, inside fiscal year 2025 (to 2026-03-31).
    expect(sns.values.find((v) => v.fiscalYear === 2025)).toEqual({ fiscalYear: 2025, value: 42, asOf: '2026-03-05', provisional: true });
  });

  it('are final when they count one occurrence that had taken place by then (a festival)', () => {
    // The 2025 festival was held on 2025-10-12: its 16 booths are the year's final count at the brochure's date.
    const festival = running().find((s) => s.id === 'festival-booths')!;
    expect(festival.values.find((v) => v.fiscalYear === 2025)).toEqual({ fiscalYear: 2025, value: 16 });
    expect(festival.values.find((v) => v.fiscalYear === 2024)).toEqual({ fiscalYear: 2024, value: 17 });
    // Read before the festival, the same figure is a part-year one.
    const before = computeMetrics(fixtureOffice(join(INSTALL_ROOT, 'data'), 'seoul'), { asOf: '2025-09-01' }).find((s) => s.id === 'festival-booths')!;
    expect(before.values.find((v) => v.fiscalYear === 2025)).toEqual({ fiscalYear: 2025, value: 16, asOf: '2025-09-01', provisional: true });
  });

  it('keep an as-of date the data states, and are provisional when it falls inside the year', () => {
    const support = running().find((s) => s.id === 'support-cases')!;
    expect(support.values.find((v) => v.fiscalYear === 2025)).toEqual({ fiscalYear: 2025, value: 83, asOf: '2026-01', provisional: true });
  });

  it('are final once the as-of date is past the end of the fiscal year', () => {
    const data = fixtureOffice(join(INSTALL_ROOT, 'data'), 'seoul');
    const festival = computeMetrics(data, { asOf: '2026-04-01' }).find((s) => s.id === 'festival-booths')!;
    expect(festival.values.find((v) => v.fiscalYear === 2025)).toEqual({ fiscalYear: 2025, value: 16 });
  });
});

describe('dates', () => {
  it('puts a date in the fiscal year that starts in April', () => {
    expect(fiscalYearOfDate('2026-03-05')).toBe(2025);
    expect(fiscalYearOfDate('2025-04-01')).toBe(2025);
    expect(fiscalYearOfDate('2025-03-31')).toBe(2024);
  });

  it('reads a month as-of statement as the last day of the month', () => {
    expect(asOfDate('2026-01')).toBe('2026-01-31');
    expect(asOfDate('2024-02')).toBe('2024-02-29');
    expect(asOfDate('2025-07-01')).toBe('2025-07-01');
  });
});
