// A row span (a fiscal year over its events, a time over its programme segment) prints its label once, in its
// first row. When the span's rows run over onto another page, a reader there would not know whose rows they are,
// so every row under a span holds a copy of the label's first line (blocks.ts), laid out like any text so that it
// has its room, and drawn only in the span's first row on a page that does not show the label itself. Which rows
// open a page is known only after pdfmake's layout: the copies are picked just before it draws the pages.
import { pdfmakeModule } from './internals.js';

/** Carried on the inlines of a span's label (`row` absent) and of its copies (`row`: the body row holding it). */
export interface RowSpanMark {
  /** The span: its table, row and column. */
  span: string;
  row?: number;
}

interface PageItem {
  type: string;
  item: { y?: number; inlines?: { rowSpanLabel?: RowSpanMark }[] };
}

const markOf = (entry: PageItem): RowSpanMark | undefined =>
  entry.type === 'line' ? entry.item.inlines?.[0]?.rowSpanLabel : undefined;

/** The page's items less the label copies a reader does not need: all but the topmost copy of a span, or all of them where the label is on the page. */
export function withContinuedLabels<T extends PageItem>(items: T[]): T[] {
  const labelled = new Set<string>();
  const topmost = new Map<string, { row: number; y: number }>();
  for (const entry of items) {
    const mark = markOf(entry);
    if (!mark) continue;
    if (mark.row === undefined) {
      labelled.add(mark.span);
      continue;
    }
    const y = entry.item.y ?? 0;
    const seen = topmost.get(mark.span);
    if (!seen || y < seen.y) topmost.set(mark.span, { row: mark.row, y });
  }
  if (topmost.size === 0) return items;
  return items.filter((entry) => {
    const mark = markOf(entry);
    if (!mark || mark.row === undefined) return true;
    return !labelled.has(mark.span) && topmost.get(mark.span)!.row === mark.row;
  });
}

interface RendererClass {
  prototype: { renderPages(pages: { items: PageItem[] }[]): void };
}

let installed = false;

/** Makes pdfmake draw each page with only the label copies it needs (once per process). */
export function installRowSpanLabels(): void {
  if (installed) return;
  const Renderer = pdfmakeModule<RendererClass>('Renderer');
  const renderPages = Renderer.prototype.renderPages;
  Renderer.prototype.renderPages = function renderWithContinuedLabels(pages) {
    for (const page of pages) page.items = withContinuedLabels(page.items);
    return renderPages.call(this, pages);
  };
  installed = true;
}
