// templates/labels/metrics.yaml covers every metric in every language, and MetricWords words numbers, dates and
// fiscal years the way each language writes them.
import { describe, expect, it } from 'vitest';
import { LANGUAGE_TAGS } from '../schema/index.js';
import { World } from '../world.js';
import { fixtureOffice, SINGLE } from './__fixtures__/fixtures.js';
import { loadMetricLabels, METRICS, MetricLabelsError, MetricWords, parseMetricLabels, UNIT_IDS } from './index.js';

const world = new World({ dataRoot: SINGLE });
const labels = loadMetricLabels(world);
const seoul = fixtureOffice(SINGLE, 'seoul');

describe('metric labels', () => {
  it('has a label and a unit for every metric in every brochure language', () => {
    for (const lang of LANGUAGE_TAGS) {
      const words = new MetricWords(labels, lang, seoul);
      for (const metric of METRICS) {
        expect(words.metric(metric.id), `${metric.id} in ${lang}`).not.toMatch(/^$|\{\w+\}/);
        expect(words.unit(metric.id, metric.unit)).not.toBe('');
      }
    }
    expect(Object.keys(labels.units).sort()).toEqual([...UNIT_IDS].sort());
  });

  it("fills in the office's country and festival, in the language asked", () => {
    expect(new MetricWords(labels, 'ja', seoul).metric('jet-participants-from-office-country')).toBe('JETプログラム参加者（うち韓国）');
    expect(new MetricWords(labels, 'en', seoul).metric('festival-booths')).toBe('Japan-Korea Festival in Seoul: municipal booths');
    // Without office data the generic wording stands in.
    expect(new MetricWords(labels, 'en').metric('jet-placements-cir')).toBe('JET placements (the host country): CIR');
  });

  it('refuses a labels file that lacks a language, naming the entry', () => {
    const text = 'ui: {}\nplaceholders: {}\nunits: {}\nmetrics:\n  events:\n    label: { ja: 出展 }\n  made-up: { label: { ja: x } }\n';
    expect(() => parseMetricLabels(text, 'metrics.yaml')).toThrow(MetricLabelsError);
    try {
      parseMetricLabels(text, 'metrics.yaml');
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('metrics.events.label.ko: missing');
      expect(message).toContain('metrics.made-up: no such metric');
      expect(message).toContain('ui.fiscalYear: expected one string per language');
    }
  });
});

describe('MetricWords', () => {
  it('writes fiscal years per language', () => {
    expect(new MetricWords(labels, 'ja').fiscalYear(2025)).toBe('2025年度');
    expect(new MetricWords(labels, 'ko').fiscalYear(2025)).toBe('2025년도');
    expect(new MetricWords(labels, 'en').fiscalYear(2025)).toBe('FY2025');
  });

  it('writes numbers with the thousands separator of the language, and missing values as a dash', () => {
    expect(new MetricWords(labels, 'ja').number(5933)).toBe('5,933');
    expect(new MetricWords(labels, 'en').number(80000)).toBe('80,000');
    expect(new MetricWords(labels, 'fr').number(5933)).toBe('5\u202f933');
    expect(new MetricWords(labels, 'ja').number(0)).toBe('0');
    expect(new MetricWords(labels, 'ja').number(null)).toBe('—');
  });

  it('writes changes with their sign', () => {
    const ja = new MetricWords(labels, 'ja');
    expect(ja.signed(16)).toBe('+16');
    expect(ja.signed(-3)).toBe('-3');
    expect(ja.signed(0)).toBe('0');
    expect(ja.percent(8)).toBe('+8.0%');
    expect(ja.percent(-40)).toBe('-40.0%');
    expect(ja.percent(null)).toBe('—');
    expect(new MetricWords(labels, 'fr').percent(8)).toBe('+8,0\u00a0%');
  });

  it('says as of which date or month-end a figure is stated', () => {
    expect(new MetricWords(labels, 'ja').asOf('2026-03-05')).toBe('2026年3月5日現在');
    expect(new MetricWords(labels, 'ja').asOf('2026-01')).toBe('2026年1月末現在');
    expect(new MetricWords(labels, 'ko').asOf('2026-01')).toBe('2026년 1월 말 기준');
    expect(new MetricWords(labels, 'en').asOf('2025-07-01')).toBe('as of July 1, 2025');
  });
});
