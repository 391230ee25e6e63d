// The comparison as a Markdown (GFM) table to paste into reports: escaped labels, right-aligned numbers, and the
// as-of footnotes and notes as a list under the table.
import type { CompareView } from '../view.js';

/** Escapes characters that Markdown would read as markup or as a table cell boundary. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~&]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

export function markdownTable(view: CompareView): string {
  const row = (cells: string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  const out: string[] = [`## ${escapeMarkdown(view.title)}`, ''];
  out.push(row([view.headings.metric, view.headings.unit, ...view.headings.fiscalYears, view.headings.change, view.headings.changePercent]));
  out.push(`| :--- | :--- |${' ---: |'.repeat(view.headings.fiscalYears.length + 2)}`);
  for (const r of view.rows) out.push(row([r.label, r.unit, ...r.cells, r.change.text, r.changePercent.text]));
  const below = [...view.footnotes.map((note) => `${note.marker} ${note.text}`), ...view.notes];
  if (below.length > 0) out.push('', ...below.map((text) => `- ${escapeMarkdown(text)}`));
  return `${out.join('\n')}\n`;
}
