// chartSvg: a well-formed, deterministic SVG of basic elements with one bar per fiscal year and its value, worded
// in the language asked — and one that pdfmake (svg-to-pdfkit) really draws.
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { renderDefinition } from '../render/pdf/engine/index.js';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { INSTALL_ROOT, World } from '../world.js';
import { fixtureOffice, SEVERAL, SINGLE } from './__fixtures__/fixtures.js';
import { CHART_FONT_FAMILIES, chartSvg, computeMetrics, loadMetricLabels, type MetricSeries } from './index.js';

const labels = loadMetricLabels(new World({ dataRoot: SINGLE }));
const seoulData = fixtureOffice(SINGLE, 'seoul');
const seoul = computeMetrics(seoulData);
const zedlandData = fixtureOffice(SEVERAL, 'zedland');
const zedland = computeMetrics(zedlandData);
const standardFontDataUrl = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;
const metric = (all: MetricSeries[], id: string) => all.find((s) => s.id === id)!;

/** Parses strictly: any XML error or warning fails the test. */
function parseSvg(svg: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => problems.push(`${level}: ${message}`) }).parseFromString(svg, 'image/svg+xml');
  expect(problems).toEqual([]);
  return doc;
}

const all = (doc: Document, name: string): Element[] => Array.from(doc.getElementsByTagName(name));
const withClass = (doc: Document, name: string, cls: string) => all(doc, name).filter((e) => e.getAttribute('class') === cls);

