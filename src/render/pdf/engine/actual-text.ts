// Copying or searching text in a PDF goes through the font's ToUnicode map, glyph by glyph. That cannot give back
// text whose glyphs do not stand one-to-one for its characters in order: a Thai vowel drawn in two parts, a glyph
// that two characters share, the hyphen clair draws at the end of a line cut inside a word. For those, the text
// drawn by pdfkit's `text()` is wrapped in a marked-content span with /ActualText, which viewers, pdftotext and
// screen readers read instead of the glyphs (PDF 32000-1:2008, 14.9.4). The shaped font says when it is needed.
import { createRequire } from 'node:module';
import { ShapedPdfFont } from './shaped-font.js';

interface PdfKitDocument {
  _font: unknown;
  markContent(tag: string, options?: Record<string, unknown>): unknown;
  endMarkedContent(): unknown;
}
interface PdfKitPrototype {
  text(this: PdfKitDocument, text: unknown, x?: unknown, y?: unknown, options?: { features?: unknown }): unknown;
}

let installed = false;

/** Wraps pdfkit's public `text()` (once per process): text a shaped font cannot give back gets /ActualText. */
export function installActualText(): void {
  if (installed) return;
  // The pdfkit module instance pdfmake's PDFDocument extends.
  const requireFromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
  const PDFKit = requireFromPdfmake('pdfkit') as { prototype: PdfKitPrototype };
  const text = PDFKit.prototype.text;
  PDFKit.prototype.text = function textWithActualText(string, x, y, options) {
    const font = this._font;
    if (!(font instanceof ShapedPdfFont) || typeof string !== 'string') return text.call(this, string, x, y, options);
    const features = options?.features as Parameters<ShapedPdfFont['encode']>[1];
    font.encode(string, features);
    const actual = font.actualText(string, features);
    if (actual === undefined) return text.call(this, string, x, y, options);
    this.markContent('Span', { actual });
    try {
      return text.call(this, string, x, y, options);
    } finally {
      this.endMarkedContent();
    }
  };
  installed = true;
}
