// Reads a PDF that clair wrote back the way a reader's viewer sees it (through pdfjs-dist): metadata, language,
// outline, named destinations, the text of every page with its position, images, fonts, and glyphs drawn as
// .notdef (tofu). Used by the PDF tests and reusable by benchmarks; it never changes the file.
//
//   const pdf = await readPdf(readFileSync('out/seoul-2026/brochure.ja.pdf'));
//   pdf.info.title;                         // 'クレアソウル 2026'
//   pdf.destinations.get('section-events'); // 4 (1-based page number)
//   compact(pdf.text({ from: 4, to: 4 }));  // the page's text without any whitespace
//   pdf.pages.flatMap((p) => p.notdef);     // [] when every character had a glyph
import { getDocument, OPS, PDFDateString } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfTextItem {
  text: string;
  /** Baseline origin in PDF points, y measured from the bottom of the page. */
  x: number;
  y: number;
  fontSize: number;
}

/** A glyph drawn with glyph id 0, which every font reserves for .notdef: the reader sees an empty box. */
export interface NotdefGlyph {
  page: number;
  /** Name of the font (with its subset tag) the glyph was drawn in. */
  font: string;
  /** Up to 12 characters the page shows before and after it, the .notdef glyph written as U+FFFD. */
  context: string;
}

export interface PdfFont {
  /** As in the PDF, e.g. "BZZZZZ+NotoSansCJKjp-Regular". */
  name: string;
  /** The font program is inside the PDF (not left to the reader's system). */
  embedded: boolean;
  /** Only the glyphs used are embedded: the name carries a six-letter subset tag. */
  subset: boolean;
  /** PDF font type, e.g. "CIDFontType0". */
  type: string;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  /** Text in content-stream order, which for pdfmake output is reading order. */
  items: PdfTextItem[];
  /** Raster images painted on the page. */
  images: number;
  notdef: NotdefGlyph[];
  /** Names of the fonts used on the page. */
  fonts: string[];
}

export interface PdfOutlineEntry {
  title: string;
  /** 1-based page the bookmark jumps to; undefined when it has no resolvable destination. */
  page: number | undefined;
  items: PdfOutlineEntry[];
}

export interface PdfInfo {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator?: string;
  producer?: string;
  creationDate?: Date;
  modDate?: Date;
}

export interface PdfReadBack {
  pageCount: number;
  info: PdfInfo;
  /** The catalog's /Lang. */
  language: string | undefined;
  outline: PdfOutlineEntry[];
  /** Named destination → 1-based page number. */
  destinations: Map<string, number>;
  pages: PdfPage[];
  /** Every font of the document, once. */
  fonts: PdfFont[];
  /**
   * The text of a range of pages (1-based, inclusive), items joined in order, one line per item. `where`
   * filters items, e.g. to leave out a running footer.
   */
  text(range?: { from?: number; to?: number }, where?: (item: PdfTextItem, page: PdfPage) => boolean): string;
}

/** Text with every kind of whitespace and invisible break control removed: lines wrap differently in a PDF. */
export function compact(text: string): string {
  return text.replace(/[\s\u200b\u200c\u200d\u2060\u00ad\ufeff]+/gu, '');
}

type PdfDocument = Awaited<ReturnType<typeof getDocument>['promise']>;
type RawOutline = Awaited<ReturnType<PdfDocument['getOutline']>>;
type Destination = unknown[] | string | null;

interface Glyph {
  originalCharCode?: number;
  unicode?: string;
}

interface LoadedFont {
  name?: string;
  missingFile?: boolean;
  type?: string;
}

const TEXT_OPERATORS = new Set<number>([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText]);

