// How pdfkit (under pdfmake) opens clair's fonts. pdfkit would parse each font anew with fontkit for every
// document and shape and subset with it; clair's fonts are opened once per process in harfbuzz and set by
// ShapedPdfFont instead. Two ways reach `font()`:
// - pdfmake passes the bytes it found in its in-memory file system, with the face's PostScript name;
// - svg-to-pdfkit, which draws the charts, passes pdfmake's whole font entry, [virtual path, face name], so chart
//   text is set in the very faces (and subsets) the body text uses.
import { createRequire } from 'node:module';
import './lazy-requires.js'; // before pdfmake
import pdfmake from 'pdfmake';
import { faceIndexByName } from '../../../typeset/sfnt.js';
import { ShapingFace } from '../../../typeset/shaping.js';
import { ShapedPdfFont } from './shaped-font.js';

interface PdfKitDocument {
  _fontFamilies: Record<string, unknown>;
  _fontCount: number;
  _font: unknown;
  _fontSource: unknown;
  _fontFamily: unknown;
  fontSize(size: number): unknown;
  ref(data?: Record<string, unknown>): never;
}
interface PdfKitPrototype {
  font(this: PdfKitDocument, src: unknown, family?: unknown, size?: unknown): unknown;
}

/** Font files clair handed to pdfmake, by their bytes: the path names the file for harfbuzz. */
const files = new WeakMap<Uint8Array, string>();
const faceIndexes = new Map<string, number>();

export function registerFontFile(bytes: Uint8Array, file: string): void {
  files.set(bytes, file);
}

/**
 * pdfmake's font entry for a face: its file in pdfmake's in-memory file system (the bytes, read once, registered so
 * that pdfkit sets them with clair's harfbuzz fonts) and, in a collection, the face's PostScript name.
 */
export function fontEntry(path: string, file: string, bytes: () => Uint8Array, postscriptName?: string): [string, string] | [string] {
  const virtual = `clair-fonts/${file}`;
  if (!pdfmake.virtualfs.existsSync(virtual)) {
    const data = bytes();
    registerFontFile(data, path);
    // The very object registered: pdfkit's font() is handed it back and knows it by identity.
    pdfmake.virtualfs.writeFileSync(virtual, data as Buffer);
  }
  return postscriptName ? [virtual, postscriptName] : [virtual];
}

let installed = false;

export function useShapedFonts(): void {
  if (installed) return;
  // The same pdfkit module instance pdfmake's PDFDocument extends.
  const requireFromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
  const PDFKit = requireFromPdfmake('pdfkit') as { prototype: PdfKitPrototype };

  const original = PDFKit.prototype.font;
  PDFKit.prototype.font = function font(src, family, size) {
    if (Array.isArray(src)) [src, family] = [src[0], family ?? src[1]];
    if (typeof src === 'string' && src.startsWith('clair-fonts/') && pdfmake.virtualfs.existsSync(src)) src = pdfmake.virtualfs.readFileSync(src);
    const file = src instanceof Uint8Array ? files.get(src) : undefined;
    if (file === undefined) return original.call(this, src, family, size);
    if (typeof family === 'number') [size, family] = [family, undefined];
    const bytes = src as Uint8Array;
    const name = typeof family === 'string' ? family : undefined;
    const key = `clair:${file}#${name ?? ''}`;
    this._fontSource = src;
    this._fontFamily = family;
    if (typeof size === 'number') this.fontSize(size);
    let opened = this._fontFamilies[key];
    if (!opened) {
      let index = faceIndexes.get(key);
      if (index === undefined) faceIndexes.set(key, (index = faceIndexByName(bytes, name)));
      opened = new ShapedPdfFont(this, ShapingFace.open(file, bytes, index), `F${++this._fontCount}`);
      this._fontFamilies[key] = opened;
    }
    this._font = opened;
    return this;
  };

  installed = true;
}
