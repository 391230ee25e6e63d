// One pdfmake node per view-model block. Tables repeat their header rows on every page, and a row span's label
// on each page its rows reach, and never split a row; lists carry the marks of the
// edition's language profile (・ ◆ ※ ▶ in Japanese, • * in English) and ①②③.
import type {
  Block, ChartBlock, FactsBlock, FiguresBlock, ListBlock, PhotosBlock, TableBlock, TableRow, Txt,
} from '../../document/blocks.js';
import type { World } from '../../world.js';
import type { RowSpanMark } from './engine/row-span-labels.js';
import { COLOURS, SIZES } from './style.js';
import { PdfText } from './text.js';
import { languageProfile } from '../../i18n/profile.js';

type Node = Record<string, unknown>;

const CIRCLED = ['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨', '⑩', '⑪', '⑫', '⑬', '⑭', '⑮', '⑯', '⑰', '⑱', '⑲', '⑳'];

export class PdfBlocks {
  constructor(private readonly text: PdfText, private readonly world: World, private readonly lang: string) {}

  block(block: Block): Node {
    switch (block.kind) {
      case 'heading':
        return this.heading(block.text);
      case 'paragraph':
        return this.paragraphBlock(block.text, block.tone);
      case 'list':
        return this.list(block);
      case 'table':
        return this.table(block);
      case 'facts':
        return this.facts(block);
      case 'figures':
        return this.figures(block);
      case 'photos':
        return this.photos(block);
      case 'chart':
        return this.chart(block);
    }
  }

  private heading(txt: Txt): Node {
    return {
      ...this.text.paragraph(txt, { fontSize: SIZES.heading, bold: true, color: COLOURS.brand }),
      margin: [0, 10, 0, 4],
      headlineLevel: 3,
    };
  }

  private paragraphBlock(txt: Txt, tone: 'lead' | 'callout' | 'note' | undefined): Node {
    if (tone === 'callout') {
      return {
        table: {
          widths: ['*'],
          body: [[{ ...this.text.paragraph(txt, { bold: true, color: COLOURS.brandDark }), margin: [8, 6, 8, 6] }]],
        },
        layout: { hLineWidth: () => 0, vLineWidth: (i: number) => (i === 0 ? 3 : 0), vLineColor: () => COLOURS.accent, fillColor: () => COLOURS.callout, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 0, paddingBottom: () => 0 },
        margin: [0, 6, 0, 6],
        unbreakable: true,
      };
    }
    if (tone === 'note') return { ...this.text.paragraph(txt, { fontSize: SIZES.small, color: COLOURS.noteText }), margin: [0, 3, 0, 3] };
    if (tone === 'lead') return { ...this.text.paragraph(txt, { bold: true }), margin: [0, 4, 0, 4] };
    return { ...this.text.paragraph(txt), margin: [0, 2, 0, 4] };
  }

  private list(block: ListBlock): Node {
    const rows = block.items.map((item, index) => {
      const marker = block.marker === 'numbered' ? CIRCLED[index] ?? `${index + 1}.` : languageProfile(this.lang).marks[block.marker];
      const colour = block.marker === 'merit' ? COLOURS.accent : block.marker === 'note' ? COLOURS.noteText : COLOURS.brand;
      return {
        columns: [
          { width: 12, text: this.text.rich([{ text: marker, lang: item.primary[0]?.lang ?? 'ja' }], { color: colour, bold: block.marker === 'merit' }) },
          { width: '*', ...this.text.paragraph(item, block.marker === 'note' ? { fontSize: SIZES.small, color: COLOURS.noteText } : {}) },
        ],
        columnGap: 2,
        margin: [0, 1, 0, 2],
      };
    });
    const stack: Node[] = [];
    if (block.title) stack.push({ ...this.text.paragraph(block.title, { bold: true, color: COLOURS.brandDark }), margin: [0, 6, 0, 3] });
    stack.push(...rows);
    return { stack, margin: [0, 2, 0, 6] };
  }

