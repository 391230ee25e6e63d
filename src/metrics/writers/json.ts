// The comparison as JSON for other tools. Shape (version 1; every key is always present):
// {
//   "format": "clair-compare", "version": 1,
//   "office": { "id": "seoul", "name": "クレアソウル" } | null,
//   "lang": "ja",
//   "fiscalYears": [2023, 2024, 2025],                 // the columns, ascending
//   "metrics": [{
//     "id": "support-cases", "label": "…", "unit": "件",
//     "kind": "figure" | "count",                       // stated figure, or number of listed items
//     "source": "support.yaml",
//     "values": [{ "fiscalYear": 2025, "value": 83 | null,   // null: not given by the data (never 0)
//                  "asOf": "2026-01" | "2026-01-31" | null,  // as stated: a date, or a month meaning its end
//                  "asOfDate": "2026-01-31" | null,          // the same as a calendar date
//                  "provisional": true | false,              // the fiscal year had not ended at asOf (part-year)
//                  "change": { "absolute": 9, "percent": 12.2 | null } | null,  // vs fiscalYear - 1
//                  "changeWithheld": true | false }],        // null because a part-year figure is not compared
//     "change": { "fiscalYear": 2025, "absolute": 9, "percent": 12.2 | null } | null,  // last column vs previous
//     "changeWithheld": true | false,
//     "note": "…" | null,
//     "byCountry": null | [{                            // null: not broken down (one country, or no split given)
//       "country": "TH" | null,                         // null: the part the data does not give by country
//       "name": "Thailand" | "…",                       // the country's name, or the line's label for null
//       "values": [{ "fiscalYear": 2025, "value": 2 | null,   // null: missing, or not broken down that year
//                    "notBrokenDown": true | false,           // the data does not give that year's country split
//                    "change": … | null, "changeWithheld": true | false }],
//       "change": { "fiscalYear": 2025, "absolute": 1, "percent": 100 | null } | null,
//       "changeWithheld": true | false
//     }]
//   }]
// }
// Percentages are rounded to one decimal, like every other output; `percent` is null when the previous value is 0.
import type { Change, CompareTable } from '../compare.js';
import type { MetricWords } from '../labels.js';
import { asOfDate } from '../registry.js';

const roundPercent = (percent: number | null) => (percent === null ? null : Math.round(percent * 10) / 10 || 0);
const changeJson = (change: Change | null) =>
  change === null ? null : { absolute: change.absolute, percent: roundPercent(change.percent) };

export function jsonTable(table: CompareTable, words: MetricWords, office?: { id: string; name: string }): string {
  const last = table.fiscalYears[table.fiscalYears.length - 1];
  const document = {
    format: 'clair-compare',
    version: 1,
    office: office ?? null,
    lang: words.lang,
    fiscalYears: table.fiscalYears,
    metrics: table.rows.map((row) => ({
      id: row.id,
      label: words.metric(row.id),
      unit: words.unit(row.id, row.unit),
      kind: row.kind,
      source: row.file,
      values: row.cells.map((cell) => ({
        fiscalYear: cell.fiscalYear,
        value: cell.value,
        asOf: cell.asOf ?? null,
        asOfDate: cell.asOf ? asOfDate(cell.asOf) : null,
        provisional: cell.provisional === true,
        change: changeJson(cell.change),
        changeWithheld: cell.changeWithheld === true,
      })),
      change: row.change === null || last === undefined ? null : { fiscalYear: last, ...changeJson(row.change)! },
      changeWithheld: row.changeWithheld === true,
      note: row.cells.every((cell) => cell.value === null) ? words.note(row.id) ?? null : null,
      byCountry: row.byCountry
        ? row.byCountry.map((line) => ({
          country: line.country,
          name: line.country === null ? words.countryLine(null) : words.country(line.country),
          values: line.cells.map((cell) => ({
            fiscalYear: cell.fiscalYear,
            value: cell.value,
            notBrokenDown: cell.notBrokenDown === true,
            change: changeJson(cell.change),
            changeWithheld: cell.changeWithheld === true,
          })),
          change: line.change === null || last === undefined ? null : { fiscalYear: last, ...changeJson(line.change)! },
          changeWithheld: line.changeWithheld === true,
        }))
        : null,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
