// The template context: the BrochureDocument with what HTML needs on top of it — ids unique in the page,
// table cells placed on a grid (so column alignment and header scopes are known), photos as data: URIs and
// chart SVGs made safe to inline. Nothing here words anything: every text still comes from the view model.
import type {
  Block, BrochureDocument, ChartBlock, ListBlock, PartView, PhotosBlock, SectionView, TableBlock, TableCell, TableColumn, Txt,
} from '../../document/blocks.js';
import type { World } from '../../world.js';
import { inlineImage } from './images.js';
import { qrSvg } from '../qr.js';
import { plainRich } from './markup.js';
import { inlineSvg, type InlinedSvg } from './svg.js';
import { shortItemsList, txtEms } from '../../document/measure.js';
import { loadTheme } from '../theme.js';

type Align = 'start' | 'center' | 'end';

export interface CellView {
  tag: 'th' | 'td';
  scope?: 'row' | 'col';
  rowSpan?: number;
  colSpan?: number;
  align?: Align;
  content: Txt[];
  /** The header of the column the cell starts in (for narrow-screen labels and tests). */
  column: Txt;
}

export interface TableView extends Omit<TableBlock, 'rows' | 'columns'> {
  domId: string;
  columns: (TableColumn & { percent?: number })[];
  rows: { group: boolean; cells: CellView[] }[];
  /** Three columns or more: on a phone each row is shown as a card of labelled cells (style.css). */
  stacks: boolean;
  /** Three rows or fewer: printed whole, as the PDF moves such a table whole (print.css). */
  short: boolean;
  /** Its columns' texts are short: the table is as wide as they need, as in the PDF, not the whole measure. */
  narrow: boolean;
}

export interface PhotoItemView {
  caption: Txt;
  alt: string;
  image?: { src: string; width: number; height: number };
}

export interface ChartView extends Omit<ChartBlock, 'svg'> {
  domId: string;
  descriptionId: string;
  svg: InlinedSvg;
}

export type BlockView =
  | Exclude<Block, TableBlock | PhotosBlock | ChartBlock | ListBlock>
  | (ListBlock & { twoColumns: boolean })
  | (TableView & { kind: 'table' })
  | { kind: 'photos'; photos: PhotoItemView[] }
  | (ChartView & { kind: 'chart' });

export interface SectionPageView extends Omit<SectionView, 'blocks'> {
  titleId: string;
  /** Its title's heading level: 3 under a part's title, 2 where the section stands alone; its blocks' one below. */
  level: 2 | 3;
  blockLevel: 3 | 4;
  blocks: BlockView[];
}

export interface PartPageView extends Omit<PartView, 'sections'> {
  domId: string;
  titleId: string;
  sections: SectionPageView[];
}

export interface PageView {
  doc: BrochureDocument;
  lang: string;
  parts: PartPageView[];
  tables: TableView[];
  charts: ChartView[];
  /** Whether the edition is (partly) Japanese; otherwise the cover adds the organisation's Japanese name. */
  hasJapanese: boolean;
  coverImage?: { src: string; width: number; height: number };
  /** The back cover's web sites and social accounts, each with its QR code (shown in print only). */
  links: { label: Txt; url: string; qr: InlinedSvg }[];
}

/** The gap between the two columns of a list of short items, in ems (templates/style.css: .list-columns). */
const LIST_COLUMN_GAP_EMS = 2;

/** Turns any string into a token usable in an id attribute and a CSS selector. */
function idToken(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
}