  private cellNode(content: Txt[], options: { align?: 'start' | 'center' | 'end'; bold?: boolean; mark?: RowSpanMark }): Node {
    const alignment = options.align === 'center' ? 'center' : options.align === 'end' ? 'right' : 'left';
    const mark = options.mark ? { rowSpanLabel: options.mark } : undefined;
    const paragraphs = content.map((txt) => this.text.paragraph(txt, { fontSize: SIZES.body * 0.95, alignment, bold: options.bold, mark }));
    return paragraphs.length === 1 ? paragraphs[0]! : { stack: paragraphs };
  }

  /**
   * The table body on pdfmake's grid. A row span (a fiscal year over its events, a time over its programme
   * segment) is drawn as the label in the first row and borderless cells below it: pdfmake's own rowSpan adds
   * a blank line under the group when rows may not split across pages, and rows must not. Each cell below holds
   * a copy of the label's first line, drawn only where the span's rows continue on a new page (row-span-labels.ts).
   */
  private tableBody(block: TableBlock): { body: Node[][] } {
    const width = block.columns.length;
    const header = block.columns.map((c) => ({
      ...this.cellNode([c.header], { align: c.align, bold: true }),
      fillColor: COLOURS.tableHeader,
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
        const align = cell.align ?? block.columns[col]?.align;
        const bold = Boolean(cell.header) || Boolean(row.group);
        const spanned = Boolean(cell.rowSpan && cell.rowSpan > 1);
        const spanId = `${block.id}:${rowIndex}:${col}`;
        const node: Node = this.cellNode(cell.content, { align, bold, ...(spanned ? { mark: { span: spanId } } : {}) });
        const fill = row.group ? COLOURS.groupRow : cell.header ? COLOURS.tableStripe : undefined;
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
    return { body };
  }

  private table(block: TableBlock): Node {
    const { body } = this.tableBody(block);
    const weights = block.columns.map((c) => c.width);
    const widths = weights.every((w) => w === undefined)
      ? block.columns.map(() => '*')
      : weights.map((w) => `${Math.round((w ?? 1) * 100) / 100}*`).map((w) => (w === '1*' ? '*' : w));
    const starWidths = widths.map((w) => (w === '*' ? '*' : w));
    const table: Node = {
      stack: [
        { ...this.text.paragraph(block.caption, { bold: true, color: COLOURS.brandDark }), margin: [0, 8, 0, 4] },
        ...(block.captionNote ? [{ ...this.text.paragraph(block.captionNote, { fontSize: SIZES.small, color: COLOURS.noteText }), margin: [0, 0, 0, 4] }] : []),
        {
          table: {
            headerRows: 1,
            dontBreakRows: true,
            keepWithHeaderRows: 1,
            widths: this.resolveWidths(starWidths, weights),
            body,
          },
          layout: {
            hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === 1 || i === node.table.body.length ? 0.8 : 0.4),
            vLineWidth: () => 0,
            hLineColor: (i: number) => (i <= 1 ? COLOURS.brand : COLOURS.rule),
            paddingLeft: () => 5,
            paddingRight: () => 5,
            paddingTop: () => 3,
            paddingBottom: () => 3,
          },
        },
      ],
      margin: [0, 2, 0, 6],
    };
    if (block.notes && block.notes.length > 0) {
      (table.stack as Node[]).push(...block.notes.map((n) => ({ ...this.text.paragraph(n, { fontSize: SIZES.small, color: COLOURS.noteText }), margin: [0, 3, 0, 0] })));
    }
    return table;
  }

  /** Relative widths as fractions of the text width, so pdfmake's star columns follow the view model's weights. */
  private resolveWidths(fallback: string[], weights: (number | undefined)[]): (string | number)[] {
    if (weights.every((w) => w === undefined)) return fallback;
    const total = weights.reduce<number>((sum, w) => sum + (w ?? 1), 0);
    return weights.map((w) => `${(((w ?? 1) / total) * 100).toFixed(2)}%`);
  }

  private facts(block: FactsBlock): Node {
    const body = block.items.map((item) => [
      { ...this.cellNode([item.label], { bold: true }), fillColor: COLOURS.tableHeader },
      item.values.length === 1 ? this.text.paragraph(item.values[0]!) : { stack: item.values.map((v) => ({ ...this.text.paragraph(v), margin: [0, 0, 0, 2] })) },
    ]);
    const stack: Node[] = [];
    if (block.caption) stack.push({ ...this.text.paragraph(block.caption, { bold: true, color: COLOURS.brandDark }), margin: [0, 8, 0, 4] });
    stack.push({
      table: { widths: ['22%', '*'], body, dontBreakRows: true },
      layout: {
        hLineWidth: () => 0.4, vLineWidth: () => 0, hLineColor: () => COLOURS.rule,
        paddingLeft: () => 5, paddingRight: () => 5, paddingTop: () => 3, paddingBottom: () => 3,
      },
    });
    return { stack, margin: [0, 2, 0, 6] };
  }

  private figures(block: FiguresBlock): Node {
    const body = block.items.map((item) => [
      { ...this.text.paragraph(item.label, { bold: true, color: COLOURS.brand }), margin: [0, 2, 0, 2] },
      {
        stack: [
          this.text.paragraph(item.value, { fontSize: SIZES.body * 1.25, bold: true, color: COLOURS.brandDark }),
          ...(item.note ? [{ ...this.text.paragraph(item.note, { fontSize: SIZES.small, color: COLOURS.noteText }), margin: [0, 1, 0, 0] }] : []),
        ],
      },
    ]);
    return {
      table: { widths: ['28%', '*'], body, dontBreakRows: true },
      layout: {
        hLineWidth: () => 0, vLineWidth: (i: number) => (i === 0 ? 3 : 0), vLineColor: () => COLOURS.brand,
        fillColor: () => COLOURS.tableStripe, paddingLeft: () => 8, paddingRight: () => 6, paddingTop: () => 4, paddingBottom: () => 4,
      },
      margin: [0, 6, 0, 8],
    };
  }

  private photos(block: PhotosBlock): Node {
    const perRow = 3;
    const rows: Node[] = [];
    for (let i = 0; i < block.photos.length; i += perRow) {
      const slice = block.photos.slice(i, i + perRow);
      const columns: Node[] = slice.map((photo) => {
        const caption = { ...this.text.paragraph(photo.caption, { fontSize: SIZES.small, color: COLOURS.muted, alignment: 'center' }), margin: [0, 3, 0, 0] };
        if (photo.file) {
          const bytes = Buffer.from(this.world.readBytes(photo.file));
          const mime = /\.png$/i.test(photo.file) ? 'image/png' : 'image/jpeg';
          return { width: '*', stack: [{ image: `data:${mime};base64,${bytes.toString('base64')}`, fit: [150, 100], alignment: 'center' }, caption] };
        }
        // No image file in the data: the caption is printed in a tinted frame where the photo would be.
        return {
          width: '*',
          table: { widths: ['*'], body: [[{ ...caption, margin: [4, 10, 4, 10] }]] },
          layout: { hLineWidth: () => 0, vLineWidth: () => 0, fillColor: () => COLOURS.photo },
        };
      });
      while (columns.length < perRow) columns.push({ width: '*', text: '' });
      rows.push({ columns, columnGap: 8, margin: [0, 4, 0, 4], unbreakable: true });
    }
    return { stack: rows, margin: [0, 4, 0, 6] };
  }

  private chart(block: ChartBlock): Node {
    return {
      stack: [
        { ...this.text.paragraph(block.caption, { bold: true, color: COLOURS.brandDark }), margin: [0, 8, 0, 4] },
        { svg: block.svg, width: Math.min(block.width, 240), alignment: 'center' },
      ],
      unbreakable: true,
      margin: [0, 2, 0, 8],
    };
  }

  get language(): string {
    return this.lang;
  }
}
