// Web fonts for the HTML renderer: a WOFF2 holding only the glyphs a page uses, so a brochure page in Japanese
// downloads tens of kilobytes instead of a 16 MB face. Faces inside a collection are first extracted into a
// standalone font (harfbuzz subsets only the first face of a collection). Output is deterministic: the same
// face and the same set of characters give the same bytes, whatever their order in the text.
import { createRequire } from 'node:module';
import type { Weight } from './config.js';
import type { FontLibrary } from './faces.js';
import { fontkit } from './faces.js';
import { extractCollectionFace, isCollection } from './ttc.js';

type SubsetFont = (font: Buffer, text: string, options: { targetFormat: 'woff2' | 'truetype'; keepFeatures?: string[] }) => Promise<Buffer>;
const require = createRequire(import.meta.url);
const subsetFont = require('subset-font') as SubsetFont;

/**
 * OpenType features kept in web subsets: the ones a browser applies to horizontal text by default. Keeping
 * every feature would pull in every alternate reachable by `aalt`, vertical forms and so on, doubling the size.
 */
export const WEB_FONT_FEATURES = ['ccmp', 'locl', 'calt', 'liga', 'kern', 'mark', 'mkmk', 'palt'];

export interface WebFont {
  faceId: string;
  /** CSS font-family to declare in @font-face. */
  family: string;
  /** CSS font-weight. */
  weight: Weight;
  woff2: Buffer;
}

const standalone = new WeakMap<FontLibrary, Map<string, Buffer>>();

/** The face as a standalone font file: the file itself, or the face extracted from its collection. */
export function standaloneFace(library: FontLibrary, faceId: string): Buffer {
  let cache = standalone.get(library);
  if (!cache) {
    cache = new Map();
    standalone.set(library, cache);
  }
  let bytes = cache.get(faceId);
  if (!bytes) {
    const face = library.face(faceId);
    const file = library.fileBytes(face);
    if (isCollection(file)) {
      const collection = fontkit.create(file) as unknown as { fonts: { postscriptName: string }[] };
      const index = collection.fonts.findIndex((f) => f.postscriptName === face.postscriptName);
      if (index < 0) throw new Error(`${face.file} has no face named ${face.postscriptName}`);
      bytes = extractCollectionFace(file, index);
    } else {
      bytes = file;
    }
    cache.set(faceId, bytes);
  }
  return bytes;
}

/** A WOFF2 subset of one face holding the glyphs of `text` (and what shaping them needs). */
export async function webFontSubset(library: FontLibrary, faceId: string, text: string): Promise<WebFont> {
  const face = library.face(faceId);
  const characters = [...new Set(text)].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('');
  const woff2 = await subsetFont(standaloneFace(library, faceId), characters, { targetFormat: 'woff2', keepFeatures: WEB_FONT_FEATURES });
  return { faceId, family: face.family, weight: face.weight, woff2 };
}
