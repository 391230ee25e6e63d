// pdfmake keeps clair's fonts in its in-memory file system, but svg-to-pdfkit (which draws the charts) opens the
// font of an SVG <text> with pdfkit's `font(path)`, which reads the disk. This teaches pdfkit's `font` to find those
// virtual paths in memory, so chart text is set in the very faces (and subsets) the body text uses.
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';

interface PdfKitPrototype {
  font(this: unknown, src: unknown, family?: unknown, size?: unknown): unknown;
}

let installed = false;

export function resolveFontsFromMemory(): void {
  if (installed) return;
  // The same pdfkit module instance pdfmake's PDFDocument extends.
  const require = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
  const PDFKit = require('pdfkit') as { prototype: PdfKitPrototype };
  const original = PDFKit.prototype.font;
  PDFKit.prototype.font = function font(src, family, size) {
    if (typeof src === 'string' && src.startsWith('clair-fonts/') && pdfmake.virtualfs.existsSync(src)) {
      return original.call(this, pdfmake.virtualfs.readFileSync(src), family, size);
    }
    return original.call(this, src, family, size);
  };
  installed = true;
}
