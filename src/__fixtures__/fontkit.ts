// fontkit, an independent OpenType reader, for tests that read back the fonts clair writes (web-font subsets,
// faces taken out of collections). clair itself reads fonts with harfbuzz (src/typeset/shaping.ts).
import { createRequire } from 'node:module';

export interface FontkitFont {
  postscriptName: string;
  familyName: string;
  numGlyphs: number;
  unitsPerEm: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number };
}

export const fontkit = createRequire(import.meta.url)('fontkit') as { create(buffer: Buffer, postscriptName?: string): FontkitFont | { fonts: FontkitFont[] } };
