import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as hb from 'harfbuzzjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CidCff, UnsupportedCff } from './cff-subset.js';
import { subsetGlyphs, subsetterReady } from './harfbuzz.js';
import { cffGlyphCids, cffTableOf, tableBytes, tableDirectory } from './sfnt.js';
import { ShapingFace } from './shaping.js';

const fonts = join(import.meta.dirname, '..', '..', 'fonts');
const files = { regular: join(fonts, 'NotoSansCJK-Regular.ttc'), bold: join(fonts, 'NotoSansCJK-Bold.ttc') };
const bytesOf = { regular: readFileSync(files.regular), bold: readFileSync(files.bold) };

/** A minimal OpenType font around a CFF table, enough for harfbuzz to draw its glyphs. */
function sfntAround(cff: Uint8Array, head: Uint8Array, glyphCount: number): Uint8Array {
  const maxp = new Uint8Array(6);
  new DataView(maxp.buffer).setUint32(0, 0x00005000);
  new DataView(maxp.buffer).setUint16(4, glyphCount);
  const tables: [string, Uint8Array][] = [['CFF ', cff], ['head', head], ['maxp', maxp]];
  const padded = (n: number) => (n + 3) & ~3;
  const out = new Uint8Array(12 + tables.length * 16 + tables.reduce((sum, [, t]) => sum + padded(t.length), 0));
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x4f54544f); // OTTO
  view.setUint16(4, tables.length);
  let offset = 12 + tables.length * 16;
  tables.forEach(([tag, table], i) => {
    for (let k = 0; k < 4; k++) out[12 + i * 16 + k] = tag.charCodeAt(k);
    view.setUint32(12 + i * 16 + 8, offset);
    view.setUint32(12 + i * 16 + 12, table.length);
    out.set(table, offset);
    offset += padded(table.length);
  });
  return out;
}

function drawing(font: Uint8Array): hb.Font {
  return new hb.Font(new hb.Face(new hb.Blob(font), 0));
}

describe('CID-keyed CFF subsets', () => {
  beforeAll(() => subsetterReady());

  // Japanese, Korean, Latin, digits and punctuation as the brochure sets them, and glyphs across the whole font.
  const text = 'クレアソウル事務所（CLAIR）は1993年10月に設立。도란도란 한일 교류 축제 2025년 10월 12일 (일)、「」〜ー';
  const cases = [
    { name: 'JP regular', file: 'regular', index: 0 },
    { name: 'KR regular', file: 'regular', index: 1 },
    { name: 'JP bold', file: 'bold', index: 0 },
  ] as const;

  for (const { name, file, index } of cases) {
    it(`${name}: every glyph draws as in the font, keeps its CID, and the subset needs no subroutines`, () => {
      const bytes = bytesOf[file];
      const tables = tableDirectory(bytes, index);
      const cff = tableBytes(bytes, tables, 'CFF ')!;
      const face = ShapingFace.open(files[file], bytes, index);
      const shaped = [...new Set(face.shape(text).glyphs)];
      const spread = Array.from({ length: 60 }, (_, i) => 1 + ((i * 1093) % (face.metrics.numGlyphs - 1)));
      const glyphs = [...new Set([...shaped, ...spread, face.metrics.numGlyphs - 1])].sort((a, b) => a - b);

      const subset = new CidCff(cff).subset(glyphs);
      const kept = [0, ...glyphs];
      const source = drawing(sfntAround(cff, tableBytes(bytes, tables, 'head')!, face.metrics.numGlyphs));
      const cut = drawing(sfntAround(subset, tableBytes(bytes, tables, 'head')!, kept.length));
      kept.forEach((glyph, newGlyph) => {
        expect(cut.glyphToPath(newGlyph), `glyph ${glyph}`).toBe(source.glyphToPath(glyph));
      });
      // Not a comparison of empty drawings: all but a space or two have outlines.
      expect(shaped.filter((glyph) => source.glyphToPath(glyph) === '').length).toBeLessThanOrEqual(2);

      const cids = cffGlyphCids(cff);
      expect([...cffGlyphCids(subset)]).toEqual(kept.map((glyph) => cids[glyph]));
      // Global Subr INDEX (count 0) right after the String INDEX: the subset calls no subroutine.
      expect(subset.length).toBeLessThan(cff.length / 20);
    });
  }

  it('is no larger than harfbuzz’s subset of the same glyphs, for the text of the shipped data', () => {
    const bytes = bytesOf.regular;
    const face = ShapingFace.open(files.regular, bytes, 0);
    const dataDir = join(import.meta.dirname, '..', '..', 'data', 'seoul');
    const text = readdirSync(dataDir).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(join(dataDir, f), 'utf8')).join('');
    const glyphs = [...new Set(face.shape(text).glyphs)].sort((a, b) => a - b);
    expect(glyphs.length).toBeGreaterThan(500);
    const ours = new CidCff(tableBytes(bytes, tableDirectory(bytes, 0), 'CFF ')!).subset(glyphs);
    const theirs = cffTableOf(subsetGlyphs(bytes, files.regular, 0, glyphs, { retainGids: false, cffOnly: true }));
    expect(ours.length).toBeLessThanOrEqual(theirs.length);
  });

  it('refuses what it does not know, so that harfbuzz cuts the subset instead', () => {
    const bytes = bytesOf.regular;
    const cff = new Uint8Array(tableBytes(bytes, tableDirectory(bytes, 0), 'CFF ')!);
    expect(() => new CidCff(cff).subset([cffGlyphCids(cff).length])).toThrow(UnsupportedCff);
    // A CFF table whose Top DICT has no ROS is name-keyed.
    expect(() => new CidCff(Uint8Array.of(1, 0, 4, 1, /* Name */ 0, 1, 1, 1, 2, 0x41, /* Top DICT, empty */ 0, 1, 1, 1, 1, /* String */ 0, 0, /* Global Subr */ 0, 0))).toThrow(UnsupportedCff);
  });
});