export async function readPdf(bytes: Uint8Array): Promise<PdfReadBack> {
  // pdfjs takes ownership of the buffer it is given: hand it a copy so the caller's bytes stay usable.
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    fontExtraProperties: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const metadata = await pdf.getMetadata();
    const raw = metadata.info as Record<string, unknown>;
    const str = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : undefined);
    const date = (key: string) => {
      const value = str(key);
      return value ? PDFDateString.toDateObject(value) ?? undefined : undefined;
    };
    const info: PdfInfo = {
      title: str('Title'), author: str('Author'), subject: str('Subject'), keywords: str('Keywords'),
      creator: str('Creator'), producer: str('Producer'), creationDate: date('CreationDate'), modDate: date('ModDate'),
    };

    const pageOf = async (dest: Destination): Promise<number | undefined> => {
      const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : dest;
      const ref = explicit?.[0];
      if (ref === undefined || ref === null) return undefined;
      if (typeof ref === 'number') return ref + 1;
      return (await pdf.getPageIndex(ref as Parameters<PdfDocument['getPageIndex']>[0])) + 1;
    };

    const destinations = new Map<string, number>();
    for (const [name, dest] of Object.entries(await pdf.getDestinations())) {
      const page = await pageOf(dest as Destination);
      if (page !== undefined) destinations.set(name, page);
    }

    const outlineOf = async (entries: RawOutline): Promise<PdfOutlineEntry[]> => {
      const out: PdfOutlineEntry[] = [];
      for (const entry of entries ?? []) {
        out.push({ title: entry.title, page: await pageOf(entry.dest as Destination), items: await outlineOf(entry.items) });
      }
      return out;
    };
    const outline = await outlineOf(await pdf.getOutline());

    const pages: PdfPage[] = [];
    const fonts = new Map<string, PdfFont>();
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const [, , width, height] = page.view as [number, number, number, number];
      const content = await page.getTextContent({ disableNormalization: true });
      const items: PdfTextItem[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [a, b, , , x, y] = item.transform as number[];
        items.push({ text: item.str, x: x!, y: y!, fontSize: Math.hypot(a!, b!) });
      }

      const operators = await page.getOperatorList();
      let images = 0;
      let font = '';
      const pageFonts = new Set<string>();
      // Everything the page shows, in order, so a .notdef glyph can be reported with the text around it.
      let shown = '';
      const notdefAt: { at: number; font: string }[] = [];
      for (let i = 0; i < operators.fnArray.length; i++) {
        const fn = operators.fnArray[i];
        const args = operators.argsArray[i] as unknown[];
        if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageXObjectRepeat) images++;
        else if (fn === OPS.setFont) {
          const loaded = page.commonObjs.get(args[0] as string) as LoadedFont;
          font = loaded.name ?? String(args[0]);
          pageFonts.add(font);
          if (!fonts.has(font)) {
            fonts.set(font, { name: font, embedded: loaded.missingFile !== true, subset: /^[A-Z]{6}\+/.test(font), type: loaded.type ?? '' });
          }
        } else if (TEXT_OPERATORS.has(fn!)) {
          // Glyph arrays mix glyphs with numbers (TJ spacing) and nulls.
          const glyphs = (args[0] as unknown[]).filter((g): g is Glyph => typeof g === 'object' && g !== null);
          for (const glyph of glyphs) {
            if (glyph.originalCharCode === 0) {
              notdefAt.push({ at: shown.length, font });
              shown += '\ufffd';
            } else shown += glyph.unicode ?? '';
          }
        }
      }
      const notdef = notdefAt.map(({ at, font: name }) => ({ page: number, font: name, context: shown.slice(Math.max(0, at - 12), at + 12) }));
      pages.push({ number, width, height, items, images, notdef, fonts: [...pageFonts] });
      page.cleanup();
    }

    const language = (raw.Language as string | undefined) ?? undefined;
    return {
      pageCount: pdf.numPages,
      info,
      language,
      outline,
      destinations,
      pages,
      fonts: [...fonts.values()],
      text(range = {}, where = () => true) {
        const from = range.from ?? 1;
        const to = range.to ?? pages.length;
        return pages
          .filter((p) => p.number >= from && p.number <= to)
          .flatMap((p) => p.items.filter((item) => where(item, p)).map((item) => item.text))
          .join('\n');
      },
    };
  } finally {
    await pdf.destroy();
  }
}
