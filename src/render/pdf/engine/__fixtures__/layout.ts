// Lays out pdfmake content with pdfmake's own LayoutBuilder (as Printer.createPdfKitDocument does), with clair's
// line breaking installed as the PDF renderer has it, and returns the lines it made, so tests can check where
// lines break without rendering and parsing a PDF.
import { createRequire } from 'node:module';
import type { Typesetter } from '../../../../typeset/index.js';
import { installLineBreaking } from '../line-breaking.js';

const require = createRequire(import.meta.url);
/* eslint-disable @typescript-eslint/no-explicit-any */
const PDFDocument = require('pdfmake/js/PDFDocument').default as any;
const LayoutBuilder = require('pdfmake/js/LayoutBuilder').default as any;
const SVGMeasure = require('pdfmake/js/SVGMeasure').default as any;
const virtualfs = require('pdfmake/js/virtual-fs').default as any;
const { tableLayouts } = require('pdfmake/js/tableLayouts') as any;

export interface LaidOutInline {
  text: string;
  font: string;
  width: number;
  height: number;
  fontSize: number;
  color: unknown;
}

export interface LaidOutLine {
  inlines: LaidOutInline[];
  text: string;
  /** Width pdfmake counts for the line (trailing spaces cut). */
  width: number;
  maxWidth: number;
  height: number;
}

/** The lines pdfmake lays `content` out into, in a column `width` points wide. */
export function layoutLines(typesetter: Typesetter, content: unknown, width: number): LaidOutLine[] {
  return layoutParagraphs(typesetter, [content], width)[0]!;
}

/**
 * Lays out several paragraphs (each a pdfmake text array or node) in one document, which opens the fonts once,
 * and returns the lines of each.
 */
export function layoutParagraphs(typesetter: Typesetter, paragraphs: unknown[], width: number): LaidOutLine[][] {
  const lines = layout(typesetter, paragraphs.map((text) => (Array.isArray(text) && text.every((t) => !Array.isArray(t) && typeof t === 'object' && t !== null && 'text' in t && typeof t.text === 'string') ? { text } : text)), width);
  // Each paragraph is a node of its own, so its lines follow one another; count them off by text length.
  const lengths = paragraphs.map((p) => paragraphText(p).length);
  const out: LaidOutLine[][] = [];
  let index = 0;
  for (const length of lengths) {
    const mine: LaidOutLine[] = [];
    let seen = 0;
    do {
      const line = lines[index++];
      if (!line) break;
      mine.push(line);
      seen += line.text.length;
    } while (seen < length);
    out.push(mine);
  }
  return out;
}

function paragraphText(node: unknown): string {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(paragraphText).join('');
  if (node && typeof node === 'object' && 'text' in node) return paragraphText((node as { text: unknown }).text);
  if (node && typeof node === 'object' && 'table' in node) return paragraphText((node as { table: { body: unknown[][] } }).table.body.flat());
  return '';
}

// One pdfkit document per typesetter measures every layout: opening the CJK fonts costs ~0.3 s each time.
const documents = new WeakMap<Typesetter, any>();

function layout(typesetter: Typesetter, content: unknown, width: number): LaidOutLine[] {
  installLineBreaking();
  let pdf = documents.get(typesetter);
  if (!pdf) {
    const { fonts, files } = typesetter.pdfFonts();
    for (const [name, bytes] of Object.entries(files)) virtualfs.writeFileSync(name, bytes);
    pdf = new PDFDocument(fonts, {}, {}, {}, { autoFirstPage: false, font: null }, virtualfs);
    documents.set(typesetter, pdf);
  }
  const margin = 10;
  const pageSize = { width: width + 2 * margin, height: 100_000, orientation: 'portrait' };
  const builder = new LayoutBuilder(pageSize, { left: margin, right: margin, top: margin, bottom: margin }, new SVGMeasure());
  builder.registerTableLayouts(tableLayouts);
  const pages = builder.layoutDocument(content, pdf, {}, { fontSize: 9, font: 'Noto Sans CJK JP' }, null, null, null, null, null);
  return pages.flatMap((page: any) => page.items.filter((item: any) => item.type === 'line').map((item: any) => {
    const line = item.item;
    const inlines = line.inlines.map((inline: any) => ({
      text: inline.text, font: inline.font.name ?? '', width: inline.width, height: inline.height, fontSize: inline.fontSize, color: inline.color,
    }));
    return { inlines, text: inlines.map((i: LaidOutInline) => i.text).join(''), width: line.getWidth(), maxWidth: line.maxWidth, height: line.getHeight() };
  }));
}
