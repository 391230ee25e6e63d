// Web fonts for the HTML renderer: a WOFF2 holding only the glyphs a page uses, so a brochure in Japanese
// downloads a few hundred kilobytes instead of a 16 MB face. harfbuzz (harfbuzz.ts) subsets the face straight out
// of its file, a collection included, and woff2.ts packs the result. Output is deterministic: the same face and the
// same set of characters give the same bytes, whatever their order in the text.
import type { Weight } from './config.js';
import type { FontLibrary } from './faces.js';
import { subsetFace } from './harfbuzz.js';
import { sfntToWoff2 } from './woff2.js';


/**
 * OpenType features kept in web subsets: those a browser applies to horizontal text, and palt for CSS
 * `font-feature-settings`. Keeping every feature would pull in every glyph reachable by aalt, vertical forms,
 * and locl, whose Chinese and Korean forms alone add 1,000 glyphs to a Japanese subset of 1,500: each
 * language has its own face here, so locl has nothing to do.
 */
export const WEB_FONT_FEATURES = ['ccmp', 'calt', 'liga', 'kern', 'mark', 'mkmk', 'palt'];

export interface WebFont {
  faceId: string;
  /** CSS font-family to declare in @font-face. */
  family: string;
  /** CSS font-weight. */
  weight: Weight;
  woff2: Buffer;
}

export interface WebFontOptions {
  /**
   * Brotli quality, 0–11. 11 (the default, as the WOFF2 reference encoder) gives the smallest file in ~3 s for
   * 1,500 Japanese glyphs; 9 takes ~0.1 s for a file ~7 % larger, which suits watch mode and previews.
   */
  quality?: number;
}

/** A WOFF2 subset of one face holding the glyphs of `text` (and what shaping them needs). */
export async function webFontSubset(library: FontLibrary, faceId: string, text: string, options: WebFontOptions = {}): Promise<WebFont> {
  const face = library.face(faceId);
  const characters = [...new Set(text)].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('');
  const file = library.fileBytes(face);
  const sfnt = await subsetFace(file, face.path, library.font(face).index, characters, WEB_FONT_FEATURES);
  return { faceId, family: face.family, weight: face.weight, woff2: sfntToWoff2(sfnt, { quality: options.quality }) };
}