describe('chartSvg', () => {
  it('makes room for footnotes it does not have when asked, so that charts side by side share a baseline', () => {
    const data = fixtureOffice(join(INSTALL_ROOT, 'data'), 'seoul');
    const series = computeMetrics(data);
    const foot = (svg: string) => withClass(parseSvg(svg), 'rect', 'bar').map((bar) => Number(bar.getAttribute('y')) + Number(bar.getAttribute('height')));
    // Support cases note an as-of date (2026年1月末現在); the festival's booths have no note.
    const noted = foot(chartSvg(metric(series, 'support-cases'), { lang: 'ja', labels, office: data }));
    const plain = foot(chartSvg(metric(series, 'festival-booths'), { lang: 'ja', labels, office: data }));
    const sharing = foot(chartSvg(metric(series, 'festival-booths'), { lang: 'ja', labels, office: data, footnoteLines: 1 }));
    expect(plain[0]).toBeGreaterThan(noted[0]!);
    expect(new Set([...sharing, ...noted])).toEqual(new Set([noted[0]]));
  });


  it('marks a figure of a fiscal year still running with its as-of date (the brochure date when it states none)', () => {
    const data = fixtureOffice(join(INSTALL_ROOT, 'data'), 'seoul');
    // Read before the 2025 festival took place, its figure is a part-year one.
    const festival = metric(computeMetrics(data, { asOf: '2025-09-01' }), 'festival-booths');
    const doc = parseSvg(chartSvg(festival, { lang: 'ja', labels, office: data }));
    const values = withClass(doc, 'text', 'value').map((e) => e.textContent);
    expect(values).toEqual(['17', '17', '16 *1']);
    expect(withClass(doc, 'text', 'footnote').map((e) => e.textContent)).toEqual(['*1 2025年9月1日現在']);
    // The part-year bar is drawn lighter and outlined; the full years are solid.
    const bars = withClass(doc, 'rect', 'bar');
    expect(bars.map((e) => e.getAttribute('data-part-year'))).toEqual([null, null, 'true']);
    expect(bars.map((e) => e.getAttribute('fill-opacity'))).toEqual([null, null, '0.35']);
  });

  const supportCases = chartSvg(metric(seoul, 'support-cases'), { lang: 'ja', labels, office: seoulData });

  it('is well-formed XML with a size and a view box', () => {
    const root = parseSvg(supportCases).documentElement!;
    expect(root.tagName).toBe('svg');
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('viewBox')).toBe('0 0 480 240');
  });

  it('uses only g, rect, line and text, with no style sheet or CSS', () => {
    const doc = parseSvg(supportCases);
    const names = new Set(all(doc, '*').map((e) => e.tagName));
    expect([...names].sort()).toEqual(['g', 'line', 'rect', 'svg', 'text']);
    expect(supportCases).not.toMatch(/style=|<style|<path|<use|href=/);
  });

  it('draws one bar per fiscal year, taller for larger values, each with its value written above it', () => {
    const doc = parseSvg(supportCases);
    const bars = withClass(doc, 'rect', 'bar');
    expect(bars.map((b) => b.getAttribute('data-fiscal-year'))).toEqual(['2023', '2024', '2025']);
    const heights = bars.map((b) => Number(b.getAttribute('height')));
    expect(heights[0]! < heights[1]! && heights[1]! < heights[2]!).toBe(true);
    expect(heights[2]! / heights[0]!).toBeCloseTo(83 / 59, 2);
    expect(withClass(doc, 'text', 'value').map((t) => t.textContent)).toEqual(['59', '74', '83 *1']);
    expect(withClass(doc, 'text', 'fiscal-year').map((t) => t.textContent)).toEqual(['2023年度', '2024年度', '2025年度']);
  });

  it('says as of when a figure is stated, under the chart', () => {
    const doc = parseSvg(supportCases);
    expect(withClass(doc, 'text', 'footnote').map((t) => t.textContent)).toEqual(['*1 2026年1月末現在']);
  });

  it('writes its text in the language asked, with that language’s font family', () => {
    const ko = chartSvg(metric(seoul, 'jet-participants'), { lang: 'ko', labels, office: seoulData });
    const doc = parseSvg(ko);
    expect(doc.documentElement!.getAttribute('font-family')).toBe(CHART_FONT_FAMILIES.ko);
    expect(withClass(doc, 'text', 'title')[0]!.textContent).toBe('JET 프로그램 참가자(명)');
    expect(withClass(doc, 'text', 'value')[0]!.textContent).toBe('5,933');
    expect(withClass(doc, 'text', 'fiscal-year')[0]!.textContent).toBe('2025년도');
  });

  it('words its axis and notes in both languages of a bilingual edition, the second in its own font', () => {
    const doc = parseSvg(chartSvg(metric(seoul, 'support-cases'), { lang: 'ja', secondLang: 'ko', labels, office: seoulData }));
    const years = withClass(doc, 'text', 'fiscal-year');
    expect(years.map((t) => t.textContent)).toEqual(['2023年度', '2023년도', '2024年度', '2024년도', '2025年度', '2025년도']);
    expect(years.map((t) => t.getAttribute('font-family'))).toEqual([null, CHART_FONT_FAMILIES.ko, null, CHART_FONT_FAMILIES.ko, null, CHART_FONT_FAMILIES.ko]);
    expect(years.map((t) => t.getAttribute('lang'))).toEqual([null, 'ko', null, 'ko', null, 'ko']);
    // Korean year labels sit under the Japanese ones.
    expect(Number(years[1]!.getAttribute('y'))).toBeGreaterThan(Number(years[0]!.getAttribute('y')));
    expect(withClass(doc, 'text', 'footnote').map((t) => t.textContent)).toEqual(['*1 2026年1月末現在', '*1 2026년 1월 말 기준']);
    // Japanese and Korean write numbers alike: each value once.
    expect(withClass(doc, 'text', 'value').map((t) => t.textContent)).toEqual(['59', '74', '83 *1']);
    expect(doc.documentElement!.getAttribute('aria-label')).toBe('自治体の活動支援（延べ件数） / 지자체 활동 지원(연건수)');
    // Bars keep their proportions, above both lines of years.
    const bars = withClass(doc, 'rect', 'bar');
    expect(Number(bars[2]!.getAttribute('height')) / Number(bars[0]!.getAttribute('height'))).toBeCloseTo(83 / 59, 2);
    const barBottom = Number(bars[0]!.getAttribute('y')) + Number(bars[0]!.getAttribute('height'));
    expect(barBottom).toBeLessThan(Number(years[0]!.getAttribute('y')));
  });

  it('writes a value in each language’s number format where they differ (Japanese 5,933, French 5 933)', () => {
    const doc = parseSvg(chartSvg(metric(seoul, 'jet-participants'), { lang: 'ja', secondLang: 'fr', labels, office: seoulData }));
    const values = withClass(doc, 'text', 'value').map((t) => t.textContent);
    expect(values).toContain('5,933');
    expect(values).toContain('5\u202f933');
    const french = withClass(doc, 'text', 'value').find((t) => t.textContent === '5\u202f933')!;
    expect(french.getAttribute('font-family')).toBe(CHART_FONT_FAMILIES.fr);
  });

  it('is the same chart as before for a one-language edition when the second language is the first', () => {
    const once = chartSvg(metric(seoul, 'support-cases'), { lang: 'ja', labels, office: seoulData });
    expect(chartSvg(metric(seoul, 'support-cases'), { lang: 'ja', secondLang: 'ja', labels, office: seoulData })).toBe(once);
  });

  it('shows a year without a value as a dash and no bar, and a stated 0 as a bar of height 0', () => {
    const sns = chartSvg(metric(zedland, 'events'), { lang: 'fr', labels, office: zedlandData });
    const doc = parseSvg(sns);
    expect(withClass(doc, 'text', 'fiscal-year').map((t) => t.textContent)).toEqual(['Exercice 2021', 'Exercice 2022', 'Exercice 2023']);
    expect(withClass(doc, 'rect', 'bar').map((b) => b.getAttribute('data-fiscal-year'))).toEqual(['2021', '2023']);
    expect(withClass(doc, 'text', 'missing').map((t) => t.textContent)).toEqual(['—']);

    const zero = parseSvg(chartSvg(metric(zedland, 'sns-municipalities'), { lang: 'ja', labels }));
    const bars = withClass(zero, 'rect', 'bar');
    expect(bars.map((b) => [b.getAttribute('data-value'), b.getAttribute('height')])[0]).toEqual(['0', '0']);
    expect(withClass(zero, 'text', 'value').map((t) => t.textContent)).toEqual(['0', '5']);
  });

  it('draws the year slots it is given, so charts of one table line up', () => {
    const doc = parseSvg(chartSvg(metric(seoul, 'lectures'), { lang: 'en', labels, fiscalYears: [2023, 2024, 2025] }));
    expect(withClass(doc, 'rect', 'bar')).toHaveLength(1);
    expect(withClass(doc, 'text', 'missing')).toHaveLength(2);
  });

  it('says "no data" for a metric without values', () => {
    const doc = parseSvg(chartSvg(metric(seoul, 'research-requests'), { lang: 'en', labels }));
    expect(withClass(doc, 'rect', 'bar')).toHaveLength(0);
    expect(withClass(doc, 'text', 'no-data')[0]!.textContent).toBe('No data');
  });

  it('escapes text taken from the data', () => {
    const svg = chartSvg(metric(zedland, 'jet-participants-from-office-country'), { lang: 'ja', labels, office: zedlandData });
    expect(svg).toContain('ゼッドランド&lt;&amp;&gt;');
    expect(withClass(parseSvg(svg), 'text', 'title')[0]!.textContent).toBe('JETプログラム参加者（うちゼッドランド<&>）（名）');
  });

  it('is deterministic and follows the size asked', () => {
    const again = chartSvg(metric(seoul, 'support-cases'), { lang: 'ja', labels, office: seoulData });
    expect(again).toBe(supportCases);
    const small = parseSvg(chartSvg(metric(seoul, 'support-cases'), { lang: 'ja', labels, width: 200, height: 120 }));
    expect(small.documentElement!.getAttribute('width')).toBe('200');
    for (const bar of withClass(small, 'rect', 'bar')) {
      expect(Number(bar.getAttribute('x')) + Number(bar.getAttribute('width'))).toBeLessThanOrEqual(200);
      expect(Number(bar.getAttribute('y'))).toBeGreaterThanOrEqual(0);
    }
  });

  it('is drawn by pdfmake through svg-to-pdfkit, text and all', async () => {
    const svg = chartSvg(metric(seoul, 'support-cases'), { lang: 'en', labels, office: seoulData, fontFamily: 'Helvetica' });
    const helvetica = { Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' } };
    const pdf = await renderDefinition({ content: [{ svg, width: 480 }], defaultStyle: { font: 'Helvetica' } }, helvetica);
    const document = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl }).promise;
    const page = await document.getPage(1);
    const text = (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
    for (const expected of ['FY2023', 'FY2024', 'FY2025', '59', '74', '83 *1', 'as of the end of January 2026']) {
      expect(text).toContain(expected);
    }
  });
});
