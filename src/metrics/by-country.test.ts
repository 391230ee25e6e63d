// Metrics broken down by the countries an office covers (the Singapore test office of offices/asean: ASEAN and
// India), in every output format: a country's line only where the data gives the country of everything counted
// (or states the figure per country), "not split" rather than a guessed split, the same completeness and as-of
// rules as the totals, and nothing of the kind for an office that covers one country (Seoul).
import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LanguageTag, OfficeData } from '../schema/index.js';
import { INSTALL_ROOT, World } from '../world.js';
import { expectGolden, fixtureOffice, SINGLE } from './__fixtures__/fixtures.js';
import {
  compareTable, computeMetrics, loadMetricLabels, renderComparison, type CompareFormat, type CompareOptions, type CompareTable,
} from './index.js';

const ASEAN = join(INSTALL_ROOT, 'src', '__fixtures__', 'offices', 'asean');
const labels = loadMetricLabels(new World({ dataRoot: SINGLE }));
const singapore = fixtureOffice(ASEAN, 'singapore');
const seoul = fixtureOffice(SINGLE, 'seoul');

function table(data: OfficeData, options: CompareOptions = {}, asOf?: string): CompareTable {
  return compareTable(computeMetrics(data, asOf ? { asOf } : {}), options);
}
function render(data: OfficeData, format: CompareFormat, lang: LanguageTag, options: CompareOptions = {}, asOf?: string): string {
  const series = computeMetrics(data, asOf ? { asOf } : {});
  return renderComparison(format, { table: compareTable(series, options), series, labels, lang, data });
}
/** Each line under a metric as [country, values by fiscal year], "not split" as the string. */
function lines(t: CompareTable, id: string): [string | null, (number | null | 'not split')[]][] | undefined {
  return t.rows.find((row) => row.id === id)!.byCountry?.map((line) => [
    line.country, line.cells.map((cell) => (cell.notBrokenDown ? 'not split' : cell.value)),
  ]);
}

describe('per-country figures of an office covering several countries', () => {
  const t = table(singapore);

  it('counts the listed items of a complete year per country, in office.yaml\'s order of countries', () => {
    expect(t.fiscalYears).toEqual([2020, 2021]);
    expect(lines(t, 'events')).toEqual([['SG', [null, 1]], ['TH', [null, 1]]]);
    expect(lines(t, 'cooking-classes')).toEqual([['SG', [null, 1]], ['MY', [null, 1]]]);
    expect(lines(t, 'research-requests')).toEqual([['VN', [null, 1]], ['IN', [null, 1]]]);
    // A joint visit counts each destination, in the country of its influencers.
    expect(lines(t, 'influencer-destinations')).toEqual([['MY', [null, 2]], ['TH', [null, 1]]]);
  });

  it('does not split a year in which a counted item names no country, and says how much is not split', () => {
    // 2020's seminar names no country: its year is "not split", never put in some country.
    expect(lines(t, 'seminars')).toEqual([['SG', ['not split', 1]], ['ID', ['not split', 1]], [null, [1, 0]]]);
  });

  it('splits stated figures by their own country or their stated parts; parts that add up leave the rest at 0', () => {
    expect(lines(t, 'festival-booths')).toEqual([['SG', [1, 0]], ['TH', [0, 2]]]);
    expect(lines(t, 'sister-city-partnerships')).toEqual([['ID', [null, 2]], ['PH', [null, 2]], ['TH', [null, 2]]]);
    // 2020's parts (SG 9 + PH 11) are all of its 20 participants, so none came from India that year.
    expect(lines(t, 'jet-participants')).toEqual([['SG', [9, 10]], ['PH', [11, 12]], ['IN', [0, 8]]]);
  });

  it('leaves a country not stated, and the rest not broken down, when the stated parts fall short of the total', () => {
    const short = structuredClone(singapore);
    short.jet!.years.find((y) => y.fiscalYear === 2021)!.participants = 5933;
    expect(lines(table(short), 'jet-participants')).toEqual([
      ['SG', [9, 10]], ['PH', [11, 12]], ['IN', [0, 8]], [null, [0, 5903]],
    ]);
    short.jet!.years.find((y) => y.fiscalYear === 2020)!.participants = 100;
    // India is not among 2020's parts and they no longer add up: unknown, not 0.
    expect(lines(table(short), 'jet-participants')![2]).toEqual(['IN', ['not split', 8]]);
  });

  it('names only the countries of the fiscal years shown', () => {
    // India is named in 2021's parts only, and Thailand's festival was in 2021: with 2020 alone they have no line.
    expect(lines(table(singapore, { to: 2020 }), 'jet-participants')).toEqual([['SG', [9]], ['PH', [11]]]);
    expect(lines(table(singapore, { to: 2020 }), 'festival-booths')).toEqual([['SG', [1]]]);
  });

  it('gives no country line for metrics whose data carries no country', () => {
    for (const id of ['jet-countries', 'jet-participants-from-office-country']) expect(lines(t, id)).toBeUndefined();
  });

  it('counts a country only in the fiscal years whose list is complete, like the total', () => {
    const partial = structuredClone(singapore);
    delete partial.events!.completeFiscalYears;
    expect(table(partial).rows.find((row) => row.id === 'events')).toBeUndefined();
  });

  it('withholds a country\'s change against a part-year figure, and shows it once the year has ended', () => {
    // Published on 2021-04-01, fiscal year 2021 had just begun.
    const booths = t.rows.find((row) => row.id === 'festival-booths')!;
    expect(booths.byCountry!.map((line) => [line.change, line.changeWithheld])).toEqual([[null, true], [null, true]]);
    expect(booths.byCountry![1]!.cells[1]).toMatchObject({ value: 2, asOf: '2021-04-01', provisional: true });
    const later = table(singapore, {}, '2022-06-30').rows.find((row) => row.id === 'festival-booths')!;
    expect(later.byCountry!.map((line) => [line.country, line.change])).toEqual([
      ['SG', { absolute: -1, percent: -100 }], ['TH', { absolute: 2, percent: null }],
    ]);
  });
});

