// Two adjustments to how pdfkit (under pdfmake) opens fonts, both about clair keeping its fonts in memory:
// - svg-to-pdfkit, which draws the charts, opens the font of an SVG <text> with pdfkit's `font(entry)`, which reads
//   the disk and knows no collections; `font` now finds clair's virtual paths in pdfmake's in-memory file system
//   and takes [file, face] entries, so chart text is set in the very faces (and subsets) the body text uses;
// - pdfkit parses a font anew for every document that uses it; parsing a CJK face (65,535 glyphs) costs far more
//   than laying out a brochure, so parsed fonts are shared by every document of the process. A fontkit font holds
//   no per-document state (each document makes its own subset), so sharing it is safe.
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';

interface PdfKitPrototype {
  font(this: unknown, src: unknown, family?: unknown, size?: unknown): unknown;
}

let installed = false;

function withSharedTables(document: unknown, result: unknown): unknown {
  const font = (document as { _font?: { font?: object } })._font?.font;
  if (font) shareDecodedTables(font);
  return result;
}

export function resolveFontsFromMemory(): void {
  if (installed) return;
  // The same pdfkit and fontkit module instances pdfmake's PDFDocument uses.
  const requireFromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
  const PDFKit = requireFromPdfmake('pdfkit') as { prototype: PdfKitPrototype };

  const original = PDFKit.prototype.font;
  PDFKit.prototype.font = function font(src, family, size) {
    // svg-to-pdfkit passes pdfmake's whole font entry: [file, face in a collection].
    if (Array.isArray(src)) [src, family] = [src[0], family ?? src[1]];
    if (typeof src === 'string' && src.startsWith('clair-fonts/') && pdfmake.virtualfs.existsSync(src)) {
      return withSharedTables(this, original.call(this, pdfmake.virtualfs.readFileSync(src), family, size));
    }
    return withSharedTables(this, original.call(this, src, family, size));
  };

  installed = true;
}

/**
 * fontkit decodes a font's tables lazily, per font object; pdfkit makes a new font object for every document.
 * Decoded tables are read-only, so they are cached by the font bytes they come from and shared.
 */
function shareDecodedTables(fontObject: object): void {
  const prototype = Object.getPrototypeOf(fontObject) as { _decodeTable(this: FontObject, table: { tag: string }): unknown; __clairShared?: true };
  if (prototype.__clairShared) return;
  const decode = prototype._decodeTable;
  const tables = new WeakMap<Uint8Array, Map<string, unknown>>();
  prototype._decodeTable = function decodeTable(table) {
    const bytes = this.stream?.buffer;
    const offset = this.directory?.tables?.[table.tag]?.offset;
    if (!(bytes instanceof Uint8Array) || typeof offset !== 'number') return decode.call(this, table);
    // Keyed by where the table lives: the faces of a collection share some tables and not others (name, cmap).
    const key = `${table.tag}@${offset}`;
    let byPlace = tables.get(bytes);
    if (!byPlace) tables.set(bytes, (byPlace = new Map()));
    if (!byPlace.has(key)) byPlace.set(key, decode.call(this, table));
    return byPlace.get(key);
  };
  prototype.__clairShared = true;
}

interface FontObject {
  stream?: { buffer?: unknown };
  directory?: { tables?: Record<string, { offset?: number } | undefined> };
}
