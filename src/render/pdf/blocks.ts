// One pdfmake node per view-model block, and the grid they are set on. Blocks that are narrow by nature (short
// lists, facts, figures, charts, photos, tables of a few short columns) sit two to a row; body text keeps to the
// theme's measure (≤ ~40 full-width characters a line, JLREQ); wide tables and the timetable take the full width.
// Nothing is left alone at a page edge: a heading or caption travels with what follows it, a list item, a
// bilingual pair and a table row are never split, a table's caption and head repeat with its first rows and its
// last two rows travel together (a table of three rows or fewer moves whole). Tables
// size their columns from their content, numbers right-aligned under right-aligned heads; a narrow table stays
// narrow. A URL in the text gets a QR code beside it. Lists carry the marks of the edition's language profile
// (・ ◆ ※ ▶ in Japanese, • * in English) and ①②③.
import type {
  Block, ChartBlock, FactsBlock, FiguresBlock, ListBlock, PhotosBlock, Rich, StepsBlock, TableBlock, TableRow, Txt,
} from '../../document/blocks.js';
import type { World } from '../../world.js';
import type { RowSpanMark } from './engine/row-span-labels.js';
import type { PdfStyle } from './style.js';
import { PdfText, type TextOptions } from './text.js';
import { qrCanvas } from '../qr.js';
import { FRAME_RATIO, PRINT_WIDTH_PT } from '../../photos/index.js';
import { PrintPhotos } from './photos.js';
import { languageProfile } from '../../i18n/profile.js';
import { ems, plainOf, shortItemsList, txtEms, webLinks } from '../../document/measure.js';

type Node = Record<string, unknown>;

/** A cell under a row span's label: it draws no rule of its own (tableBody). */
const continuesSpan = (cell: Node): boolean => Array.isArray(cell.border) && cell.border.every((side) => side === false);

/** Left and right padding of a table cell, in points. */
const TABLE_CELL_PADDING = 5;

const CIRCLED = ['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨', '⑩', '⑪', '⑫', '⑬', '⑭', '⑮', '⑯', '⑰', '⑱', '⑲', '⑳'];

/**
 * The marks the page-break check (headingBreak in index.ts) reads from pdfmake's `headlineLevel`, the one
 * property of our own that pdfmake hands it: a heading group, and the probes around it.
 */
export const HEADLINE = { heading: 1, beforeHeading: 2, afterHeading: 3 } as const;

/** Headings (and a lead) that could not travel inside the block they introduce: one unbreakable group. */
export function keptHeading(nodes: Node[]): Node {
  return { stack: nodes, unbreakable: true, headlineLevel: HEADLINE.heading };
}

/** A mark of no size in the flow: outside unbreakable blocks, pdfmake records its true page and height. */
const probe = (level: number): Node => ({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: 0, y2: 0, lineWidth: 0, lineColor: '#ffffff' }], headlineLevel: level });

/** The first text a node shows: of a table, the first text under its head rows (those repeat on every page). */
function firstText(node: unknown): Node | undefined {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return undefined;
  const n = node as Node;
  if (n.text !== undefined && n.text !== '') return n;
  for (const key of ['stack', 'columns'] as const) {
    if (!Array.isArray(n[key])) continue;
    for (const child of n[key] as unknown[]) {
      const found = firstText(child);
      if (found) return found;
    }
  }
  if (n.table) {
    const table = n.table as { body: unknown[][]; headerRows?: number };
    for (const row of table.body.slice(table.headerRows ?? 0)) {
      for (const cell of row) {
        const found = firstText(cell);
        if (found) return found;
      }
    }
  }
  return undefined;
}

/**
 * A heading group before a block that may break (a long table, a tall pair), set so that the page-break check
 * can see where both land: pdfmake gives what an unbreakable block holds the page it started on, even when the
 * block then moves to the next page, and stamps the true page only on the first line of a text with an `id` (it
 * needs those for page references). So the group is put between two probes in the flow, and the block's first
 * text gets an id (`id()`) when it has none.
 */
export function headingBefore(heading: Node[], next: Node, id: () => string): Node[] {
  const start = firstText(next);
  if (!start) return [keptHeading(heading), next];
  if (start.id === undefined) start.id = id();
  return [probe(HEADLINE.beforeHeading), keptHeading(heading), probe(HEADLINE.afterHeading), next];
}

export class PdfBlocks {
  /** Ids given to the first text after a heading group, numbered in the order of the document. */
  private kept = 0;

  constructor(
    private readonly text: PdfText,
    private readonly world: World,
    private readonly lang: string,
    private readonly style: PdfStyle,
    private readonly photosForPrint: PrintPhotos = new PrintPhotos(),
  ) {}

