// Every output format of the comparison, checked against golden files, plus what each format promises on its own:
// CSV that csv-parse (and Excel) reads cell by cell, with or without a BOM; Markdown and HTML that escape data
// text; an HTML page that fetches nothing; a terminal table whose columns line up in CJK.
//
// Golden files live in src/metrics/__golden__/. After an intended change of output, rewrite them with
//   UPDATE_GOLDEN=1 npx vitest run src/metrics
// and review the diff before committing.
import { parse } from 'csv-parse/sync';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { LanguageTag, OfficeData } from '../schema/index.js';
import { World } from '../world.js';
import { expectGolden, fixtureOffice, SEVERAL, SINGLE } from './__fixtures__/fixtures.js';
import {
  chartSvg, compareTable, computeMetrics, loadMetricLabels, renderComparison, type CompareFormat, type CompareOptions,
} from './index.js';

const labels = loadMetricLabels(new World({ dataRoot: SINGLE }));
const offices: Record<string, OfficeData> = { seoul: fixtureOffice(SINGLE, 'seoul'), zedland: fixtureOffice(SEVERAL, 'zedland') };

/** Zedland with the metrics that show gaps, a stated 0, a single year and a metric without yearly data. */
const ZEDLAND_METRICS = [
  'sns-municipalities', 'support-cases', 'jet-participants-from-office-country', 'research-requests', 'events',
  'sister-city-exchanges',
];

function render(office: string, format: CompareFormat, lang: LanguageTag, options: CompareOptions = {}, bom = false): string {
  const data = offices[office]!;
  const series = computeMetrics(data);
  return renderComparison(format, { table: compareTable(series, options), series, labels, lang, data, bom });
}

const EXTENSIONS: Record<CompareFormat, string> = { table: 'table.txt', markdown: 'md', csv: 'csv', json: 'json', html: 'html' };

describe('golden outputs', () => {
  for (const format of Object.keys(EXTENSIONS) as CompareFormat[]) {
    it(`Seoul in Japanese as ${format}`, () => {
      expectGolden(`seoul-ja.${EXTENSIONS[format]}`, render('seoul', format, 'ja'));
    });
    it(`Zedland in French as ${format} (gaps, zero, single year, no yearly data)`, () => {
      expectGolden(`zedland-fr.${EXTENSIONS[format]}`, render('zedland', format, 'fr', { metrics: ZEDLAND_METRICS }));
    });
  }
  for (const lang of ['ko', 'zh-Hans', 'en'] as const) {
    it(`Seoul FY2023–FY2025 in ${lang} as a table`, () => {
      expectGolden(`seoul-${lang}.table.txt`, render('seoul', 'table', lang, { from: 2023, to: 2025 }));
    });
  }
  it('Zedland in Japanese as Markdown (data text with markup characters)', () => {
    expectGolden('zedland-ja.md', render('zedland', 'markdown', 'ja', { metrics: ZEDLAND_METRICS }));
  });
  it('charts', () => {
    const seoul = computeMetrics(offices.seoul!);
    const zedland = computeMetrics(offices.zedland!);
    expectGolden('chart-support-cases-ja.svg', chartSvg(seoul.find((s) => s.id === 'support-cases')!, { lang: 'ja', labels, office: offices.seoul! }));
    expectGolden('chart-events-fr.svg', chartSvg(zedland.find((s) => s.id === 'events')!, { lang: 'fr', labels, office: offices.zedland! }));
  });
});

