// The comparison worded in one language: every heading, cell and note as display text. The terminal, Markdown and
// HTML writers all print this one view, so they cannot disagree about a number, a dash or a footnote.
import type { LanguageTag } from '../schema/index.js';
import type { Change, CompareTable } from './compare.js';
import { MISSING, type MetricWords } from './labels.js';

export type Sign = 1 | -1 | 0 | null;

export interface ViewChange {
  text: string;
  /** For colouring: 1 up, -1 down, 0 unchanged, null unknown. */
  sign: Sign;
}

export interface ViewRow {
  /** The metric id; a line under it (per country) has `country` too. */
  id: string;
  /** A line under the metric: a country's code, or null for the part not broken down by country. */
  country?: string | null;
  label: string;
  unit: string;
  /** One display text per fiscal year column, with a footnote marker when the value is stated as of a date. */
  cells: string[];
  change: ViewChange;
  changePercent: ViewChange;
}

export interface Footnote {
  marker: string;
  text: string;
}

export interface CompareView {
  lang: LanguageTag;
  title: string;
  headings: { metric: string; unit: string; fiscalYears: string[]; change: string; changePercent: string };
  rows: ViewRow[];
  /** As-of dates, one per distinct date, in order of first use. */
  footnotes: Footnote[];
  /** Notes under the table: what the change columns compare, what a dash means, metrics without yearly data. */
  notes: string[];
}

const signOf = (value: number | null | undefined): Sign =>
  value === null || value === undefined ? null : value > 0 ? 1 : value < 0 ? -1 : 0;

function changeView(change: Change | null, words: MetricWords): { change: ViewChange; changePercent: ViewChange } {
  return {
    change: { text: words.signed(change?.absolute), sign: signOf(change?.absolute) },
    changePercent: { text: words.percent(change?.percent), sign: signOf(change?.percent) },
  };
}

/** Footnote markers for as-of dates: "*1", "*2" … shared by every cell stated as of the same date. */
export class AsOfNotes {
  readonly footnotes: Footnote[] = [];
  private readonly markers = new Map<string, string>();

  constructor(private readonly words: MetricWords) {}

  marker(isoDate: string): string {
    let marker = this.markers.get(isoDate);
    if (!marker) {
      marker = `*${this.markers.size + 1}`;
      this.markers.set(isoDate, marker);
      this.footnotes.push({ marker, text: this.words.asOf(isoDate) });
    }
    return marker;
  }
}

export function compareView(table: CompareTable, words: MetricWords, options: { officeName?: string } = {}): CompareView {
  const asOf = new AsOfNotes(words);
  let anyMissing = false;
  const withheld = new Set<number>();
  let anyNotSplit = false;
  const cellText = (cell: CompareTable['rows'][number]['cells'][number] & { notBrokenDown?: true }) => {
    if (cell.notBrokenDown) {
      anyNotSplit = true;
      return words.ui('notBrokenDown');
    }
    if (cell.value === null) anyMissing = true;
    const text = words.number(cell.value);
    return cell.asOf && cell.value !== null ? `${text} ${asOf.marker(cell.asOf)}` : text;
  };
  const rows = table.rows.flatMap((row): ViewRow[] => {
    const cells = row.cells.map(cellText);
    const changes = changeView(row.change, words);
    const last = row.cells[row.cells.length - 1];
    if (row.changeWithheld && last) withheld.add(last.fiscalYear);
    else if (row.change === null || row.change.percent === null) anyMissing = true;
    const unit = words.unit(row.id, row.unit);
    // Each country's line follows its metric's, with the same unit.
    const lines = (row.byCountry ?? []).map((line): ViewRow => ({
      id: row.id, country: line.country, label: words.countryLine(line.country), unit, cells: line.cells.map(cellText),
      ...changeView(line.change, words),
    }));
    return [{ id: row.id, label: words.metric(row.id), unit, cells, ...changes }, ...lines];
  });
  const notes: string[] = [];
  const last = table.fiscalYears[table.fiscalYears.length - 1];
  if (last !== undefined) {
    notes.push(words.ui('changeNote', { current: words.fiscalYear(last), previous: words.fiscalYear(last - 1) }));
  }
  if (withheld.size > 0) {
    const years = [...withheld].sort((a, b) => a - b).map((fiscalYear) => words.fiscalYear(fiscalYear));
    notes.push(words.ui('provisionalNote', { years: years.join(words.lang === 'ja' || words.lang === 'zh-Hans' ? '、' : ', ') }));
  }
  if (anyMissing) notes.push(words.ui('missingNote'));
  if (anyNotSplit) notes.push(words.ui('notBrokenDownNote'));
  for (const row of table.rows) {
    const note = words.note(row.id);
    if (note && row.cells.every((cell) => cell.value === null)) notes.push(note);
  }
  return {
    lang: words.lang,
    title: options.officeName ? words.ui('officeTitle', { office: options.officeName }) : words.ui('title'),
    headings: {
      metric: words.ui('metric'),
      unit: words.ui('unit'),
      fiscalYears: table.fiscalYears.map((fiscalYear) => words.fiscalYear(fiscalYear)),
      change: words.ui('change'),
      changePercent: words.ui('changePercent'),
    },
    rows,
    footnotes: asOf.footnotes,
    notes,
  };
}

export { MISSING };
