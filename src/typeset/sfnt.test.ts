import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fontkit, type FontkitFont } from '../__fixtures__/fontkit.js';
import { subsetGlyphs, subsetterReady } from './harfbuzz.js';
import { cffGlyphCids, cffTableOf, faceIndexByName, faceMetrics, tableBytes, tableDirectory } from './sfnt.js';

const fonts = join(import.meta.dirname, '..', '..', 'fonts');
const collection = readFileSync(join(fonts, 'NotoSansCJK-Regular.ttc'));
const latin = readFileSync(join(fonts, 'NotoSans-Regular.ttf'));

describe('sfnt reader', () => {
  it('finds a face of a collection by its PostScript name, and lists the faces when there is none', () => {
    expect(faceIndexByName(collection, 'NotoSansCJKjp-Regular')).toBe(0);
    expect(faceIndexByName(collection, 'NotoSansCJKkr-Regular')).toBe(1);
    expect(faceIndexByName(latin, undefined)).toBe(0);
    expect(() => faceIndexByName(collection, 'NotoSansCJKxx-Regular')).toThrow(/NotoSansCJKjp-Regular, NotoSansCJKkr-Regular/);
  });

  it('reads the metrics a PDF font descriptor needs as fontkit reads them', () => {
    for (const [bytes, index, name] of [[collection, 1, 'NotoSansCJKkr-Regular'], [latin, 0, undefined]] as const) {
      const ours = faceMetrics(bytes, index);
      const theirs = fontkit.create(bytes, name) as FontkitFont & Record<string, never>;
      const reference = theirs as unknown as {
        postscriptName: string; unitsPerEm: number; ascent: number; descent: number; lineGap: number; xHeight: number;
        capHeight: number; italicAngle: number; numGlyphs: number; bbox: { minX: number; minY: number; maxX: number; maxY: number };
      };
      expect(ours).toMatchObject({
        postscriptName: reference.postscriptName, unitsPerEm: reference.unitsPerEm, ascent: reference.ascent,
        descent: reference.descent, lineGap: reference.lineGap, xHeight: reference.xHeight, capHeight: reference.capHeight,
        italicAngle: reference.italicAngle, numGlyphs: reference.numGlyphs,
      });
      expect(ours.bbox).toEqual({ minX: reference.bbox.minX, minY: reference.bbox.minY, maxX: reference.bbox.maxX, maxY: reference.bbox.maxY });
    }
    expect(faceMetrics(collection, 0).outlines).toBe('cff-cid');
    expect(faceMetrics(latin, 0).outlines).toBe('truetype');
  });

  describe('CIDs', () => {
    beforeAll(() => subsetterReady());

    it('reads the charset of a CID-keyed CFF font (Noto CJK numbers its CIDs as its glyphs)', () => {
      const cff = tableBytes(collection, tableDirectory(collection, 0), 'CFF ')!;
      const cids = cffGlyphCids(cff);
      expect(cids.length).toBe(faceMetrics(collection, 0).numGlyphs);
      expect([cids[0], cids[1], cids[1000], cids[cids.length - 1]]).toEqual([0, 1, 1000, cids.length - 1]);
    });

    it('finds each glyph of a harfbuzz subset under the CID it had, which is what lets text be written before the subset exists', () => {
      const wanted = [100, 5000, 20000, 40000, 60000];
      const subset = subsetGlyphs(collection, 'NotoSansCJK-Regular.ttc', 0, wanted, { retainGids: false });
      const cids = cffGlyphCids(cffTableOf(subset));
      expect([...cids]).toEqual([0, ...wanted]);
    });

    it('keeps glyph ids in a TrueType subset', () => {
      const font = fontkit.create(latin) as FontkitFont;
      const a = font.glyphForCodePoint('a'.codePointAt(0)!).id;
      const subset = subsetGlyphs(latin, 'NotoSans-Regular.ttf', 0, [a], { retainGids: true });
      const read = fontkit.create(subset) as FontkitFont & { getGlyph(id: number): { path: { commands: unknown[] } } };
      expect(read.numGlyphs).toBe(a + 1);
      expect(read.getGlyph(a).path.commands.length).toBeGreaterThan(0);
      expect(read.getGlyph(a - 1).path.commands.length).toBe(0);
    });
  });
});
