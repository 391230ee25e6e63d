// Subsets of TrueType faces (Noto Sans, for Latin text) for embedding in a PDF, cut in JavaScript as the CJK ones
// are (cff-subset.ts): a PDF-only build then never loads harfbuzz's subsetter, whose start and first cut cost
// ~45 ms for a few dozen Latin glyphs. Glyphs keep their ids (the PDF's text is written by glyph id, CIDToGIDMap
// Identity); the others are left empty. Only what a PDF reads of a TrueType program is written: outlines, their
// metrics and the hinting programs, as pdfkit's own subsets hold.
//
// A variable font throws UnsupportedTrueType (a PDF shows its default instance, which harfbuzz cuts instead).
import { tableBytes, tableDirectory } from './sfnt.js';
import { writeSfnt } from './ttc.js';

export class UnsupportedTrueType extends Error {}

/** Tables a PDF's TrueType program needs; the hinting ones are copied when the font has them. */
const COPIED = ['cvt ', 'fpgm', 'prep', 'hhea', 'maxp'];

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A subset of face `index` of a TrueType font file holding `glyphs` (and their components) at their own ids. */
export function subsetTrueType(bytes: Uint8Array, index: number, glyphs: Iterable<number>): Buffer {
  const tables = tableDirectory(bytes, index);
  const table = (tag: string) => tableBytes(bytes, tables, tag);
  if (table('fvar') || table('gvar')) throw new UnsupportedTrueType('a variable font');
  const head = table('head');
  const maxp = table('maxp');
  const loca = table('loca');
  const glyf = table('glyf');
  const hhea = table('hhea');
  const hmtx = table('hmtx');
  if (!head || !maxp || !loca || !glyf || !hhea || !hmtx) throw new UnsupportedTrueType('not a TrueType font');
  const glyphCount = view(maxp).getUint16(4);
  const longOffsets = view(head).getInt16(50) === 1;
  const locaView = view(loca);
  const glyfView = view(glyf);
  const offsetOf = (glyph: number) => (longOffsets ? locaView.getUint32(glyph * 4) : locaView.getUint16(glyph * 2) * 2);
  if (loca.length < (glyphCount + 1) * (longOffsets ? 4 : 2)) throw new UnsupportedTrueType('loca is too short');

  // The glyphs asked for, .notdef, and the components of composite glyphs (which may be composite themselves).
  const kept = new Set<number>();
  const pending = [0, ...glyphs];
  while (pending.length > 0) {
    const glyph = pending.pop()!;
    if (kept.has(glyph)) continue;
    if (glyph >= glyphCount) throw new UnsupportedTrueType(`glyph ${glyph} outside the font`);
    kept.add(glyph);
    const start = offsetOf(glyph);
    const end = offsetOf(glyph + 1);
    if (end - start < 10 || glyfView.getInt16(start) >= 0) continue;
    let at = start + 10;
    for (;;) {
      const flags = glyfView.getUint16(at);
      pending.push(glyfView.getUint16(at + 2));
      at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      if (flags & WE_HAVE_A_SCALE) at += 2;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
      else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
      if (!(flags & MORE_COMPONENTS)) break;
    }
  }

  // glyf and long-offset loca: the kept glyphs' data, 4-byte aligned; every other glyph empty.
  const order = [...kept].sort((a, b) => a - b);
  const padded = (n: number) => (n + 3) & ~3;
  const newGlyf = new Uint8Array(order.reduce((sum, glyph) => sum + padded(offsetOf(glyph + 1) - offsetOf(glyph)), 0));
  const newLoca = new Uint8Array((glyphCount + 1) * 4);
  const locaOut = view(newLoca);
  let offset = 0;
  let next = 0;
  for (let glyph = 0; glyph <= glyphCount; glyph++) {
    locaOut.setUint32(glyph * 4, offset);
    if (glyph === order[next]) {
      const start = offsetOf(glyph);
      const end = offsetOf(glyph + 1);
      newGlyf.set(glyf.subarray(start, end), offset);
      offset += padded(end - start);
      next++;
    }
  }

  // hmtx keeps the kept glyphs' metrics and zeroes the rest (it then compresses to almost nothing).
  const metricsCount = view(hhea).getUint16(34);
  const newHmtx = new Uint8Array(hmtx.length);
  for (const glyph of order) {
    const at = glyph < metricsCount ? glyph * 4 : metricsCount * 4 + (glyph - metricsCount) * 2;
    const size = glyph < metricsCount ? 4 : 2;
    newHmtx.set(hmtx.subarray(at, at + size), at);
  }

  const newHead = head.slice();
  view(newHead).setInt16(50, 1);
  const out = new Map<string, Uint8Array>([['head', newHead], ['loca', newLoca], ['glyf', newGlyf], ['hmtx', newHmtx]]);
  for (const tag of COPIED) {
    const found = table(tag);
    if (found) out.set(tag, found);
  }
  return writeSfnt(0x00010000, out);
}
