// What every section builder shares: its context, and small constructors for the blocks it emits.
import { isAbsolute, relative, resolve } from 'node:path';
import type {
  Block, ListBlock, PhotoView, PhotosBlock, TableBlock, TableCell, TableColumn, TableRow, Txt,
} from '../document/blocks.js';
import type { EditionText } from '../document/text.js';
import type { MetricLabels, MetricSeries } from '../metrics/index.js';
import { changeBetween } from '../metrics/compare.js';
import { formatChange, formatPercentChange } from '../document/format.js';
import type { LanguageTag, OfficeData, Photo, SectionId, Text } from '../schema/index.js';
import { FileLimitError, type World } from '../world.js';
import { MAX_PHOTO_BYTES } from '../load/source.js';
import { DataError } from '../diagnostics.js';

export interface SectionContext {
  world: World;
  data: OfficeData;
  t: EditionText;
  /** The office folder: photo paths are relative to it and may not leave it. */
  officeDir: string;
  /** Fiscal years the brochure asks this section to show. */
  years: { from?: number; to?: number };
  /** Yearly metrics derived from the data (src/metrics), for comparison columns and charts. */
  metrics: { series: MetricSeries[]; labels: MetricLabels };
}

export interface SectionContent {
  title: Txt;
  blocks: Block[];
}

export interface SectionDefinition {
  id: SectionId;
  /** Numbered ①② within its part (the seed leaves the overview and the back page unnumbered). */
  numbered: boolean;
  /** Undefined when the office has no data for this section. */
  build(context: SectionContext): SectionContent | undefined;
}

export function inYears(fiscalYear: number, years: { from?: number; to?: number }): boolean {
  return (years.from === undefined || fiscalYear >= years.from) && (years.to === undefined || fiscalYear <= years.to);
}

/** Distinct fiscal years, newest first, as the seed's tables list them. */
export function fiscalYearsDescending(items: { fiscalYear: number }[]): number[] {
  return [...new Set(items.map((i) => i.fiscalYear))].sort((a, b) => b - a);
}

export function list(marker: ListBlock['marker'], items: Txt[], title?: Txt): ListBlock {
  return title ? { kind: 'list', marker, items, title } : { kind: 'list', marker, items };
}

export function textList(t: EditionText, marker: ListBlock['marker'], texts: Text[] | undefined, title?: Txt): Block[] {
  if (!texts || texts.length === 0) return [];
  return [list(marker, texts.map((x) => t.text(x)), title)];
}

export function cell(content: Txt | Txt[], extra: Partial<TableCell> = {}): TableCell {
  return { content: Array.isArray(content) ? content : [content], ...extra };
}

export function table(id: string, caption: Txt, columns: TableColumn[], rows: TableRow[], notes?: Txt[]): TableBlock {
  return notes && notes.length > 0 ? { kind: 'table', id, caption, columns, rows, notes } : { kind: 'table', id, caption, columns, rows };
}

/**
 * Rows grouped under a fiscal-year cell that spans them, newest year first (the seed's tables). `rowsOf` gives the
 * remaining cells of each row of that year.
 */
export function rowsByFiscalYear<T extends { fiscalYear: number }>(
  t: EditionText, items: T[], rowsOf: (item: T) => TableCell[],
  order: (a: T, b: T) => number = () => 0,
): TableRow[] {
  const rows: TableRow[] = [];
  for (const year of fiscalYearsDescending(items)) {
    const ofYear = items.filter((i) => i.fiscalYear === year).sort(order);
    ofYear.forEach((item, index) => {
      const cells = rowsOf(item);
      if (index === 0) cells.unshift(cell(t.each(() => String(year)), { header: true, align: 'center', ...(ofYear.length > 1 ? { rowSpan: ofYear.length } : {}) }));
      rows.push({ cells });
    });
  }
  return rows;
}

/**
 * Resolves a photo path inside the office folder; a path that leaves it is refused, also through a symbolic link
 * (the real path is checked), so a brochure can only ever embed the office's own files.
 */
export function photoPath(world: World, officeDir: string, file: string): string {
  const path = resolve(officeDir, file);
  const inside = (candidate: string, folder: string) => {
    const rel = relative(folder, candidate);
    return !(rel.startsWith('..') || isAbsolute(rel));
  };
  if (!inside(path, officeDir) || (world.exists(path) && !inside(world.realPath(path), world.realPath(officeDir)))) {
    throw new DataError([{
      severity: 'error', code: 'photo-outside-office', file: world.display(path), line: 0, column: 0, pointer: '',
      message: {
        en: `photo "${file}" is outside the office folder ${world.display(officeDir)}; only the office's own files can go into a brochure`,
        ja: `写真「${file}」が事務所フォルダ ${world.display(officeDir)} の外にあります。パンフレットに入れられるのは事務所フォルダ内のファイルだけです`,
      },
      found: file,
    }]);
  }
  return path;
}

export function photos(context: SectionContext, items: Photo[] | undefined): Block[] {
  if (!items || items.length === 0) return [];
  const views: PhotoView[] = items.map((p) => {
    const caption = context.t.text(p.caption);
    return p.file ? { file: checkedImage(context.world, photoPath(context.world, context.officeDir, p.file), p.file), caption } : { caption };
  });
  const block: PhotosBlock = { kind: 'photos', photos: views };
  return [block];
}

/** A photo must be a readable JPEG or PNG: both renderers embed its bytes as they are. */
function checkedImage(world: World, path: string, given: string): string {
  let bytes: Uint8Array;
  try {
    bytes = world.readBytes(path, MAX_PHOTO_BYTES);
  } catch (error) {
    const reason = error instanceof FileLimitError ? error.reason.en : (error as NodeJS.ErrnoException).code ?? String(error);
    throw new DataError([{
      severity: 'error', code: 'photo-unreadable', file: world.display(path), line: 0, column: 0, pointer: '',
      message: { en: `cannot read photo "${given}" (${reason})`, ja: `写真「${given}」を読めません（${reason}）` },
    }]);
  }
  const png = bytes.length > 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b);
  const jpeg = bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!png && !jpeg) {
    throw new DataError([{
      severity: 'error', code: 'photo-not-image', file: world.display(path), line: 0, column: 0, pointer: '',
      message: { en: `photo "${given}" is not a JPEG or PNG image`, ja: `写真「${given}」は JPEG でも PNG でもありません` },
      found: Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' '),
      expected: { en: 'a JPEG (FF D8 FF) or PNG (89 50 4E 47) file', ja: 'JPEG（FF D8 FF）か PNG（89 50 4E 47）のファイル' },
    }]);
  }
  return path;
}


/**
 * The change against the previous fiscal year of a metric, worded: "+16 (+8.0%)"; empty when either year has no
 * value (a missing year is not a zero).
 */
export function changeTxt(context: SectionContext, metricId: string, fiscalYear: number): Txt {
  const series = context.metrics.series.find((s) => s.id === metricId);
  const value = (year: number) => series?.values.find((v) => v.fiscalYear === year)?.value;
  const change = changeBetween(value(fiscalYear - 1), value(fiscalYear));
  return context.t.each((lang) => {
    if (!change) return '—';
    const percent = change.percent === null ? '' : ` (${formatPercentChange(change.percent / 100, lang)})`;
    return `${formatChange(change.absolute, lang)}${percent}`;
  });
}
