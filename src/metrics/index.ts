// Yearly metrics of an office and their year-over-year comparison: the API the brochure builder and
// `clair compare` use.
//   computeMetrics(data)                          → MetricSeries[] (one per registered metric)
//   compareTable(series, { from, to, metrics })   → rows with a value and a change per fiscal year
//   chartSvg(series, { lang, labels, width, height }) → a standalone SVG bar chart
//   loadMetricLabels(world) / MetricWords         → wording from templates/labels/metrics.yaml
export { METRICS, METRIC_IDS, UNIT_IDS, asOfDate, fiscalYearOfDate, metricDefinition } from './registry.js';
export type { MetricDefinition, MetricKind, MetricValue, UnitId } from './registry.js';
export { computeMetrics, valueIn, MetricDataError, type MetricSeries } from './compute.js';
export { compareTable, changeBetween, checkMetricIds, closest } from './compare.js';
export type { Change, CompareCell, CompareOptions, CompareRow, CompareTable } from './compare.js';
export { chartSvg, CHART_FONT_FAMILIES, type ChartOptions } from './chart.js';
export { loadMetricLabels, parseMetricLabels, MetricWords, MetricLabelsError, MISSING, type MetricLabels } from './labels.js';
export { compareView, type CompareView } from './view.js';
export { renderComparison, COMPARE_FORMATS, type CompareFormat } from './output.js';
