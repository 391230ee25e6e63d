import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as hb from 'harfbuzzjs';
import { describe, expect, it } from 'vitest';
import { subsetGlyphs } from './harfbuzz.js';
import { ShapingFace } from './shaping.js';
import { tableBytes, tableDirectory } from './sfnt.js';
import { subsetTrueType, UnsupportedTrueType } from './truetype-subset.js';

const file = join(import.meta.dirname, '..', '..', 'fonts', 'NotoSans-Regular.ttf');
const bytes = readFileSync(file);

function font(sfnt: Uint8Array): hb.Font {
  return new hb.Font(new hb.Face(new hb.Blob(sfnt), 0));
}

describe('TrueType subsets', () => {
  it('keep the asked glyphs at their ids, with their components, and empty the others', () => {
    const face = ShapingFace.open(file, bytes, 0);
    // Accented letters are composites in Noto Sans: their components must come along.
    const glyphs = [...new Set(face.shape('Seoul Festival 2025 — Hôtel, Zürich, São Paulo, Ærø').glyphs)];
    const subset = subsetTrueType(bytes, 0, glyphs);
    const source = font(bytes);
    const cut = font(subset);
    const tables = tableDirectory(bytes, 0);
    const data = (tag: string) => { const t = tableBytes(bytes, tables, tag)!; return new DataView(t.buffer, t.byteOffset, t.byteLength); };
    const glyphStart = (glyph: number) => (data('head').getInt16(50) === 1 ? data('loca').getUint32(glyph * 4) : data('loca').getUint16(glyph * 2) * 2);
    const composite = glyphs.filter((glyph) => data('glyf').getInt16(glyphStart(glyph)) < 0);
    expect(composite.length).toBeGreaterThan(0);
    for (const glyph of glyphs) {
      expect(cut.glyphToPath(glyph), `glyph ${glyph}`).toBe(source.glyphToPath(glyph));
      expect(cut.glyphHAdvance(glyph)).toBe(source.glyphHAdvance(glyph));
    }
    const unused = Array.from({ length: 50 }, (_, i) => 3 + i * 37).filter((g) => !glyphs.includes(g));
    expect(unused.every((glyph) => cut.glyphToPath(glyph) === '')).toBe(true);
    expect(unused.some((glyph) => source.glyphToPath(glyph) !== '')).toBe(true);
    expect(subset.length).toBeLessThan(bytes.length / 4);
    // The same glyphs give the same bytes.
    expect(Buffer.compare(subset, subsetTrueType(bytes, 0, [...glyphs].reverse()))).toBe(0);
  });

  it('draws as harfbuzz\'s subset of the same glyphs, which compiles on the spot when asked before it was loaded', () => {
    const face = ShapingFace.open(file, bytes, 0);
    const glyphs = [...new Set(face.shape('Hôtel de Ville, 2025').glyphs)];
    // No subsetterReady() in this file: harfbuzz is compiled synchronously, as pdfkit's font embedding needs.
    const theirs = font(subsetGlyphs(bytes, file, 0, glyphs, { retainGids: true }));
    const ours = font(subsetTrueType(bytes, 0, glyphs));
    for (const glyph of glyphs) expect(ours.glyphToPath(glyph)).toBe(theirs.glyphToPath(glyph));
  });

  it('refuses what it does not know, so that harfbuzz cuts the subset instead', () => {
    const collection = readFileSync(join(import.meta.dirname, '..', '..', 'fonts', 'NotoSansCJK-Regular.ttc'));
    expect(() => subsetTrueType(collection, 0, [1, 2])).toThrow(UnsupportedTrueType);
    expect(() => subsetTrueType(bytes, 0, [1e6])).toThrow(UnsupportedTrueType);
  });
});
