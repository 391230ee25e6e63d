import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INSTALL_ROOT } from '../world.js';
import { fontkit, type FontkitFont } from '../__fixtures__/fontkit.js';
import { collectionFaceOffsets, extractCollectionFace, isCollection } from './ttc.js';

const collection = readFileSync(join(INSTALL_ROOT, 'fonts', 'NotoSansCJK-Regular.ttc'));
const faces = (fontkit.create(collection) as unknown as { fonts: FontkitFont[] }).fonts;

/** Sum of a byte range as big-endian 32-bit words, as OpenType checksums are computed. */
function checksum(bytes: Uint8Array): number {
  const padded = new Uint8Array((bytes.length + 3) & ~3);
  padded.set(bytes);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

describe('extracting a face from a font collection', () => {
  it('lists the faces of the collection', () => {
    expect(isCollection(collection)).toBe(true);
    expect(collectionFaceOffsets(collection)).toHaveLength(faces.length);
    expect(faces.map((face) => face.postscriptName).slice(0, 3)).toEqual(['NotoSansCJKjp-Regular', 'NotoSansCJKkr-Regular', 'NotoSansCJKsc-Regular']);
  });

  it.each([0, 1, 2])('face %i opens on its own with the same name, glyph count and character map', (index) => {
    const original = faces[index]!;
    const extracted = fontkit.create(extractCollectionFace(collection, index)) as FontkitFont;
    expect(isCollection(extractCollectionFace(collection, index))).toBe(false);
    expect(extracted.postscriptName).toBe(original.postscriptName);
    expect(extracted.numGlyphs).toBe(original.numGlyphs);
    for (const char of 'あ漢서AÉ①') {
      const cp = char.codePointAt(0)!;
      expect(extracted.hasGlyphForCodePoint(cp)).toBe(original.hasGlyphForCodePoint(cp));
      expect(extracted.glyphForCodePoint(cp).advanceWidth).toBe(original.glyphForCodePoint(cp).advanceWidth);
    }
  });

  it('writes a valid sfnt: table checksums and head.checkSumAdjustment add up', () => {
    const font = extractCollectionFace(collection, 1);
    const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
    const count = view.getUint16(4);
    for (let i = 0; i < count; i++) {
      const at = 12 + i * 16;
      const tag = font.toString('latin1', at, at + 4);
      const offset = view.getUint32(at + 8);
      const table = Uint8Array.from(font.subarray(offset, offset + view.getUint32(at + 12)));
      expect(offset % 4, tag).toBe(0);
      if (tag === 'head') new DataView(table.buffer).setUint32(8, 0);
      expect(checksum(table), tag).toBe(view.getUint32(at + 4));
    }
    expect(checksum(font)).toBe(0xb1b0afba);
  });

  it('gives the same bytes every time', () => {
    expect(extractCollectionFace(collection, 2).equals(extractCollectionFace(collection, 2))).toBe(true);
  });

  it('refuses what is not a collection, and faces it does not have', () => {
    const single = readFileSync(join(INSTALL_ROOT, 'fonts', 'NotoSans-Regular.ttf'));
    expect(isCollection(single)).toBe(false);
    expect(() => extractCollectionFace(single, 0)).toThrow(/not a font collection/);
    expect(() => extractCollectionFace(collection, 99)).toThrow(/no face 99/);
  });
});
