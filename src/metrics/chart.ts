// A bar chart of one metric as a standalone SVG, drawn by clair itself: one bar per fiscal year with its value
// written above it, the year below, and the as-of dates as footnotes. Only <g>, <rect>, <line> and <text> with
// presentation attributes are used (no CSS, paths or markers), because pdfmake draws SVG through svg-to-pdfkit,
// which supports little more. Same input, same bytes: coordinates are rounded and nothing depends on the clock.
import { eastAsianWidth } from 'get-east-asian-width';
import type { LanguageTag, OfficeData } from '../schema/index.js';
import type { MetricSeries } from './compute.js';
import { MetricWords, type MetricLabels } from './labels.js';
import { AsOfNotes } from './view.js';

/** Default font-family per language; the brochure builder passes the family names it registered with pdfmake. */
export const CHART_FONT_FAMILIES: Record<LanguageTag, string | undefined> = {
  ja: "'Noto Sans CJK JP', 'Noto Sans JP', sans-serif",
  ko: "'Noto Sans CJK KR', 'Noto Sans KR', sans-serif",
  'zh-Hans': "'Noto Sans CJK SC', 'Noto Sans SC', sans-serif",
  en: "'Noto Sans', 'Noto Sans CJK JP', sans-serif",
  fr: "'Noto Sans', 'Noto Sans CJK JP', sans-serif",
};

export interface ChartOptions {
  lang: LanguageTag;
  labels: MetricLabels;
  width?: number;
  height?: number;
  /** The office, for labels naming its country or festival. */
  office?: Pick<OfficeData, 'office' | 'festival'>;
  /** The year slots to draw (default: every year from the series' first to its last); a year without a value gets "—". */
  fiscalYears?: readonly number[];
  fontFamily?: string;
  /** Bar colour (default a dark blue that prints well in greyscale). */
  colour?: string;
  /** Draw the title inside the chart (default true); false where the page prints it as a caption. */
  title?: boolean;
}

const TEXT_COLOUR = '#222222';
const MUTED_COLOUR = '#666666';
const AXIS_COLOUR = '#999999';

