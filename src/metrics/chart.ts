// A bar chart of one metric as a standalone SVG, drawn by clair itself: one bar per fiscal year with its value
// written above it, the year below, and the as-of dates as footnotes. A bilingual edition's chart words its axis
// and notes in both languages (the second under the first, in that language's font) and writes each value in each
// language's number format, once when the two agree (5,933 in Japanese and Korean; 5 933 in French). Only <g>, <rect>, <line> and <text> with
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

/** The largest footnote size, and the height a line of footnotes is given (points at the chart's size). */
const FOOTNOTE_LINE = 9;

export interface ChartOptions {
  lang: LanguageTag;
  /** The second language of a bilingual edition: year labels, notes and number formats in it too. */
  secondLang?: LanguageTag;
  labels: MetricLabels;
  width?: number;
  height?: number;
  /** The office, for labels naming its country or festival. */
  office?: Pick<OfficeData, 'office' | 'festival'>;
  /** The year slots to draw (default: every year from the series' first to its last); a year without a value gets "—". */
  fiscalYears?: readonly number[];
  fontFamily?: string;
  /** Font family of the second language's text (default from CHART_FONT_FAMILIES). */
  secondFontFamily?: string;
  /** Bar colour (default a dark blue that prints well in greyscale). */
  colour?: string;
  /** Draw the title inside the chart (default true); false where the page prints it as a caption. */
  title?: boolean;
  /**
   * Lines of footnotes to make room for even when this chart has fewer, so that charts side by side share their
   * baseline (the at-a-glance row, where one chart notes an as-of date and the others none).
   */
  footnoteLines?: number;
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
  family?: string;
  /** Marks the second language's text, for screen readers and the HTML's fonts (SVG 2's lang attribute). */
  lang?: string;
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
    a.family ? `font-family="${escapeXml(a.family)}"` : '',
    a.lang ? `lang="${escapeXml(a.lang)}"` : '',
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

/** The words of a chart in one language, with its number format and as-of notes. */
function wordsIn(lang: LanguageTag, options: ChartOptions, series: MetricSeries) {
  const words = new MetricWords(options.labels, lang, options.office);
  return { words, notes: new AsOfNotes(words), title: words.ui('withUnit', { label: words.metric(series.id), unit: words.unit(series.id, series.unit) }) };
}

export function chartSvg(series: MetricSeries, options: ChartOptions): string {
  const width = options.width ?? 480;
  const height = options.height ?? 240;
  const first = wordsIn(options.lang, options, series);
  const second = options.secondLang && options.secondLang !== options.lang ? wordsIn(options.secondLang, options, series) : undefined;
  const fontFamily = options.fontFamily ?? CHART_FONT_FAMILIES[options.lang] ?? 'sans-serif';
  const secondFamily = second ? options.secondFontFamily ?? CHART_FONT_FAMILIES[options.secondLang!] : undefined;
  const colour = options.colour ?? '#1f4e8c';
  const margin = Math.max(4, Math.round(Math.min(width, height) * 0.03));
  const innerWidth = width - 2 * margin;
  /** A text in both languages: the second only where it reads differently. */
  const both = (wording: (w: ReturnType<typeof wordsIn>) => string): [string, string | undefined] => {
    const a = wording(first);
    const b = second ? wording(second) : undefined;
    return [a, b === a ? undefined : b];
  };

  const [title, secondTitle] = both((w) => w.title);
  const showTitle = options.title !== false;
  const titleSize = showTitle ? fittingSize(title, innerWidth, 13) : 0;
  const secondTitleSize = showTitle && secondTitle ? fittingSize(secondTitle, innerWidth, titleSize * 0.85) : 0;
  const titleBaseline = margin + titleSize + (secondTitleSize ? secondTitleSize + 3 : 0);

  const slots = options.fiscalYears ? [...options.fiscalYears] : yearSlots(series);
  const values = new Map(series.values.map((value) => [value.fiscalYear, value]));
  const valueTexts = slots.map((fiscalYear) => {
    const value = values.get(fiscalYear);
    // Markers are numbered in the same order in both languages: *1 is the same date.
    const [label, secondLabel] = both((w) => {
      if (!value) return w.words.number(undefined);
      return value.asOf ? `${w.words.number(value.value)} ${w.notes.marker(value.asOf)}` : w.words.number(value.value);
    });
    return { fiscalYear, value, label, secondLabel };
  });

  const footnotes = (w: ReturnType<typeof wordsIn>) => w.notes.footnotes.map((note) => `${note.marker} ${note.text}`).join('  ');
  const [footnoteText, secondFootnoteText] = both(footnotes);
  const footnoteSize = Math.min(footnoteText ? fittingSize(footnoteText, innerWidth, FOOTNOTE_LINE) : 0, secondFootnoteText ? fittingSize(secondFootnoteText, innerWidth, FOOTNOTE_LINE) : FOOTNOTE_LINE);
  const footnoteBaseline = height - margin;
  const firstFootnoteBaseline = footnoteBaseline - (secondFootnoteText ? footnoteSize + 2 : 0);
  // The room the footnotes take above the chart's foot: their own lines, or more where a row shares a baseline.
  const footnoteLines = Math.max(footnoteText ? (secondFootnoteText ? 2 : 1) : 0, options.footnoteLines ?? 0);
  const footnoteRoom = footnoteLines === 0 ? 0 : footnoteLines * (FOOTNOTE_LINE + 2) + 4;
  const slotWidth = slots.length > 0 ? innerWidth / slots.length : innerWidth;
  const yearLabels = slots.map((fiscalYear) => both((w) => w.words.fiscalYear(fiscalYear)));
  const yearSize = Math.min(...yearLabels.flatMap(([a, b]) => [a, ...(b ? [b] : [])]).map((label) => fittingSize(label, slotWidth * 0.92, 10)), 10);
  const twoYearLines = yearLabels.some(([, b]) => b !== undefined);
  const yearBaseline = footnoteBaseline - footnoteRoom;
  const firstYearBaseline = yearBaseline - (twoYearLines ? yearSize + 2 : 0);
  const baseline = firstYearBaseline - yearSize - 4;
  const valueSize = Math.min(...valueTexts.flatMap((v) => [v.label, ...(v.secondLabel ? [v.secondLabel] : [])]).map((label) => fittingSize(label, slotWidth * 0.96, 10)), 10);
  const twoValueLines = valueTexts.some((v) => v.secondLabel !== undefined);
  const valueHeight = valueSize + (twoValueLines ? valueSize + 2 : 0);
  const plotTop = titleBaseline + 6 + valueHeight + 4;
  const plotHeight = Math.max(1, baseline - plotTop);
  const max = Math.max(0, ...series.values.filter((v) => slots.includes(v.fiscalYear)).map((v) => v.value));
  const barWidth = Math.min(slotWidth * 0.6, 56);
  const inSecond = second ? { lang: options.secondLang!, ...(secondFamily ? { family: secondFamily } : {}) } : {};

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
      `font-family="${escapeXml(fontFamily)}" role="img" aria-label="${escapeXml(secondTitle ? `${title} / ${secondTitle}` : title)}">`,
  );
  parts.push(`<rect class="background" x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  if (showTitle) {
    parts.push(text(title, { x: margin, y: margin + titleSize, size: titleSize, weight: 'bold', cls: 'title' }));
    if (secondTitle) parts.push(text(secondTitle, { x: margin, y: titleBaseline, size: secondTitleSize, weight: 'bold', cls: 'title', ...inSecond }));
  }

  if (slots.length === 0) {
    const [noData, secondNoData] = both((w) => w.words.ui('noData'));
    const middle = (titleBaseline + height) / 2;
    parts.push(text(noData, { x: width / 2, y: middle, size: 11, anchor: 'middle', fill: MUTED_COLOUR, cls: 'no-data' }));
    if (secondNoData) parts.push(text(secondNoData, { x: width / 2, y: middle + 14, size: 11, anchor: 'middle', fill: MUTED_COLOUR, cls: 'no-data', ...inSecond }));
  } else {
    parts.push('<g class="bars">');
    valueTexts.forEach(({ fiscalYear, value, label, secondLabel }, index) => {
      const centre = margin + slotWidth * (index + 0.5);
      parts.push(`<g class="year" data-fiscal-year="${fiscalYear}">`);
      const top = value ? baseline - (max === 0 ? 0 : (value.value / max) * plotHeight) : baseline;
      if (value) {
        const barHeight = baseline - top;
        // A part-year figure (its fiscal year still running) is drawn as an outlined, lighter bar beside its as-of mark,
        // so it does not read as a full year's total at a glance.
        const partYear = value.provisional ? ` fill-opacity="0.35" stroke="${colour}" stroke-width="1"` : '';
        parts.push(
          `<rect class="bar"${value.provisional ? ' data-part-year="true"' : ''} data-fiscal-year="${fiscalYear}" data-value="${value.value}" x="${round(centre - barWidth / 2)}" ` +
            `y="${round(top)}" width="${round(barWidth)}" height="${round(barHeight)}" fill="${colour}"${partYear}/>`,
        );
      }
      const fill = value ? TEXT_COLOUR : MUTED_COLOUR;
      const cls = value ? 'value' : 'missing';
      // The second language's figure sits just above the bar, the first's above it.
      if (secondLabel) parts.push(text(secondLabel, { x: centre, y: top - 4, size: valueSize, anchor: 'middle', fill, cls, ...inSecond }));
      parts.push(text(label, { x: centre, y: top - 4 - (secondLabel ? valueSize + 2 : 0), size: valueSize, anchor: 'middle', fill, cls }));
      const [year, secondYear] = yearLabels[index]!;
      parts.push(text(year, { x: centre, y: firstYearBaseline, size: yearSize, anchor: 'middle', fill: MUTED_COLOUR, cls: 'fiscal-year' }));
      if (secondYear) parts.push(text(secondYear, { x: centre, y: yearBaseline, size: yearSize, anchor: 'middle', fill: MUTED_COLOUR, cls: 'fiscal-year', ...inSecond }));
      parts.push('</g>');
    });
    parts.push('</g>');
    parts.push(`<line class="axis" x1="${round(margin)}" y1="${round(baseline)}" x2="${round(width - margin)}" y2="${round(baseline)}" stroke="${AXIS_COLOUR}" stroke-width="1"/>`);
  }
  if (footnoteText) {
    parts.push(text(footnoteText, { x: margin, y: firstFootnoteBaseline, size: footnoteSize, fill: MUTED_COLOUR, cls: 'footnote' }));
    if (secondFootnoteText) parts.push(text(secondFootnoteText, { x: margin, y: footnoteBaseline, size: footnoteSize, fill: MUTED_COLOUR, cls: 'footnote', ...inSecond }));
  }
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