describe('an office covering one country', () => {
  it('has no country lines (Seoul)', () => {
    expect(table(seoul).rows.filter((row) => row.byCountry)).toEqual([]);
    for (const format of ['table', 'markdown', 'csv', 'html'] as const) {
      expect(render(seoul, format, 'ja')).not.toMatch(/^ +うち|>うち|\/KR|内訳なし|by-country/m);
    }
    expect((JSON.parse(render(seoul, 'json', 'ja')) as { metrics: { byCountry: unknown }[] }).metrics.every((m) => m.byCountry === null)).toBe(true);
  });
});

describe('every output format', () => {
  const formats: [CompareFormat, string][] = [['table', 'table.txt'], ['markdown', 'md'], ['csv', 'csv'], ['json', 'json'], ['html', 'html']];
  for (const [format, extension] of formats) {
    for (const lang of ['en', 'ja'] as const) {
      it(`Singapore in ${lang} as ${format}`, () => {
        expectGolden(`singapore-${lang}.${extension}`, render(singapore, format, lang));
      });
    }
  }

  it('words the lines in the table\'s language, and "not split" with its note', () => {
    const text = render(singapore, 'table', 'en', { metrics: ['seminars'] });
    expect(text).toContain('  of which: Indonesia');
    expect(text).toMatch(/of which: Singapore\s+seminars\s+not split\s+1 \*1/);
    expect(text).toMatch(/of which: not by country\s+seminars\s+1\s+0 \*1/);
    expect(text).toContain('"not split": the data does not give the country');
    const ja = render(singapore, 'table', 'ja', { metrics: ['seminars'] });
    expect(ja).toMatch(/うちインドネシア\s+回\s+内訳なし/);
    expect(ja).toContain('うち国別内訳なし');
  });

  it('gives each country its own CSV row, its id after the metric\'s', () => {
    const rows = parse(render(singapore, 'csv', 'en', { metrics: ['seminars', 'festival-booths'] }, '2022-06-30')) as string[][];
    expect(rows.map((row) => row.slice(0, 5))).toEqual([
      ['id', 'Metric', 'Unit', 'FY2020', 'FY2021'],
      ['seminars', 'Seminars held', 'seminars', '1', '2'],
      ['seminars/SG', 'of which: Singapore', 'seminars', 'not split', '1'],
      ['seminars/ID', 'of which: Indonesia', 'seminars', 'not split', '1'],
      ['seminars/-', 'of which: not by country', 'seminars', '1', '0'],
      ['festival-booths', 'Test exchange festival: municipal booths', 'organisations', '1', '2'],
      ['festival-booths/SG', 'of which: Singapore', 'organisations', '1', '0'],
      ['festival-booths/TH', 'of which: Thailand', 'organisations', '0', '2'],
    ]);
    expect(rows[7]!.slice(5, 7)).toEqual(['+2', '—']);
  });

  it('gives JSON tools each country\'s values, and null for a metric not broken down', () => {
    const json = JSON.parse(render(singapore, 'json', 'en', { metrics: ['seminars', 'jet-countries'] })) as {
      metrics: { byCountry: { country: string | null; name: string; values: { value: number | null; notBrokenDown: boolean }[] }[] | null }[];
    };
    expect(json.metrics[0]!.byCountry!.map((line) => [line.country, line.name, line.values.map((v) => [v.value, v.notBrokenDown])])).toEqual([
      ['SG', 'Singapore', [[null, true], [1, false]]],
      ['ID', 'Indonesia', [[null, true], [1, false]]],
      [null, 'of which: not by country', [[1, false], [0, false]]],
    ]);
    expect(json.metrics[1]!.byCountry).toBeNull();
  });

  it('indents the countries in the HTML page under their metric', () => {
    const html = render(singapore, 'html', 'ja', { metrics: ['events'] });
    expect(html).toContain('<tr class="by-country" id="metric-events-TH"><th scope="row">うちタイ</th>');
    expect(html).toContain('.by-country th');
  });
});
