// The comparison as a standalone HTML page: the table, its notes and one bar chart per metric, with every text
// escaped and everything inline (no stylesheet, font or script is fetched), so the file can be mailed or archived.
import { CHART_FONT_FAMILIES } from '../chart.js';
import type { CompareView } from '../view.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Indents a country's line under its metric; only pages with such lines carry the rule. */
const BY_COUNTRY_STYLE = '.by-country th { padding-left: 1.6rem; font-weight: normal; }';

const style = (fontFamily: string) => `
body { font-family: ${fontFamily}; margin: 2rem; color: #222; }
h1 { font-size: 1.4rem; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border-bottom: 1px solid #ccc; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #444; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.up { color: #1b6e1b; }
.down { color: #a01c1c; }
.missing { color: #777; }
.notes { color: #444; font-size: 0.9rem; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; }
figure { margin: 0; }
`.trim();

function signClass(sign: 1 | -1 | 0 | null): string {
  return sign === 1 ? ' up' : sign === -1 ? ' down' : sign === null ? ' missing' : '';
}

/** `charts`: one standalone SVG per row (from chartSvg), embedded inline after the table. */
export function htmlPage(view: CompareView, charts: readonly string[] = []): string {
  const e = escapeHtml;
  const out: string[] = [];
  out.push('<!DOCTYPE html>');
  out.push(`<html lang="${e(view.lang)}">`);
  out.push('<head>');
  out.push('<meta charset="utf-8">');
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>${e(view.title)}</title>`);
  const byCountry = view.rows.some((row) => row.country !== undefined) ? `\n${BY_COUNTRY_STYLE}` : '';
  out.push(`<style>\n${style(CHART_FONT_FAMILIES[view.lang] ?? 'sans-serif')}${byCountry}\n</style>`);
  out.push('</head>');
  out.push('<body>');
  out.push(`<h1>${e(view.title)}</h1>`);
  out.push('<table>');
  out.push('<thead>');
  const headings = [view.headings.metric, view.headings.unit];
  const numericHeadings = [...view.headings.fiscalYears, view.headings.change, view.headings.changePercent];
  out.push(`<tr>${headings.map((h) => `<th scope="col">${e(h)}</th>`).join('')}${numericHeadings.map((h) => `<th scope="col" class="num">${e(h)}</th>`).join('')}</tr>`);
  out.push('</thead>');
  out.push('<tbody>');
  for (const row of view.rows) {
    const cells = row.cells.map((cell) => `<td class="num${cell === '—' ? ' missing' : ''}">${e(cell)}</td>`).join('');
    // A country's line sits under its metric's, indented (class by-country).
    const opening = row.country === undefined
      ? `<tr id="metric-${e(row.id)}">`
      : `<tr class="by-country" id="metric-${e(row.id)}-${e(row.country ?? 'not-by-country')}">`;
    out.push(
      `${opening}<th scope="row">${e(row.label)}</th><td>${e(row.unit)}</td>${cells}` +
        `<td class="num${signClass(row.change.sign)}">${e(row.change.text)}</td>` +
        `<td class="num${signClass(row.changePercent.sign)}">${e(row.changePercent.text)}</td></tr>`,
    );
  }
  out.push('</tbody>');
  out.push('</table>');
  const below = [...view.footnotes.map((note) => `${note.marker} ${note.text}`), ...view.notes];
  if (below.length > 0) {
    out.push('<ul class="notes">');
    for (const text of below) out.push(`<li>${e(text)}</li>`);
    out.push('</ul>');
  }
  if (charts.length > 0) {
    out.push('<div class="charts">');
    for (const svg of charts) out.push(`<figure>${svg.trim()}</figure>`);
    out.push('</div>');
  }
  out.push('</body>');
  out.push('</html>');
  return `${out.join('\n')}\n`;
}
