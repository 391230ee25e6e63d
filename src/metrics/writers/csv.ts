// The comparison as CSV (RFC 4180: CRLF line ends, quotes only where needed) for spreadsheets. Numbers are written
// without thousands separators and with a dot for decimals, so every spreadsheet locale reads them as numbers;
// a missing value is "—" as everywhere else. With `bom`, a UTF-8 byte order mark lets Japanese Excel detect UTF-8.
// A cell that would start a spreadsheet formula (OWASP's "CSV injection": =, +, -, @, tab, carriage return, from
// an office's festival name, say) is prefixed with a single quote, as OWASP recommends; signed figures such as +16
// or -8.0% are numbers, not formulas, and stay as they are.
import { stringify } from 'csv-stringify/sync';
import type { CompareTable } from '../compare.js';
import { MISSING, type MetricWords } from '../labels.js';

/** +16, -3, 0 (locale-independent). */
export function csvSigned(value: number | null | undefined): string {
  if (value === null || value === undefined) return MISSING;
  return value > 0 ? `+${value}` : String(value);
}

/** +8.0%, -12.5%, 0.0% (locale-independent, one decimal). */
export function csvPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return MISSING;
  const rounded = Math.round(value * 10) / 10;
  if (rounded === 0) return '0.0%';
  return `${rounded > 0 ? '+' : ''}${rounded.toFixed(1)}%`;
}

/** Opens a formula in Excel, LibreOffice and Google Sheets when a cell starts with it. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A signed figure as clair writes it (+16, -3, +8.0%): read as a number, never as a formula. */
const SIGNED_FIGURE = /^[+-]\d+(?:\.\d+)?%?$/;

/** The cell as text a spreadsheet shows and never runs: a leading formula character is quoted away. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) && !SIGNED_FIGURE.test(cell) ? `'${cell}` : cell;
}

export function csvTable(table: CompareTable, words: MetricWords, options: { bom?: boolean } = {}): string {
  const header = [
    'id', words.ui('metric'), words.ui('unit'), ...table.fiscalYears.map((fiscalYear) => words.fiscalYear(fiscalYear)),
    words.ui('change'), words.ui('changePercent'), words.ui('notes'),
  ];
  // A country's line follows its metric's: id "events/TH" ("events/-" for the part not broken down by country).
  const countryRecords = (row: CompareTable['rows'][number]) => (row.byCountry ?? []).map((line) => {
    const notes = line.cells.some((cell) => cell.notBrokenDown) ? [words.ui('notBrokenDownNote')] : [];
    if (line.changeWithheld) notes.push(words.ui('provisionalNote', { years: words.fiscalYear(line.cells[line.cells.length - 1]!.fiscalYear) }));
    return [
      `${row.id}/${line.country ?? '-'}`, words.countryLine(line.country), words.unit(row.id, row.unit),
      ...line.cells.map((cell) => (cell.notBrokenDown ? words.ui('notBrokenDown') : cell.value === null ? MISSING : String(cell.value))),
      csvSigned(line.change?.absolute), csvPercent(line.change?.percent), notes.join('; '),
    ];
  });
  const records = table.rows.flatMap((row) => {
    const notes = row.cells
      .filter((cell) => cell.asOf && cell.value !== null)
      .map((cell) => `${words.fiscalYear(cell.fiscalYear)} ${words.asOf(cell.asOf!)}`);
    const last = row.cells[row.cells.length - 1];
    if (row.changeWithheld && last) notes.push(words.ui('provisionalNote', { years: words.fiscalYear(last.fiscalYear) }));
    const note = words.note(row.id);
    if (note && row.cells.every((cell) => cell.value === null)) notes.push(note);
    return [[
      row.id, words.metric(row.id), words.unit(row.id, row.unit),
      ...row.cells.map((cell) => (cell.value === null ? MISSING : String(cell.value))),
      csvSigned(row.change?.absolute), csvPercent(row.change?.percent), notes.join('; '),
    ], ...countryRecords(row)];
  });
  const cells = [header, ...records].map((record) => record.map(neutraliseFormula));
  return stringify(cells, { record_delimiter: 'windows', bom: options.bom === true });
}