class Ids {
  private readonly used = new Set<string>();
  take(wanted: string): string {
    const base = idToken(wanted);
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}

/**
 * Column widths as percentages. Widths are relative weights; columns without one share what the others leave
 * of a table eight units wide (the widest tables of the brochure give about eight units in all). With no
 * widths at all the browser sizes columns by their content.
 */
export function columnPercents(columns: TableColumn[]): (number | undefined)[] {
  const given = columns.filter((c) => c.width !== undefined && c.width > 0);
  if (given.length === 0) return columns.map(() => undefined);
  const sum = given.reduce((total, c) => total + c.width!, 0);
  const unsized = columns.length - given.length;
  const total = unsized === 0 ? sum : Math.max(8, sum + unsized);
  return columns.map((c) => (c.width !== undefined && c.width > 0 ? Math.round((c.width / total) * 10000) / 100 : undefined));
}

/** Places cells on the table grid: a cell covered by a row span from above is absent in the view model. */
function tableView(table: TableBlock, domId: string): TableView {
  const percents = columnPercents(table.columns);
  const occupied: number[] = table.columns.map(() => 0); // rows still covered in each column
  const rows = table.rows.map((row) => {
    let column = 0;
    const cells = row.cells.map((cell: TableCell) => {
      while (column < occupied.length && occupied[column]! > 0) column++;
      const col = table.columns[Math.min(column, table.columns.length - 1)];
      const span = cell.colSpan ?? 1;
      for (let c = column; c < column + span && c < occupied.length; c++) occupied[c] = cell.rowSpan ?? 1;
      const align = cell.align ?? (span === 1 ? col?.align : undefined);
      const view: CellView = {
        tag: cell.header ? 'th' : 'td',
        ...(cell.header ? { scope: 'row' as const } : {}),
        ...(cell.rowSpan && cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
        ...(cell.colSpan && cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}),
        ...(align && align !== 'start' ? { align } : {}),
        content: cell.content,
        column: col?.header ?? { primary: [] },
      };
      column += span;
      return view;
    });
    for (let c = 0; c < occupied.length; c++) if (occupied[c]! > 0) occupied[c]!--;
    return { group: row.group === true, cells };
  });
  return {
    kind: 'table', id: table.id, domId, caption: table.caption,
    ...(table.captionNote ? { captionNote: table.captionNote } : {}),
    columns: table.columns.map((c, i) => (percents[i] === undefined ? c : { ...c, percent: percents[i] })),
    rows,
    stacks: table.columns.length >= 3,
    short: table.rows.length <= 3,
    narrow: naturalEms(table) <= NARROW_TABLE_EMS,
    ...(table.notes ? { notes: table.notes } : {}),
  };
}

/** A table whose columns need no more than this in all (ems of body text, padding included) stays narrow. */
const NARROW_TABLE_EMS = 30;

/** The widths its columns' longest texts ask for, in ems, each with its cell's padding (about two ems). */
function naturalEms(table: TableBlock): number {
  const longest = table.columns.map((column) => txtEms(column.header));
  for (const row of table.rows) {
    let column = 0;
    for (const cell of row.cells) {
      if ((cell.colSpan ?? 1) === 1 && column < longest.length) longest[column] = Math.max(longest[column]!, ...cell.content.map(txtEms));
      column += cell.colSpan ?? 1;
    }
  }
  return longest.reduce((sum, ems) => sum + Math.min(ems, 40) + 2, 0);
}

function altOf(caption: Txt): string {
  return plainRich(caption.primary).trim();
}

/** Photos prepared for the screen (src/photos), by the path the view model gives (the cover's by coverPhotoKey). */
export type ScreenPhotos = ReadonlyMap<string, { dataUrl: string; width: number; height: number }>;
/** The cover photo is prepared at the cover's size, so it has a key of its own (a path holds no NUL). */
export const coverPhotoKey = (file: string) => `\u0000cover\u0000${file}`;

export function pageView(doc: BrochureDocument, world: World, screenPhotos: ScreenPhotos = new Map()): PageView {
  const ids = new Ids();
  const tables: TableView[] = [];
  const charts: ChartView[] = [];
  // A column of a two-column list on a wide screen: half the measure, less the gap between (style.css, 2em).
  const listColumnEms = (loadTheme(world).page.measure - LIST_COLUMN_GAP_EMS) / 2;
  const prepare = (block: Block): BlockView => {
    switch (block.kind) {
      case 'list':
        return { ...block, twoColumns: shortItemsList(block, listColumnEms) };
      case 'table': {
        const view = tableView(block, ids.take(`table-${block.id}`));
        tables.push(view);
        return view as BlockView;
      }
      case 'photos':
        return {
          kind: 'photos',
          photos: block.photos.map((photo) => ({
            caption: photo.caption,
            alt: altOf(photo.caption),
            ...(photo.file ? { image: screenImage(world, photo.file, screenPhotos) } : {}),
          })),
        };
      case 'chart': {
        const domId = ids.take(`chart-${block.id}`);
        const { svg, ...rest } = block;
        const view: ChartView = { ...rest, domId, descriptionId: `${domId}-description`, svg: inlineSvg(svg, domId) };
        ids.take(view.descriptionId);
        charts.push(view);
        return view as BlockView;
      }
      default:
        return block;
    }
  };
  const parts = doc.parts.map((part, index): PartPageView => {
    const domId = ids.take(`part-${index + 1}`);
    return {
      ...part,
      domId,
      titleId: ids.take(`${domId}-title`),
      sections: part.sections.map((section) => {
        const anchor = ids.take(section.anchor);
        const level = part.title ? 3 : 2;
        return { ...section, anchor, titleId: ids.take(`${anchor}-title`), level, blockLevel: level === 3 ? 4 : 3, blocks: section.blocks.map(prepare) };
      }),
    };
  });
  const cover = doc.cover.photo ? screenImage(world, doc.cover.photo, screenPhotos, coverPhotoKey(doc.cover.photo)) : undefined;
  const links = doc.backCover.links.map((link) => ({ ...link, qr: { markup: qrSvg(link.url, link.url), styleElements: [], styleAttributes: [], text: '' } }));
  return {
    doc, lang: doc.edition.primary, parts, tables, charts, hasJapanese: doc.edition.languages.includes('ja'),
    ...(cover ? { coverImage: cover } : {}), links,
  };
}

function screenImage(world: World, file: string, screenPhotos: ScreenPhotos, key = file): { src: string; width: number; height: number } {
  const prepared = screenPhotos.get(key);
  return prepared ? { src: prepared.dataUrl, width: prepared.width, height: prepared.height } : inlineImage(world, file);
}