const round = (n: number) => {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Marks, format and control characters take no room of their own. */
const ZERO_WIDTH = /[\p{M}\p{Cf}\p{Cc}]/u;

/**
 * Rough advance width of a text at 1px font size: wide (CJK) characters take about 1em, others about 0.55em.
 * (East Asian Width directly: string-width, which also knows emoji, costs a build 45 ms to load.)
 */
function emWidth(text: string): number {
  let columns = 0;
  for (const char of text) if (!ZERO_WIDTH.test(char)) columns += eastAsianWidth(char.codePointAt(0)!);
  return columns * 0.55;
}

/** The largest font size up to `max` at which `text` fits in `width` (never below `min`). */
function fittingSize(text: string, width: number, max: number, min = 6): number {
  const em = emWidth(text);
  return em === 0 ? max : Math.max(min, Math.min(max, width / em));
}

interface TextAttributes {
  x: number;
  y: number;
  size: number;
  anchor?: 'start' | 'middle' | 'end';
  fill?: string;
  weight?: 'bold';
  cls?: string;
}

function text(content: string, a: TextAttributes): string {
  const attributes = [
    a.cls ? `class="${a.cls}"` : '',
    `x="${round(a.x)}"`,
    `y="${round(a.y)}"`,
    `font-size="${round(a.size)}"`,
    a.anchor && a.anchor !== 'start' ? `text-anchor="${a.anchor}"` : '',
    `fill="${a.fill ?? TEXT_COLOUR}"`,
    a.weight ? `font-weight="${a.weight}"` : '',
  ].filter(Boolean);
  return `<text ${attributes.join(' ')}>${escapeXml(content)}</text>`;
}

/** Every year from the first to the last value, so gaps show as "—" rather than closing up. */
function yearSlots(series: MetricSeries): number[] {
  const first = series.values[0]?.fiscalYear;
  const last = series.values[series.values.length - 1]?.fiscalYear;
  if (first === undefined || last === undefined) return [];
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export function chartSvg(series: MetricSeries, options: ChartOptions): string {
  const width = options.width ?? 480;
  const height = options.height ?? 240;
  const words = new MetricWords(options.labels, options.lang, options.office);
  const fontFamily = options.fontFamily ?? CHART_FONT_FAMILIES[options.lang] ?? 'sans-serif';
  const colour = options.colour ?? '#1f4e8c';
  const margin = Math.max(4, Math.round(Math.min(width, height) * 0.03));
  const innerWidth = width - 2 * margin;

  const title = words.ui('withUnit', { label: words.metric(series.id), unit: words.unit(series.id, series.unit) });
  const showTitle = options.title !== false;
  const titleSize = showTitle ? fittingSize(title, innerWidth, 13) : 0;
  const titleBaseline = margin + titleSize;

  const slots = options.fiscalYears ? [...options.fiscalYears] : yearSlots(series);
  const values = new Map(series.values.map((value) => [value.fiscalYear, value]));
  const notes = new AsOfNotes(words);
  const valueTexts = slots.map((fiscalYear) => {
    const value = values.get(fiscalYear);
    if (!value) return { fiscalYear, value: undefined, label: words.number(undefined) };
    const label = value.asOf ? `${words.number(value.value)} ${notes.marker(value.asOf)}` : words.number(value.value);
    return { fiscalYear, value, label };
  });

  const footnoteText = notes.footnotes.map((note) => `${note.marker} ${note.text}`).join('  ');
  const footnoteSize = footnoteText ? fittingSize(footnoteText, innerWidth, 9) : 0;
  const footnoteBaseline = height - margin;
  const slotWidth = slots.length > 0 ? innerWidth / slots.length : innerWidth;
  const yearLabels = slots.map((fiscalYear) => words.fiscalYear(fiscalYear));
  const yearSize = Math.min(...yearLabels.map((label) => fittingSize(label, slotWidth * 0.92, 10)), 10);
  const yearBaseline = footnoteBaseline - (footnoteText ? footnoteSize + 6 : 0);
  const baseline = yearBaseline - yearSize - 4;
  const valueSize = Math.min(...valueTexts.map((v) => fittingSize(v.label, slotWidth * 0.96, 10)), 10);
  const plotTop = titleBaseline + 6 + valueSize + 4;
  const plotHeight = Math.max(1, baseline - plotTop);
  const max = Math.max(0, ...series.values.filter((v) => slots.includes(v.fiscalYear)).map((v) => v.value));
  const barWidth = Math.min(slotWidth * 0.6, 56);

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
      `font-family="${escapeXml(fontFamily)}" role="img" aria-label="${escapeXml(title)}">`,
  );
  parts.push(`<rect class="background" x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  if (showTitle) parts.push(text(title, { x: margin, y: titleBaseline, size: titleSize, weight: 'bold', cls: 'title' }));

  if (slots.length === 0) {
    parts.push(text(words.ui('noData'), { x: width / 2, y: (titleBaseline + height) / 2, size: 11, anchor: 'middle', fill: MUTED_COLOUR, cls: 'no-data' }));
  } else {
    parts.push('<g class="bars">');
    valueTexts.forEach(({ fiscalYear, value, label }, index) => {
      const centre = margin + slotWidth * (index + 0.5);
      parts.push(`<g class="year" data-fiscal-year="${fiscalYear}">`);
      if (value) {
        const barHeight = max === 0 ? 0 : (value.value / max) * plotHeight;
        parts.push(
          `<rect class="bar" data-fiscal-year="${fiscalYear}" data-value="${value.value}" x="${round(centre - barWidth / 2)}" ` +
            `y="${round(baseline - barHeight)}" width="${round(barWidth)}" height="${round(barHeight)}" fill="${colour}"/>`,
        );
        parts.push(text(label, { x: centre, y: baseline - barHeight - 4, size: valueSize, anchor: 'middle', cls: 'value' }));
      } else {
        parts.push(text(label, { x: centre, y: baseline - 4, size: valueSize, anchor: 'middle', fill: MUTED_COLOUR, cls: 'missing' }));
      }
      parts.push(text(yearLabels[index]!, { x: centre, y: yearBaseline, size: yearSize, anchor: 'middle', fill: MUTED_COLOUR, cls: 'fiscal-year' }));
      parts.push('</g>');
    });
    parts.push('</g>');
    parts.push(`<line class="axis" x1="${round(margin)}" y1="${round(baseline)}" x2="${round(width - margin)}" y2="${round(baseline)}" stroke="${AXIS_COLOUR}" stroke-width="1"/>`);
  }
  if (footnoteText) {
    parts.push(text(footnoteText, { x: margin, y: footnoteBaseline, size: footnoteSize, fill: MUTED_COLOUR, cls: 'footnote' }));
  }
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
