// One entry point for every output format of `clair compare`: it words the comparison once (the view) and hands
// it to the format's writer. Adding a format means adding a writer and one case here.
import type { LanguageTag, OfficeData } from '../schema/index.js';
import { chartSvg } from './chart.js';
import type { CompareTable } from './compare.js';
import type { MetricSeries } from './compute.js';
import { MetricWords, type MetricLabels } from './labels.js';
import { compareView } from './view.js';
import { csvTable } from './writers/csv.js';
import { htmlPage } from './writers/html.js';
import { jsonTable } from './writers/json.js';
import { markdownTable } from './writers/markdown.js';
import { terminalTable, type TerminalColours } from './writers/terminal.js';

export { COMPARE_FORMATS, type CompareFormat } from './formats.js';
import type { CompareFormat } from './formats.js';

export interface CompareOutputInput {
  table: CompareTable;
  /** The series the table was made from (the HTML page draws their charts). */
  series: readonly MetricSeries[];
  labels: MetricLabels;
  lang: LanguageTag;
  /** The office's data, for its name and for labels naming its country or festival. */
  data?: Pick<OfficeData, 'office' | 'festival'>;
  /** Colours for the terminal table (only on a TTY). */
  colours?: TerminalColours;
  /** Start the CSV with a UTF-8 byte order mark. */
  bom?: boolean;
}

function officeName(data: CompareOutputInput['data'], lang: LanguageTag): string | undefined {
  const name = data?.office?.shortName;
  if (name === undefined) return undefined;
  if (typeof name === 'string') return name;
  return name[lang] ?? name.ja ?? Object.values(name).find((value) => value !== undefined);
}

export function renderComparison(format: CompareFormat, input: CompareOutputInput): string {
  const words = new MetricWords(input.labels, input.lang, input.data);
  const name = officeName(input.data, input.lang);
  const view = () => compareView(input.table, words, name === undefined ? {} : { officeName: name });
  switch (format) {
    case 'table':
      return terminalTable(view(), input.colours);
    case 'markdown':
      return markdownTable(view());
    case 'csv':
      return csvTable(input.table, words, { bom: input.bom === true });
    case 'json':
      return jsonTable(input.table, words, input.data?.office && name !== undefined ? { id: input.data.office.id, name } : undefined);
    case 'html': {
      const charts = input.table.rows.map((row) => {
        const series = input.series.find((s) => s.id === row.id)!;
        return chartSvg(series, {
          lang: input.lang, labels: input.labels, fiscalYears: input.table.fiscalYears, width: 420, height: 220,
          ...(input.data ? { office: input.data } : {}),
        });
      });
      return htmlPage(view(), charts);
    }
  }
}
