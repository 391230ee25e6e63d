// "Numbers at a glance" (数字で見る…): bar charts of the office's main yearly metrics, drawn by clair as SVG
// from the metrics registry, so the figures are the same ones `clair compare` reports.
import type { Block, ChartBlock } from '../../document/blocks.js';
import { textIn } from '../../document/text.js';
// From their modules, not the metrics index, which would load the comparison writers into every build.
import { chartSvg } from '../../metrics/chart.js';
import { MetricWords } from '../../metrics/labels.js';
import { inYears, type SectionDefinition } from '../kit.js';

/** The metrics worth a chart when the data gives them for at least two fiscal years, in this order. */
const CHARTED = [
  'events', 'festival-booths', 'influencer-destinations', 'cooking-classes', 'lectures',
  'jet-participants-from-office-country', 'sister-city-exchanges', 'support-cases',
];
const WIDTH = 240;
const HEIGHT = 170;

export const atAGlance: SectionDefinition = {
  id: 'at-a-glance',
  numbered: false,
  build(context) {
    const { t, data, metrics } = context;
    const charts: Block[] = [];
    let gaps = false;
    const shownSeries = CHARTED.flatMap((id) => {
      const series = metrics.series.find((s) => s.id === id);
      if (!series) return [];
      const shown = { ...series, values: series.values.filter((v) => inYears(v.fiscalYear, context.years)) };
      return shown.values.length < 2 ? [] : [shown];
    });
    // Charts stand side by side: where one has a footnote (an as-of date), all make room for it and share a baseline.
    const footnoteLines = shownSeries.some((series) => series.values.some((v) => v.asOf)) ? (t.edition.secondary ? 2 : 1) : 0;
    for (const shown of shownSeries) {
      const id = shown.id;
      // Every year from the first to the last is drawn (chart.ts): one without a figure shows as "—".
      const span = shown.values[shown.values.length - 1]!.fiscalYear - shown.values[0]!.fiscalYear + 1;
      if (span > shown.values.length) gaps = true;
      const words = (lang: Parameters<typeof t.raw>[1]) => new MetricWords(metrics.labels, lang, data);
      const chart: ChartBlock = {
        kind: 'chart',
        id: `chart-${id}`,
        caption: t.each((lang) => words(lang).ui('withUnit', { label: words(lang).metric(id), unit: words(lang).unit(id, shown.unit) })),
        svg: chartSvg(shown, {
          lang: t.edition.primary, ...(t.edition.secondary ? { secondLang: t.edition.secondary } : {}),
          labels: metrics.labels, office: data, width: WIDTH, height: HEIGHT, title: false, footnoteLines,
        }),
        width: WIDTH,
        height: HEIGHT,
        description: t.each((lang) => {
          const w = words(lang);
          return `${w.metric(id)}: ${shown.values.map((v) => `${w.fiscalYear(v.fiscalYear)} ${w.number(v.value)}${v.asOf ? ` (${w.asOf(v.asOf)})` : ''}`).join(t.raw('punctuation.listSeparator', lang))}`;
        }),
      };
      charts.push(chart);
    }
    if (charts.length === 0) return undefined;
    return {
      title: t.each((lang) => t.fill('atAGlance.title', lang, { office: textIn(data.office.shortName, lang) ?? '' })),
      // The lead explains "—" only where a chart shows one.
      blocks: [{ kind: 'paragraph', tone: 'lead', text: t.label(gaps ? 'atAGlance.leadWithGaps' : 'atAGlance.lead') }, ...charts],
    };
  },
};