  private get c() { return this.style.colours; }
  private get s() { return this.style.sizes; }
  /** Width of body text: the measure, or the column when narrower. */
  private measureWidth(width: number): number {
    return Math.min(width, this.style.page.measure * this.s.body * 1.02);
  }

  /**
   * The blocks of a section on the grid: narrow blocks paired in two columns, headings kept with what follows.
   * `width` is the text width the blocks are set in; `head` (a part band, a section title) keeps with the first
   * block as a heading does.
   */
  layout(blocks: Block[], width: number, head: Node[] = []): Node[] {
    const gap = this.style.page.columnGap;
    const half = (width - gap) / 2;
    const out: Node[] = [];
    // Headings and leads waiting for the block they introduce: a heading never ends a page.
    let pending: Node[] = [...head];
    const emit = (node: Node, whole: boolean) => {
      if (pending.length === 0) {
        out.push(node);
        return;
      }
      // A block short enough travels whole with its heading; a longer one cannot be moved without leaving a gap,
      // so its heading is marked and the page-break check (pageBreakBefore in index.ts) moves it if it ends a page.
      out.push(...(whole ? [{ stack: [...pending, node], unbreakable: true }] : headingBefore(pending, node, () => `keep-${++this.kept}`)));
      pending = [];
    };
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      const next = blocks[i + 1];
      if (block.kind === 'heading' || (block.kind === 'paragraph' && block.tone === 'lead' && next)) {
        pending.push(block.kind === 'heading' ? this.heading(block.text, width) : this.block(block, width));
        continue;
      }
      if (block.kind === 'chart' && next?.kind === 'chart' && blocks[i + 2]?.kind === 'chart') {
        // Charts are glanced at: three to a row.
        let run = 0;
        while (blocks[i + run]?.kind === 'chart') run++;
        for (let k = 0; k < run; k += 3) emit(this.chartRow(blocks.slice(i + k, i + k + 3) as ChartBlock[], width, 3), true);
        i += run - 1;
        continue;
      }
      if (this.isNarrow(block, half) && next && next.kind !== 'heading' && this.isNarrow(next, half)) {
        // A pair of short blocks is one unbreakable row that travels whole with its heading; a taller pair may
        // continue on the next page (each block keeps its own rows and items whole) rather than leave a gap.
        const whole = this.isSmall(block) && this.isSmall(next);
        emit({
          columns: [{ width: half, ...this.block(block, half) }, { width: half, ...this.block(next, half) }],
          columnGap: gap,
          ...(whole ? { unbreakable: true } : {}),
          margin: [0, 0, 0, this.style.spacing.block / 2],
        }, whole);
        i++;
        continue;
      }
      if (block.kind === 'list' && block.marker !== 'merit' && pending.length > 0) {
        // A list takes its heading into its opening (title and first two items), which is never split: the rest may
        // flow on to the next page rather than move the whole list and leave a gap.
        out.push(this.list(block, width, pending));
        pending = [];
        continue;
      }
      emit(this.block(block, width), this.keptWhole(block));
    }
    if (pending.length > 0) out.push(keptHeading(pending));
    return out;
  }

  /** Moved whole to the next page, with its heading, rather than split: short blocks and tables of a few rows. */
  private keptWhole(block: Block): boolean {
    return this.isSmall(block) || (block.kind === 'table' && block.rows.length <= 10);
  }

  /** Short enough to be kept whole on one page (moved to the next page rather than split). */
  isSmall(block: Block): boolean {
    switch (block.kind) {
      case 'list': return block.items.length <= 8;
      case 'table': return block.rows.length <= 3;
      case 'facts': return block.items.length <= 6;
      case 'steps': case 'chart': case 'figures': case 'photos': case 'heading': return true;
      case 'paragraph': return txtEms(block.text) < 400;
    }
  }

  /** Fits a column of the two-column grid without crowding. */
  private isNarrow(block: Block, half: number): boolean {
    const perLine = half / this.s.body;
    switch (block.kind) {
      case 'chart': case 'figures': return true;
      case 'photos': return block.photos.length <= 2;
      // A column stacks the two languages of a bilingual item: an item longer than a line of the column would take
      // four lines or more there, against two side by side at the full width (where the list may also break
      // between items).
      case 'list': return block.marker !== 'note' && block.items.length >= 2 && block.items.length <= 8 && block.items.every((i) => txtEms(i) <= perLine * (i.secondary ? 1 : 3) && webLinks(i).length === 0);
      case 'facts': return block.items.length <= 5 && block.items.every((i) => i.values.every((v) => txtEms(v) <= perLine * 2));
      case 'table': return block.rows.length <= 8 && this.naturalWidths(block).reduce((a, b) => a + b, 0) <= half;
      default: return false;
    }
  }

  block(block: Block, width: number): Node {
    switch (block.kind) {
      case 'heading':
        return this.heading(block.text);
      case 'paragraph':
        return this.paragraphBlock(block.text, block.tone, width);
      case 'list':
        return this.list(block, width);
      case 'table':
        return this.table(block, width);
      case 'facts':
        return this.facts(block, width);
      case 'figures':
        return this.figures(block, width);
      case 'photos':
        return this.photos(block, width);
      case 'chart':
        return this.chart(block, width);
      case 'steps':
        return this.steps(block, width);
    }
  }

  private heading(txt: Txt, width = 0): Node {
    const style = { fontSize: this.s.heading, bold: this.style.fonts.heading === 'bold', color: this.c.brand, heading: true };
    const margin = [0, this.style.spacing.block, 0, this.style.spacing.paragraph];
    // Side by side only when each language's heading fits its half on one line.
    const fits = (rich: Rich | undefined, size: number) => ems(plainOf(rich)) * size <= (width - this.style.page.columnGap) / 2;
    if (this.sideBySide(txt, width) && fits(txt.primary, this.s.heading) && fits(txt.secondary, this.text.secondarySize(this.s.heading))) return { ...this.pair(txt, width, (single, base) => this.text.paragraph(single, { ...style, ...base }), style), margin };
    return { ...this.text.paragraph(txt, style), margin };
  }

  /**
   * A bilingual text is set side by side (the primary language left, the second right) where the block has the
   * full text width: two lines of ~25 characters take less height than the two stacked at the measure.
   * Narrow columns and table cells keep the pair stacked.
   */
  private sideBySide(txt: Txt | undefined, width: number): boolean {
    return Boolean(txt?.secondary) && width >= this.style.page.textWidth - 1;
  }

  /**
   * The two languages of a text in two columns, one unbreakable row. `render` sets one language; for the second
   * it is given the second language's size and colour.
   */
  pair(txt: Txt, width: number, render: (single: Txt, base: TextOptions, columnWidth: number) => Node, base: TextOptions = {}): Node {
    const gap = this.style.page.columnGap;
    const half = (width - gap) / 2;
    const secondaryBase: TextOptions = {
      fontSize: this.text.secondarySize(base.fontSize ?? this.s.body),
      color: base.secondaryColor ?? this.c.second,
    };
    return {
      columns: [
        { width: half, ...render({ primary: txt.primary }, {}, half) },
        { width: half, ...render({ primary: txt.secondary! }, secondaryBase, half) },
      ],
      columnGap: gap,
      unbreakable: true,
    };
  }

  /** A QR code for each web link of a text, set beside it. */
  private withQr(node: Node, txt: Txt, width: number): Node {
    const links = webLinks(txt);
    if (links.length === 0) return node;
    const size = 40;
    return {
      columns: [
        { width: '*', ...node },
        ...links.map((url) => ({ width: size, ...qrCanvas(url, size), margin: [4, 0, 0, 0] })),
      ],
      columnGap: 4,
      unbreakable: true,
      ...(width ? {} : {}),
    };
  }

  private paragraphBlock(txt: Txt, tone: 'lead' | 'callout' | 'note' | undefined, width: number): Node {
    const measure = this.measureWidth(width);
    const narrow = (node: Node): Node => ({ ...node, margin: [0, (node.margin as number[] | undefined)?.[1] ?? 0, width - measure, (node.margin as number[] | undefined)?.[3] ?? 0] });
    // Side by side, each language's column is narrower than the measure already.
    const set = (style: TextOptions, margin: number[]): Node => this.sideBySide(txt, width)
      ? { ...this.pair(txt, width, (single, base) => this.text.paragraph(single, { ...style, ...base }), style), margin }
      : narrow({ ...this.text.paragraph(txt, style), margin });
    if (tone === 'callout') {
      // A callout is one short appeal: the pair stays stacked in its box.
      const content = this.text.paragraph(txt, { bold: true, color: this.c.brandDark });
      return {
        table: {
          // A width in points, not '*': after a side-by-side heading pdfmake gave a '*' column half the width.
          widths: [width - 3],
          body: [[{ ...content, margin: [8, 5, 8, 5] }]],
        },
        layout: { hLineWidth: () => 0, vLineWidth: (i: number) => (i === 0 ? 3 : 0), vLineColor: () => this.c.accent, fillColor: () => this.c.accentTint, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 0, paddingBottom: () => 0 },
        margin: [0, 3, 0, 3],
        unbreakable: true,
      };
    }
    if (tone === 'note') return this.withQr(set({ fontSize: this.s.small, color: this.c.muted }, [0, 2, 0, 2]), txt, width);
    if (tone === 'lead') return set({ bold: true, color: this.c.brandDark }, [0, 2, 0, this.style.spacing.paragraph]);
    return this.withQr(set({}, [0, 1, 0, this.style.spacing.paragraph]), txt, width);
  }

  private list(block: ListBlock, outer: number, lead: Node[] = []): Node {
    // A list of merits is set inside its box: its rule (2.5) and the margins within (7 + 7).
    const width = block.marker === 'merit' ? outer - 16.5 : outer;
    const markerWidth = this.s.body * 1.3;
    const single = (txt: Txt, index: number, base: TextOptions = {}): Node => {
      const lang = txt.primary[0]?.lang ?? 'ja';
      const marker = block.marker === 'numbered' ? CIRCLED[index] ?? `${index + 1}.` : languageProfile(lang).marks[block.marker];
      const colour = block.marker === 'merit' ? this.c.accent : block.marker === 'note' ? this.c.muted : this.c.brand;
      const style: TextOptions = block.marker === 'note' ? { fontSize: this.s.small, color: this.c.muted } : {};
      return {
        columns: [
          { width: markerWidth, text: this.text.rich([{ text: marker, lang }], { color: colour, bold: block.marker === 'merit', ...(block.marker === 'note' ? { fontSize: this.s.small } : {}) }) },
          { width: '*', ...this.text.paragraph(txt, { ...style, ...base }) },
        ],
        columnGap: 1,
      };
    };
    const half = (width - this.style.page.columnGap) / 2;
    // Short items in two columns (as in the HTML); so do short items that each carry a web address, whose QR codes
    // would otherwise stand one under the other.
    const qr = 44;
    const linked = block.items.length >= 2 && block.items.every((i) => webLinks(i).length === 1);
    const twoColumns = width > 300 && (linked
      ? block.items.every((i) => txtEms(i) * this.s.body <= (half - qr) * 2)
      : shortItemsList(block, half / this.s.body));
    const item = (txt: Txt, index: number): Node => {
      // A bilingual item at the full width: each language with its own mark, side by side.
      const node: Node = !twoColumns && this.sideBySide(txt, width)
        ? this.pair(txt, width, (one, base) => single(one, index, base), block.marker === 'note' ? { fontSize: this.s.small } : {})
        : single(txt, index);
      // An item is never split between pages.
      return this.withQr({ ...node, margin: [0, 0, 0, 1], unbreakable: true }, txt, width);
    };
    const items = block.items.map(item);
    const stack: Node[] = [];
    const title = block.title
      ? { ...this.text.paragraph(block.title, { bold: this.style.fonts.caption === 'bold', color: block.marker === 'merit' ? this.c.accent : this.c.brandDark }), margin: [0, 3, 0, 2] }
      : undefined;
    // The heading before the list and its title keep with the first two items, and the last two items stay
    // together: no item alone at a page edge (a list of three, split anywhere, would leave one: it is kept whole).
    const head = items.slice(0, items.length === 3 ? 3 : 2);
    const rest = items.slice(head.length);
    // A note under the list travels with its last items.
    const note: Node[] = block.note ? [{ ...this.text.paragraph(block.note, { fontSize: this.s.small, color: this.c.muted }), margin: [0, 1, 0, 0] }] : [];
    if (rest.length >= 2) {
      stack.push({ stack: [...lead, ...(title ? [title] : []), ...head], unbreakable: true });
      stack.push(...rest.slice(0, -2), { stack: [...rest.slice(-2), ...note], unbreakable: true });
    } else stack.push({ stack: [...lead, ...(title ? [title] : []), ...head, ...rest, ...note], unbreakable: true });
    const measure = block.items.some((i) => webLinks(i).length > 0 || this.sideBySide(i, width)) ? width : this.measureWidth(width);
    const node: Node = twoColumns
      ? {
        stack: [
          ...lead,
          ...(title ? [title] : []),
          {
            columns: [
              { width: half, stack: items.slice(0, Math.ceil(items.length / 2)) },
              { width: half, stack: items.slice(Math.ceil(items.length / 2)) },
            ],
            columnGap: this.style.page.columnGap,
          },
          ...note,
        ],
        unbreakable: block.items.length <= 12,
        margin: [0, 1, 0, this.style.spacing.paragraph + 1],
      }
      : { stack, margin: [0, 1, width - measure, this.style.spacing.paragraph + 1] };
    if (block.marker === 'merit') {
      return {
        table: { widths: ['*'], body: [[{ ...node, margin: [7, 3, 7, 2] }]], dontBreakRows: block.items.length <= 4 },
        layout: { hLineWidth: () => 0, vLineWidth: (i: number) => (i === 0 ? 2.5 : 0), vLineColor: () => this.c.accent, fillColor: () => this.c.accentTint, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 0, paddingBottom: () => 0 },
        margin: [0, 2, 0, this.style.spacing.block / 2 + 1],
      };
    }
    return node;
  }

  private cellNode(content: Txt[], options: { align?: 'start' | 'center' | 'end'; bold?: boolean; mark?: RowSpanMark; colour?: string }): Node {
    const alignment = options.align === 'center' ? 'center' : options.align === 'end' ? 'right' : 'left';
    const mark = options.mark ? { rowSpanLabel: options.mark } : undefined;
    const paragraphs = content.map((txt) => this.text.paragraph(txt, {
      fontSize: this.s.body * 0.95, alignment, bold: options.bold, mark, lineHeight: this.s.leading.table,
      ...(options.colour ? { color: options.colour, secondaryColor: options.colour } : {}),
    }));
    return paragraphs.length === 1 ? paragraphs[0]! : { stack: paragraphs };
  }

  /** How each column aligns: a column whose every body cell is right-aligned has a right-aligned head too. */
  private columnAligns(block: TableBlock): ('start' | 'center' | 'end' | undefined)[] {
    const placed = this.placedCells(block);
    return block.columns.map((column, index) => {
      if (column.align) return column.align;
      const cells = placed.filter((p) => p.column === index && p.span === 1).map((p) => p.cell);
      return cells.length > 0 && cells.every((c) => c.align === 'end') ? 'end' : undefined;
    });
  }

  /** Each body cell with the column it starts in (rows omit the cells a span from above covers). */
  private placedCells(block: TableBlock): { cell: TableRow['cells'][number]; column: number; span: number }[] {
    const width = block.columns.length;
    const covered = new Array<number>(width).fill(0);
    const out: { cell: TableRow['cells'][number]; column: number; span: number }[] = [];
    for (const row of block.rows) {
      const cells = [...row.cells];
      let col = 0;
      while (col < width) {
        if (covered[col]! > 0) {
          covered[col]! -= 1;
          col++;
          continue;
        }
        const cell = cells.shift();
        if (!cell) break;
        const span = Math.max(1, cell.colSpan ?? 1);
        out.push({ cell, column: col, span });
        if ((cell.rowSpan ?? 1) > 1) for (let c = col; c < col + span; c++) covered[c] = cell.rowSpan! - 1;
        col += span;
      }
    }
    return out;
  }

  /** Natural widths in points: the longest unbreakable stretch of each column's texts, capped. */
  private naturalWidths(block: TableBlock): number[] {
    const size = this.s.body * 0.95;
    const padding = 2 * TABLE_CELL_PADDING;
    const longest = block.columns.map((column) => txtEms(column.header));
    for (const { cell, column, span } of this.placedCells(block)) {
      if (span > 1) continue;
      for (const txt of cell.content) longest[column] = Math.max(longest[column]!, txtEms(txt));
    }
    return longest.map((n) => Math.min(n, 40) * size + padding);
  }

  /**
   * The table body on pdfmake's grid. A row span (a fiscal year over its events, a time over its programme
   * segment) is drawn as the label in the first row and borderless cells below it: pdfmake's own rowSpan adds
   * a blank line under the group when rows may not split across pages, and rows must not. Each cell below holds
   * a copy of the label's first line, drawn only where the span's rows continue on a new page (row-span-labels.ts).
   */
  private tableBody(block: TableBlock, aligns: ('start' | 'center' | 'end' | undefined)[]): Node[][] {
    const width = block.columns.length;
    const header = block.columns.map((c, index) => ({
      ...this.cellNode([c.header], { align: aligns[index], bold: true, colour: this.c.onBrand }),
      fillColor: this.c.brand,
    }));
    const body: Node[][] = [header];
    // For each column: rows still covered by a span from above, the fill of that span and, in the span's first
    // column, the label to repeat.
    const covered: { rows: number; fill?: string; label?: { span: string; copy: Txt; align?: 'start' | 'center' | 'end'; bold: boolean } }[] =
      Array.from({ length: width }, () => ({ rows: 0 }));
    block.rows.forEach((row: TableRow, rowIndex) => {
      const out: Node[] = [];
      let col = 0;
      const cells = [...row.cells];
      while (col < width) {
        const cover = covered[col]!;
        if (cover.rows > 0) {
          const label = cover.label;
          const node: Node = label
            ? this.cellNode([label.copy], { align: label.align, bold: label.bold, mark: { span: label.span, row: rowIndex } })
            : { text: '' };
          out.push({ ...node, border: [false, false, false, false], ...(cover.fill ? { fillColor: cover.fill } : {}) });
          cover.rows -= 1;
          col++;
          continue;
        }
        const cell = cells.shift();
        if (!cell) {
          out.push({ text: '' });
          col++;
          continue;
        }
        const align = cell.align ?? aligns[col];
        const bold = Boolean(cell.header) || Boolean(row.group);
        const spanned = Boolean(cell.rowSpan && cell.rowSpan > 1);
        const spanId = `${block.id}:${rowIndex}:${col}`;
        const node: Node = this.cellNode(cell.content, { align, bold, ...(spanned ? { mark: { span: spanId } } : {}) });
        const fill = row.group ? this.c.group : cell.header ? this.c.stripe : undefined;
        if (fill) node.fillColor = fill;
        const span = cell.colSpan && cell.colSpan > 1 ? cell.colSpan : 1;
        if (spanned) {
          const first = cell.content[0];
          for (let c = col; c < col + span; c++) {
            covered[c] = {
              rows: cell.rowSpan! - 1,
              ...(fill ? { fill } : {}),
              ...(c === col && first ? { label: { span: spanId, copy: { primary: first.primary }, align, bold } } : {}),
            };
          }
        }
        if (span > 1) node.colSpan = span;
        out.push(node);
        for (let k = 1; k < span; k++) out.push({});
        col += span;
      }
      body.push(out);
    });
    return body;
  }

  /**
   * Column widths from the content: a column whose texts are short gets its natural width; the text columns
   * share the rest in proportion to their longest texts. A table whose columns all fit stays that narrow.
   */
  private columnWidths(block: TableBlock, width: number): number[] {
    const natural = this.naturalWidths(block);
    const total = natural.reduce((a, b) => a + b, 0);
    if (total <= width) {
      // Narrow tables stay narrow; a little air when it costs nothing.
      const air = Math.min((width - total) / natural.length, 24);
      return natural.map((w) => Math.floor((w + air) * 100) / 100);
    }
    const short = natural.map((w) => w <= 7 * this.s.body + 10);
    const fixed = natural.reduce((sum, w, i) => sum + (short[i] ? w : 0), 0);
    const flexible = natural.reduce((sum, w, i) => sum + (short[i] ? 0 : w), 0);
    const left = Math.max(width - fixed, width * 0.4);
    const scale = short.some((s) => s) && fixed < width * 0.6 ? 1 : width / total;
    return natural.map((w, i) => Math.floor((short[i] && scale === 1 ? w : scale === 1 ? (w / flexible) * left : w * scale) * 100) / 100 - 0.01);
  }

  private table(block: TableBlock, width: number): Node {
    const aligns = this.columnAligns(block);
    const body = this.tableBody(block, aligns);
    // columnWidths shares the width padding included; pdfmake adds each cell's padding (5 + 5) to a column's width.
    const widths = this.columnWidths(block, width - 0.5).map((w) => Math.max(w - 2 * TABLE_CELL_PADDING, 1));
    // The caption (and its note) is the table's first head row: it repeats with the column heads on every page,
    // so it is never left alone at the foot of a page.
    const captionCell: Node = {
      stack: [
        this.text.paragraph(block.caption, { bold: this.style.fonts.caption === 'bold', color: this.c.brandDark }),
        ...(block.captionNote ? [{ ...this.text.paragraph(block.captionNote, { fontSize: this.s.small, color: this.c.muted }), margin: [0, 1, 0, 0] }] : []),
      ],
      colSpan: block.columns.length,
      border: [false, false, false, false],
      margin: [-5, 0, 0, 1],
    };
    const captionRow: Node[] = [captionCell, ...block.columns.slice(1).map(() => ({}))];
    const [head, ...rows] = body;
    const lastTwo = rows.length >= 4 ? rows.splice(-2) : [];
    if (lastTwo.length > 0) {
      // The last two rows travel together, so that neither is left alone at the head of a page (pdfmake keeps
      // rows with the head only): one row of the table holding a table of the two, on the same columns, its
      // padding cancelled by the cell's margins.
      const padding = TABLE_CELL_PADDING;
      rows.push([{
        table: { widths, body: lastTwo, dontBreakRows: true },
        layout: {
          hLineWidth: (i: number) => (i === 1 ? 0.4 : 0), vLineWidth: () => 0, hLineColor: () => this.c.rule,
          paddingLeft: () => padding, paddingRight: () => padding, paddingTop: () => 1.5, paddingBottom: () => 1.5,
        },
        colSpan: block.columns.length,
        margin: [-padding, -1.5, -padding, -1.5],
        // The rule above is the rows' own where a row span goes on into them: none across the spanning column.
        border: [false, !lastTwo[0]!.some(continuesSpan), false, true],
      }, ...block.columns.slice(1).map(() => ({}))]);
    }
    const stack: Node[] = [{
      table: {
        headerRows: 2,
        dontBreakRows: true,
        keepWithHeaderRows: Math.min(2, rows.length),
        widths,
        body: [captionRow, head!, ...rows],
      },
      layout: {
        hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 ? 0 : i === 1 || i === 2 || i === node.table.body.length ? 0.8 : 0.4),
        vLineWidth: () => 0,
        hLineColor: (i: number) => (i <= 2 ? this.c.brand : this.c.rule),
        paddingLeft: () => TABLE_CELL_PADDING,
        paddingRight: () => TABLE_CELL_PADDING,
        paddingTop: (i: number) => (i === 0 ? 0 : 1.5),
        paddingBottom: () => 1.5,
      },
    }];
    if (block.notes && block.notes.length > 0) {
      stack.push(...block.notes.map((n) => ({ ...this.text.paragraph(n, { fontSize: this.s.small, color: this.c.muted }), margin: [0, 2, 0, 0] })));
    }
    // A table of three rows or fewer split anywhere leaves a row alone at a page edge: it moves whole instead.
    return { stack, margin: [0, 3, 0, this.style.spacing.block], ...(block.rows.length <= 3 ? { unbreakable: true } : {}) };
  }

  private facts(block: FactsBlock, width: number): Node {
    const labelWidth = Math.min(Math.max(...block.items.map((i) => txtEms(i.label))) * this.s.body * 0.95 + 12, width * 0.32);
    const body = block.items.map((item) => [
      { ...this.cellNode([item.label], { bold: true, colour: this.c.brandDark }), fillColor: this.c.brandTint },
      this.withQr(
        item.values.length === 1 ? this.text.paragraph(item.values[0]!) : { stack: item.values.map((v) => ({ ...this.text.paragraph(v), margin: [0, 0, 0, 2] })) },
        { primary: item.values.flatMap((v) => v.primary) }, width,
      ),
    ]);
    const caption = block.caption
      ? { ...this.text.paragraph(block.caption, { bold: this.style.fonts.caption === 'bold', color: this.c.brandDark }), margin: [0, 3, 0, 3] }
      : undefined;
    // No row alone at a page edge: three rows or fewer move whole, as a short table does; a longer list of facts
    // keeps its first two rows (with the caption) and its last two together, each group a table of its own whose
    // rule above is the bottom rule of the group before.
    const groups = body.length <= 3 ? [body] : [body.slice(0, 2), ...(body.length > 4 ? [body.slice(2, -2)] : []), body.slice(-2)];
    const stack: Node[] = groups.map((rows, index) => {
      const captioned = index === 0 && caption !== undefined;
      return {
        table: {
          widths: [labelWidth, '*'],
          body: captioned ? [[{ ...caption, colSpan: 2, border: [false, false, false, false], margin: [-5, 0, 0, 0] }, {}], ...rows] : rows,
          dontBreakRows: true,
          headerRows: captioned ? 1 : 0,
          ...(captioned ? { keepWithHeaderRows: 1 } : {}),
        },
        layout: {
          hLineWidth: (i: number) => (i === 0 && (captioned || index > 0) ? 0 : 0.4), vLineWidth: () => 0, hLineColor: () => this.c.rule,
          paddingLeft: () => 5, paddingRight: () => 5, paddingTop: () => 2, paddingBottom: () => 2,
        },
        ...(index === 0 || index === groups.length - 1 ? { unbreakable: true } : {}),
      };
    });
    return { stack, margin: [0, 2, 0, this.style.spacing.block] };
  }

  private figures(block: FiguresBlock, width: number): Node {
    const perRow = width > 300 && block.items.length > 1 ? Math.min(block.items.length, 3) : 1;
    const cellOf = (item: FiguresBlock['items'][number]): Node => ({
      stack: [
        this.text.paragraph(item.label, { bold: true, color: this.c.brand, fontSize: this.s.body * 0.95 }),
        { ...this.text.paragraph(item.value, { fontSize: this.s.figure, bold: this.style.fonts.figure === 'bold', color: this.c.brandDark }), margin: [0, 1, 0, 0] },
        ...(item.note ? [{ ...this.text.paragraph(item.note, { fontSize: this.s.small, color: this.c.muted }), margin: [0, 1, 0, 0] }] : []),
      ],
    });
    const rows: Node[][] = [];
    for (let i = 0; i < block.items.length; i += perRow) {
      const row = block.items.slice(i, i + perRow).map(cellOf);
      while (row.length < perRow) row.push({ text: '' });
      rows.push(row);
    }
    return {
      table: { widths: Array.from({ length: perRow }, () => '*'), body: rows, dontBreakRows: true },
      layout: {
        hLineWidth: () => 0, vLineWidth: (i: number) => (i < perRow ? 3 : 0), vLineColor: () => this.c.brand,
        fillColor: () => this.c.brandTint, paddingLeft: () => 8, paddingRight: () => 6, paddingTop: () => 4, paddingBottom: () => 5,
      },
      margin: [0, 3, 0, this.style.spacing.block],
    };
  }

  /** Photos in frames of one aspect ratio (4:3), cropped around the data's focus point; captions under them. */
  private photos(block: PhotosBlock, width: number): Node {
    const withFiles = block.photos.filter((p) => p.file);
    if (withFiles.length === 0) return { text: '' };
    const perRow = Math.min(withFiles.length, width > 300 ? 3 : 2);
    const gap = 8;
    // Frames are at most a column wide: a photo alone in a full-width block is not blown up to the text width.
    const frame = Math.min(PRINT_WIDTH_PT, (width - gap * (perRow - 1)) / perRow);
    const rows: Node[] = [];
    for (let i = 0; i < withFiles.length; i += perRow) {
      const slice = withFiles.slice(i, i + perRow);
      const columns: Node[] = slice.map((photo) => {
        const caption = { ...this.text.paragraph(photo.caption, { fontSize: this.s.small, color: this.c.muted }), margin: [0, 2, 0, 0] };
        const image = { image: this.photosForPrint.image(photo.file!, photo.focus, frame), width: frame, height: frame / FRAME_RATIO };
        return { width: frame, stack: [image, caption] };
      });
      rows.push({ columns, columnGap: gap, margin: [0, 2, 0, 4], unbreakable: true });
    }
    return { stack: rows, margin: [0, 2, 0, this.style.spacing.block / 2] };
  }

  private chart(block: ChartBlock, width: number): Node {
    return { stack: [this.chartCaption(block), this.chartFigure(block, width)], unbreakable: true, margin: [0, 2, 0, this.style.spacing.block] };
  }

  /**
   * Charts side by side: their captions in one row, their figures in the next, so that the figures (and their
   * axes) line up however many lines each caption takes.
   */
  private chartRow(blocks: ChartBlock[], width: number, perRow: number): Node {
    const gap = this.style.page.columnGap;
    const column = (width - gap * (perRow - 1)) / perRow;
    const row = (cell: (block: ChartBlock) => Node) => {
      const columns: Node[] = blocks.map((block) => ({ width: column, ...cell(block) }));
      while (columns.length < perRow) columns.push({ width: column, text: '' });
      return { columns, columnGap: gap };
    };
    return {
      stack: [row((block) => this.chartCaption(block)), row((block) => this.chartFigure(block, column))],
      unbreakable: true,
      margin: [0, 2, 0, this.style.spacing.block],
    };
  }

  private chartCaption(block: ChartBlock): Node {
    // A title: broken between phrases, as headings are (not "自治体ブー / ス").
    return { ...this.text.paragraph(block.caption, { bold: this.style.fonts.caption === 'bold', color: this.c.brandDark, fontSize: this.s.body * 0.95, heading: true }), margin: [0, 2, 0, 3] };
  }

  private chartFigure(block: ChartBlock, width: number): Node {
    return { svg: block.svg, width: Math.min(block.width, width, 240), alignment: 'center' };
  }

  /** A numbered step figure: boxes in a row joined by arrows (two rows when there are more than four steps). */
  private steps(block: StepsBlock, width: number): Node {
    const perRow = Math.min(block.steps.length, 4);
    const arrow = 12;
    const box = (width - arrow * (perRow - 1)) / perRow;
    const rows: Node[] = [];
    for (let i = 0; i < block.steps.length; i += perRow) {
      const columns: Node[] = [];
      block.steps.slice(i, i + perRow).forEach((step, k) => {
        if (k > 0) columns.push({ width: arrow, canvas: [{ type: 'polyline', closePath: true, color: this.c.accent, points: [{ x: 2, y: 14 }, { x: 10, y: 20 }, { x: 2, y: 26 }] }] });
        columns.push({
          width: box,
          table: {
            widths: ['*'],
            body: [[{
              stack: [
                { text: this.text.rich([{ text: CIRCLED[i + k] ?? String(i + k + 1), lang: step.title.primary[0]?.lang ?? 'ja' }], { color: this.c.accent, bold: true, fontSize: this.s.heading }) },
                this.text.paragraph(step.title, { bold: true, color: this.c.brandDark, fontSize: this.s.body * 0.95 }),
                ...(step.text ? [{ ...this.text.paragraph(step.text, { fontSize: this.s.small }), margin: [0, 2, 0, 0] }] : []),
              ],
            }]],
          },
          layout: { hLineWidth: () => 0, vLineWidth: () => 0, fillColor: () => this.c.brandTint, paddingLeft: () => 6, paddingRight: () => 6, paddingTop: () => 5, paddingBottom: () => 6 },
        });
      });
      rows.push({ columns, columnGap: 0, margin: [0, 0, 0, 6] });
    }
    const caption = block.caption ? [{ ...this.text.paragraph(block.caption, { bold: true, color: this.c.brandDark }), margin: [0, 3, 0, 3] }] : [];
    return { stack: [...caption, ...rows], unbreakable: true, margin: [0, 2, 0, this.style.spacing.block] };
  }

  get language(): string {
    return this.lang;
  }
}
