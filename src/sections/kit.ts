// What every section builder shares: its context, and small constructors for the blocks it emits.
import { isAbsolute, relative, resolve } from 'node:path';
import type {
  Block, ListBlock, PhotoView, PhotosBlock, TableBlock, TableCell, TableColumn, TableRow, Txt,
} from '../document/blocks.js';
import type { EditionText } from '../document/text.js';
import type { MetricLabels, MetricSeries } from '../metrics/index.js';
import { yearChange } from '../metrics/compare.js';
import { MetricWords } from '../metrics/labels.js';
import { languageProfile, type ListMark } from '../i18n/profile.js';
import { formatChange, formatPercentChange } from '../document/format.js';
import type { LanguageTag, OfficeData, Photo, SectionId, Steps, Text } from '../schema/index.js';
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

/**
 * A mark set inline before a text (a bullet in a table cell, a note's ※): languages that space their words put a
 * space after it ("• 직원 파견", "※ 2026년"), Japanese and Chinese marks carry their own room ("・職員", "※2026年").
 */
export function marked(lang: LanguageTag, mark: ListMark, text: string): string {
  const profile = languageProfile(lang);
  return `${profile.marks[mark]}${profile.wordSpaces ? ' ' : ''}${text}`;
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

/** A flow the data gives step by step, as a numbered step figure; nothing when the data gives no steps. */
export function steps(context: SectionContext, flow: Steps | undefined): Block[] {
  if (!flow || flow.steps.length === 0) return [];
  const { t } = context;
  return [{
    kind: 'steps',
    ...(flow.caption ? { caption: t.text(flow.caption) } : {}),
    steps: flow.steps.map((s) => ({ title: t.text(s.title), ...(s.text ? { text: t.text(s.text) } : {}) })),
  }];
}

/**
 * The photos of a section that have a file: a photo the data describes without one prints nothing (validate lists
 * it as a note), so no empty frame or lone caption stands in for it.
 */
export function photos(context: SectionContext, items: Photo[] | undefined): Block[] {
  const views: PhotoView[] = (items ?? []).filter((p) => p.file).map((p) => ({
    file: checkedImage(context.world, photoPath(context.world, context.officeDir, p.file!), p.file!),
    caption: context.t.text(p.caption),
    ...(p.focus ? { focus: p.focus } : {}),
  }));
  if (views.length === 0) return [];
  const block: PhotosBlock = { kind: 'photos', photos: views };
  return [block];
}

/**
 * A photo must be a readable file of at most MAX_PHOTO_BYTES; its image format is read from its bytes when it is
 * decoded (src/photos). Only its first bytes are read here: reading whole phone photos in every edition took a
 * build with 20 of them 0.5 s.
 */
function checkedImage(world: World, path: string, given: string): string {
  try {
    world.readHead(path, 16, MAX_PHOTO_BYTES);
  } catch (error) {
    const reason = error instanceof FileLimitError ? error.reason.en : (error as NodeJS.ErrnoException).code ?? String(error);
    throw new DataError([{
      severity: 'error', code: 'photo-unreadable', file: world.display(path), line: 0, column: 0, pointer: '',
      message: { en: `cannot read photo "${given}" (${reason})`, ja: `写真「${given}」を読めません（${reason}）` },
    }]);
  }
  return path;
}


/**
 * A text in brackets after a figure or a sentence, in the language's own brackets: "+16（+8.0%）" in Japanese; where
 * words are spaced, with a space before the bracket ("+16 (+8.0%)", "주십시오. (제목을…)").
 */
export function bracketedAfter(t: EditionText, lang: LanguageTag, text: string): string {
  const bracketed = t.fill('parenthesised', lang, { text });
  return languageProfile(lang).wordSpaces && !bracketed.startsWith(' ') ? ` ${bracketed}` : bracketed;
}

/**
 * The change against the previous fiscal year of a metric, worded: "+16（+8.0%）"; a dash when either year has no
 * value (a missing year is not a zero) or when one is a part-year figure (see changeNotes).
 */
export function changeTxt(context: SectionContext, metricId: string, fiscalYear: number): Txt {
  const series = context.metrics.series.find((s) => s.id === metricId);
  const change = series ? yearChange(series, fiscalYear).change : null;
  return context.t.each((lang) => {
    if (!change) return '—';
    if (change.percent === null) return formatChange(change.absolute, lang);
    return `${formatChange(change.absolute, lang)}${bracketedAfter(context.t, lang, formatPercentChange(change.percent / 100, lang))}`;
  });
}

/**
 * The note under a table whose change column leaves out a part-year figure's change ("2025年度は年度途中の数値の
 * ため、前年度比を示しません…"), so a dash there is not read as "no data".
 */
export function changeNotes(context: SectionContext, metricId: string, fiscalYears: readonly number[]): Txt[] {
  const series = context.metrics.series.find((s) => s.id === metricId);
  if (!series) return [];
  const withheld = fiscalYears.filter((year) => yearChange(series, year).withheld).sort((a, b) => a - b);
  if (withheld.length === 0) return [];
  return [context.t.each((lang) => {
    const words = new MetricWords(context.metrics.labels, lang, context.data);
    const years = context.t.joinList(withheld.map((year) => words.fiscalYear(year)), lang);
    return marked(lang, 'note', words.ui('provisionalNote', { years }));
  })];
}
