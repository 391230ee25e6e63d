// The comparison as a terminal table: columns padded by display width (CJK characters take two cells), numbers
// right-aligned, and increases/decreases coloured only when the caller passes colours (on a TTY).
import stringWidth from 'string-width';
import { escapeControls } from '../../controls.js';
import type { CompareView, Sign } from '../view.js';

export interface TerminalColours {
  up(text: string): string;
  down(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const plainColours: TerminalColours = { up: (t) => t, down: (t) => t, dim: (t) => t, bold: (t) => t };

interface Cell {
  text: string;
  sign?: Sign;
}

const pad = (text: string, width: number, align: 'left' | 'right') => {
  const fill = ' '.repeat(Math.max(0, width - stringWidth(text)));
  return align === 'left' ? text + fill : fill + text;
};

/** Text from the data is shown with its control characters escaped, so a cell cannot command the terminal. */
export function terminalTable(view: CompareView, colours: TerminalColours = plainColours): string {
  const safe = (text: string) => escapeControls(text, { keepLines: false });
  const header: Cell[] = [
    { text: view.headings.metric }, { text: view.headings.unit },
    ...view.headings.fiscalYears.map((text) => ({ text })),
    { text: view.headings.change }, { text: view.headings.changePercent },
  ].map((cell) => ({ text: safe(cell.text) }));
  // A country's line is indented under its metric.
  const body: Cell[][] = view.rows.map((row) => [
    { text: `${row.country !== undefined ? '  ' : ''}${safe(row.label)}` }, { text: safe(row.unit) },
    ...row.cells.map((text) => ({ text: safe(text) })),
    { text: row.change.text, sign: row.change.sign }, { text: row.changePercent.text, sign: row.changePercent.sign },
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...body].map((cells) => stringWidth(cells[column]!.text))));
  const align = (column: number): 'left' | 'right' => (column < 2 ? 'left' : 'right');
  const paint = (cell: Cell, text: string) =>
    cell.sign === 1 ? colours.up(text) : cell.sign === -1 ? colours.down(text) : cell.sign === null ? colours.dim(text) : text;
  const line = (cells: Cell[], styleHeader = false) =>
    cells
      .map((cell, column) => {
        const padded = pad(cell.text, widths[column]!, align(column));
        return styleHeader ? colours.bold(padded) : paint(cell, padded);
      })
      .join('  ')
      .trimEnd();
  const out: string[] = [colours.bold(safe(view.title)), ''];
  out.push(line(header, true));
  out.push(widths.map((width) => '─'.repeat(width)).join('  '));
  for (const cells of body) out.push(line(cells));
  const below = [...view.footnotes.map((note) => `${note.marker} ${note.text}`), ...view.notes];
  if (below.length > 0) out.push('', ...below.map((text) => colours.dim(safe(text))));
  return `${out.join('\n')}\n`;
}
