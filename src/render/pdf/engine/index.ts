// The PDF engine: the only code that imports pdfmake or pdfkit or touches their internals (README.md beside this
// file lists each patch point, why it exists and what to check on an upgrade). The rest of the PDF renderer builds
// a document definition from clair's typeset paragraphs and hands it here with the font dictionary:
//
//   const bytes = await renderDefinition(definition, fonts);       // pdfmake's definition → PDF bytes
//   const entry = fontEntry(face.path, face.file, bytes, name);     // a font file, for the dictionary
//
// clair's patches are installed on the first render, once per process: harfbuzz fonts in pdfkit (fonts.ts,
// shaped-font.ts), clair's line breaking in pdfmake (line-breaking.ts), /ActualText for text a font's ToUnicode map
// cannot give back (actual-text.ts), blocks taller than a page broken rather than cut (overflow.ts), SVG sizing
// (svg-size.ts) and the labels of row spans (row-span-labels.ts).
import './lazy-requires.js'; // before pdfmake
import pdfmake from 'pdfmake';
import { installActualText } from './actual-text.js';
import { useShapedFonts } from './fonts.js';
import { installLineBreaking } from './line-breaking.js';
import { installOverflowBreaking } from './overflow.js';
import { installRowSpanLabels } from './row-span-labels.js';
import { installSvgSizing } from './svg-size.js';

export { fontEntry } from './fonts.js';
export type { RowSpanMark } from './row-span-labels.js';

/** pdfmake's font dictionary: family → normal/bold/italics/bolditalics → [virtual file, PostScript name]. */
export type FontDictionary = Record<string, Record<string, unknown>>;

let installed = false;

/** Puts clair's patches into pdfmake and pdfkit (once per process); exported for tests that lay out by hand. */
export function installEngine(): void {
  if (installed) return;
  useShapedFonts();
  installActualText();
  installLineBreaking();
  installOverflowBreaking();
  installSvgSizing();
  installRowSpanLabels();
  // Everything pdfmake needs is passed in memory; it may not fetch URLs or read files on its own.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  installed = true;
}

/**
 * An image for the definition's `images` dictionary, by its bytes: kept in pdfmake's in-memory file system under
 * `id` (a content hash, so the same image is stored once per process), which pdfmake reads as it is. A data: URL
 * would be lower-cased twice by pdfmake's URL resolver and decoded from base64: 0.15–0.25 s for 20 phone photos.
 */
export function imageEntry(id: string, bytes: Uint8Array): string {
  const virtual = `clair-images/${id}`;
  if (!pdfmake.virtualfs.existsSync(virtual)) pdfmake.virtualfs.writeFileSync(virtual, bytes as Buffer);
  return virtual;
}

/** Lays out and writes one document: pdfmake's definition and the fonts it names → the PDF's bytes. */
export async function renderDefinition(definition: Record<string, unknown>, fonts: FontDictionary): Promise<Buffer> {
  installEngine();
  pdfmake.setFonts(fonts);
  const bytes = await pdfmake.createPdf(definition).getBuffer();
  // The written document (pdfkit's stream, holding pdfmake's laid-out pages) ends with a 'close' event Node emits
  // from its next-tick queue, whose loop keeps the last event's arguments until the microtasks queued meanwhile
  // have run: the rest of a build, when it goes on in promises. One turn of the event loop lets the document go
  // (a build of 10,000 events held the previous edition's ~60 MB while laying out the next).
  await new Promise((resolve) => setImmediate(resolve));
  return bytes;
}