describe('csv', () => {
  const options = { from: 2023, metrics: ['support-cases', 'sister-city-exchanges', 'jet-participants'] };

  it('opens in csv-parse with the expected cells: plain numbers, dashes for missing years, as-of notes', () => {
    const text = render('seoul', 'csv', 'ja', options);
    expect(text).toContain('\r\n');
    expect(parse(text)).toEqual([
      ['id', '項目', '単位', '2023年度', '2024年度', '2025年度', '前年度比', '増減率', '注記'],
      ['support-cases', '自治体の活動支援', '延べ件数', '59', '74', '83', '—', '—',
        '2025年度 2026年1月末現在; 2025年度は年度途中の数値のため、前年度比を示しません（通年の数値と比べると、実際にはない増減を示すことになるため）。'],
      ['sister-city-exchanges', '姉妹（友好）都市交流事業の実施', '件', '200', '216', '—', '—', '—', ''],
      ['jet-participants', 'JETプログラム参加者', '名', '—', '—', '5933', '—', '—', ''],
    ]);
  });

  it('starts with a UTF-8 BOM when asked, which csv-parse strips with bom: true', () => {
    const text = render('seoul', 'csv', 'ja', options, true);
    expect([...Buffer.from(text, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows[0]![0]).toBe('id');
    expect(rows[1]).toEqual(parse(render('seoul', 'csv', 'ja', options))[1]);
    expect((parse(text) as string[][])[0]![0]).toBe('\ufeffid');
  });

  it('quotes cells that need it (RFC 4180)', () => {
    const rows = parse(render('zedland', 'csv', 'fr', { metrics: ZEDLAND_METRICS })) as string[][];
    const research = rows.find((row) => row[0] === 'research-requests')!;
    expect(research[research.length - 1]).toContain('; les données');
    expect(rows.find((row) => row[0] === 'jet-participants-from-office-country')![1]).toBe('Participants au programme JET : Zedlande');
  });
});

describe('json', () => {
  it('has the documented shape, with null for missing values and the as-of date as stated and as a date', () => {
    const json = JSON.parse(render('seoul', 'json', 'en', { from: 2024, metrics: ['support-cases', 'lectures'] }));
    expect(json).toMatchObject({ format: 'clair-compare', version: 1, office: { id: 'seoul', name: 'CLAIR Seoul' }, lang: 'en', fiscalYears: [2024, 2025] });
    expect(json.metrics[0]).toEqual({
      id: 'support-cases', label: "Support for municipalities' activities", unit: 'cases', kind: 'figure', source: 'support.yaml',
      values: [
        { fiscalYear: 2024, value: 74, asOf: null, asOfDate: null, provisional: false, change: { absolute: 15, percent: 25.4 }, changeWithheld: false },
        // A part-year figure: its as-of date, and no change against the full year before.
        { fiscalYear: 2025, value: 83, asOf: '2026-01', asOfDate: '2026-01-31', provisional: true, change: null, changeWithheld: true },
      ],
      change: null,
      changeWithheld: true,
      note: null,
      // Seoul covers one country: nothing to break down.
      byCountry: null,
    });
    expect(json.metrics[1].values[0]).toEqual({
      fiscalYear: 2024, value: null, asOf: null, asOfDate: null, provisional: false, change: null, changeWithheld: false,
    });
  });
});

describe('markdown and html', () => {
  it('escapes data text in Markdown', () => {
    const md = render('zedland', 'markdown', 'ja', { metrics: ['jet-participants-from-office-country'] });
    expect(md).toContain('ゼッドランド\\<\\&\\>');
    expect(md.split('\n').filter((line) => line.startsWith('|')).every((line) => line.split(/(?<!\\)\|/).length === 9)).toBe(true);
  });

  it('escapes data text in HTML and fetches nothing', () => {
    const html = render('zedland', 'html', 'ja', { metrics: ZEDLAND_METRICS });
    expect(html).toContain('ゼッドランド&lt;&amp;&gt;');
    expect(html).not.toContain('<&>');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="ja">/);
    const withoutNamespaces = html.replaceAll('xmlns="http://www.w3.org/2000/svg"', '');
    expect(withoutNamespaces).not.toMatch(/https?:|src=|href=|url\(|@import|<script|<link/);
  });

  it('draws one chart per row in the HTML page', () => {
    const html = render('seoul', 'html', 'ko', { metrics: ['support-cases', 'events'] });
    expect(html.match(/<svg /g)).toHaveLength(2);
  });
});

describe('terminal table', () => {
  it('lines up columns by display width, CJK included', () => {
    for (const lang of ['ja', 'ko', 'fr'] as const) {
      const lines = render('seoul', 'table', lang).split('\n');
      const rule = lines.findIndex((line) => line.startsWith('─'));
      const body = lines.slice(rule - 1, rule + 1 + 19);
      const widths = new Set(body.map((line) => stringWidth(line)));
      expect(widths.size, `${lang}: ${[...widths].join(', ')}`).toBe(1);
    }
  });

  it('colours increases and decreases when given colours, and only the sign-bearing cells', () => {
    const data = offices.seoul!;
    const series = computeMetrics(data);
    const colours = { up: (t: string) => `<up>${t}</up>`, down: (t: string) => `<down>${t}</down>`, dim: (t: string) => t, bold: (t: string) => t };
    const text = renderComparison('table', {
      table: compareTable(series, { metrics: ['support-cases', 'events'] }), series, labels, lang: 'ja', data, colours,
    });
    // 2025 is a part-year figure: no change, so nothing coloured in its row; the fixture's events fall 5 → 3.
    expect(text).not.toContain('<up>');
    expect(text).toMatch(/<down>\s*-2<\/down>\s+<down>\s*-40\.0%<\/down>/);
    const earlier = renderComparison('table', {
      table: compareTable(series, { metrics: ['support-cases'], to: 2024 }), series, labels, lang: 'ja', data, colours,
    });
    expect(earlier).toMatch(/<up>\s*\+15<\/up>\s+<up>\s*\+25\.4%<\/up>/);
    expect(render('seoul', 'table', 'ja')).not.toContain('\u001b[');
  });
});
