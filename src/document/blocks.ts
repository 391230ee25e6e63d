// The brochure as a neutral tree of blocks: the one view model that both renderers (PDF through pdfmake, HTML
// through Handlebars) read. Everything here is already resolved for one edition: texts are in the edition's
// languages, numbers and dates are formatted, labels are filled in. A renderer only decides how things look,
// never what they say, so the PDF and the HTML cannot disagree.
import type { LanguageTag, SectionId } from '../schema/index.js';

/** A stretch of text in one language with one style. */
export interface Run {
  text: string;
  lang: LanguageTag;
  strong?: boolean;
  /** Smaller, secondary text (affiliations, notes inside a cell). */
  small?: boolean;
  /** Pronunciation shown with the text: ruby in HTML, small text after it in PDF. */
  reading?: string;
  /** http(s), mailto or tel link target. */
  href?: string;
}

/** Inline content in one language. */
export type Rich = Run[];

/**
 * Text as an edition shows it: the primary language, and in a bilingual edition the second language under it.
 * `secondary` is absent when the edition is single-language or the text is language-neutral.
 */
export interface Txt {
  primary: Rich;
  secondary?: Rich;
}

export interface HeadingBlock {
  kind: 'heading';
  text: Txt;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  text: Txt;
  /** lead: introduction; callout: a boxed appeal to the reader; note: ※ small print. */
  tone?: 'lead' | 'callout' | 'note';
}

export interface ListBlock {
  kind: 'list';
  /** bullet ・, merit ◆ (a benefit for municipalities), note ※, arrow ▶, numbered ①②③. */
  marker: 'bullet' | 'merit' | 'note' | 'arrow' | 'numbered';
  title?: Txt;
  items: Txt[];
  /** A note under the items, part of the list (the access routes' "(鉄道、タクシーとも)"). */
  note?: Txt;
}

export interface TableColumn {
  header: Txt;
  align?: 'start' | 'center' | 'end';
  /** Relative width; columns without one share what is left. */
  width?: number;
}

export interface TableCell {
  /** One or more paragraphs. */
  content: Txt[];
  rowSpan?: number;
  colSpan?: number;
  /** A row header (th scope=row in HTML). */
  header?: boolean;
  align?: 'start' | 'center' | 'end';
}

export interface TableRow {
  /** Cells covered by a row span from above are omitted; the renderers fill them in. */
  cells: TableCell[];
  /** A row that groups the rows below it (a programme segment, a session). */
  group?: boolean;
}

export interface TableBlock {
  kind: 'table';
  /** Stable id used for anchors and tests, e.g. "events-booths". */
  id: string;
  caption: Txt;
  /** A line printed under the caption, before the rows (the seminar's interpretation languages). */
  captionNote?: Txt;
  columns: TableColumn[];
  rows: TableRow[];
  notes?: Txt[];
}

/** Label–value pairs: 開催日 2025年10月12日（日）, 場所 COEX … */
export interface FactsBlock {
  kind: 'facts';
  caption?: Txt;
  items: { label: Txt; values: Txt[] }[];
}

/** Headline figures: 職員数 11名, 83件 … */
export interface FiguresBlock {
  kind: 'figures';
  items: { label: Txt; value: Txt; note?: Txt }[];
}

export interface PhotoView {
  /** Absolute path of an image inside the office folder; absent when the data gives only a caption (then nothing is printed). */
  file?: string;
  caption: Txt;
  /** Where to keep the subject when the photo is cropped to its frame: 0–1 from the left and from the top. */
  focus?: { x: number; y: number };
}

export interface PhotosBlock {
  kind: 'photos';
  photos: PhotoView[];
}

/** A numbered step figure: how something is done, step by step (実施までの主な流れ). */
export interface StepsBlock {
  kind: 'steps';
  caption?: Txt;
  steps: { title: Txt; text?: Txt }[];
}

export interface ChartBlock {
  kind: 'chart';
  id: string;
  caption: Txt;
  /** A standalone SVG made by clair, used as-is by both renderers. */
  svg: string;
  width: number;
  height: number;
  /** Text alternative: the chart's figures in words. */
  description: Txt;
}

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | TableBlock
  | FactsBlock
  | FiguresBlock
  | PhotosBlock
  | ChartBlock
  | StepsBlock;

export interface SectionView {
  id: SectionId;
  /** HTML anchor and PDF destination, unique in the document. */
  anchor: string;
  /** ① ② … within a part; absent for unnumbered pages (profile, contact). */
  number?: string;
  title: Txt;
  blocks: Block[];
}

export interface PartView {
  /** Ⅰ Ⅱ …; absent for the unnumbered opening part. */
  numeral?: string;
  title?: Txt;
  /** brochure.yaml asks this part to start a new page (sections otherwise flow one after another). */
  newPage?: boolean;
  sections: SectionView[];
}

export interface Edition {
  /** ja, ko, ja-ko … used in file names. */
  id: string;
  languages: LanguageTag[];
  primary: LanguageTag;
  secondary?: LanguageTag;
}

export interface DocumentMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** BCP 47 tag of the primary language. */
  language: LanguageTag;
  /** Fixed build date (publication date or SOURCE_DATE_EPOCH), never the wall clock. */
  created: Date;
}

export interface BrochureDocument {
  officeId: string;
  edition: Edition;
  /** Fixed wording the renderers place themselves (table of contents title, page label …). */
  labels: { contents: Txt; page: Txt; continued: Txt; languageName: Txt; notes: Txt };
  /**
   * The organisation's name in the edition's languages, and always in Japanese and English as well (the cover of
   * every edition carries both; `organisationJapanese` repeats `organisation` in Japanese editions).
   */
  cover: {
    title: Txt; organisation: Txt; organisationJapanese: string; organisationEnglish: string; office: Txt;
    /** The year on the cover (brochure.yaml edition). */
    year: number;
    /** The title already names the year ("クレアソウル 2026"): the cover does not print it a second time. */
    yearInTitle?: boolean;
    /** Absolute path of the cover photo, when the data gives one; else the renderers draw a composition. */
    photo?: string;
    photoFocus?: { x: number; y: number };
  };
  /** The back cover: web sites and social accounts (each printed with a QR code) and the organisation's offices. */
  backCover: {
    linksTitle: Txt;
    links: { label: Txt; url: string }[];
    officesTitle: Txt;
    /** The organisation's overseas offices; `current` marks this brochure's office. */
    offices: (Txt & { current?: boolean })[];
  };
  /** Printed as a folded booklet: the PDF's page count is a multiple of 4. */
  booklet?: boolean;
  parts: PartView[];
  meta: DocumentMeta;
}
