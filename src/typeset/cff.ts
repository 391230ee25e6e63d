// Reading the structures of a CFF table (Compact Font Format, the outlines of OpenType/CFF fonts): INDEXes,
// DICTs and charsets, by offset, without reading more of the table than is asked for. The subsetter
// (cff-subset.ts) and the face reader (sfnt.ts) use them.

/** A CFF structure clair cannot read, or a kind of CFF font it does not handle. */
export class UnsupportedCff extends Error {}

export interface CffIndex {
  count: number;
  offSize: number;
  /** Where the offset array starts. */
  offsets: number;
  /** Offsets are relative to the byte before the data. */
  base: number;
  /** First byte after the INDEX. */
  end: number;
}

export interface DictEntry {
  operator: number;
  /** Operand values (reals read as 0: clair only reads offsets and counts). */
  operands: number[];
  /** The operands as written, copied into the subset unless the operator is an offset the subset rewrites. */
  raw: Uint8Array;
}

export const ROS = 1230;
export const FD_ARRAY = 1236;
export const FD_SELECT = 1237;
export const CHARSET = 15;
export const ENCODING = 16;
export const CHAR_STRINGS = 17;
export const PRIVATE = 18;
export const SUBRS = 19;

export function uint(bytes: Uint8Array, at: number, size: number): number {
  let value = 0;
  for (let i = 0; i < size; i++) value = value * 256 + bytes[at + i]!;
  return value;
}

export function readIndex(cff: Uint8Array, at: number): CffIndex {
  if (at + 2 > cff.length) throw new UnsupportedCff('INDEX outside the table');
  const count = uint(cff, at, 2);
  if (count === 0) return { count, offSize: 0, offsets: at + 2, base: 0, end: at + 2 };
  const offSize = cff[at + 2]!;
  if (offSize < 1 || offSize > 4) throw new UnsupportedCff(`INDEX with offSize ${offSize}`);
  const offsets = at + 3;
  const base = offsets + (count + 1) * offSize - 1;
  const end = base + uint(cff, offsets + count * offSize, offSize);
  if (end > cff.length) throw new UnsupportedCff('INDEX outside the table');
  return { count, offSize, offsets, base, end };
}

/** [start, end) of item `i` of an INDEX. */
export function item(cff: Uint8Array, index: CffIndex, i: number): [number, number] {
  const at = index.offsets + i * index.offSize;
  return [index.base + uint(cff, at, index.offSize), index.base + uint(cff, at + index.offSize, index.offSize)];
}

export function readDict(cff: Uint8Array, start: number, end: number): DictEntry[] {
  const entries: DictEntry[] = [];
  let operands: number[] = [];
  let from = start;
  let i = start;
  while (i < end) {
    const b0 = cff[i]!;
    if (b0 <= 21) {
      const operator = b0 === 12 ? 1200 + cff[i + 1]! : b0;
      entries.push({ operator, operands, raw: cff.subarray(from, i) });
      i += b0 === 12 ? 2 : 1;
      from = i;
      operands = [];
    } else if (b0 === 28) {
      operands.push((cff[i + 1]! << 24 >> 16) | cff[i + 2]!);
      i += 3;
    } else if (b0 === 29) {
      operands.push((cff[i + 1]! << 24) | (cff[i + 2]! << 16) | (cff[i + 3]! << 8) | cff[i + 4]!);
      i += 5;
    } else if (b0 === 30) {
      i++;
      while (i < end && (cff[i]! & 0x0f) !== 0x0f && (cff[i]! & 0xf0) !== 0xf0) i++;
      i++;
      operands.push(0);
    } else if (b0 >= 32 && b0 <= 246) {
      operands.push(b0 - 139);
      i++;
    } else if (b0 >= 247 && b0 <= 250) {
      operands.push((b0 - 247) * 256 + cff[i + 1]! + 108);
      i += 2;
    } else if (b0 >= 251 && b0 <= 254) {
      operands.push(-(b0 - 251) * 256 - cff[i + 1]! - 108);
      i += 2;
    } else {
      throw new UnsupportedCff(`DICT byte ${b0}`);
    }
  }
  return entries;
}

export const entry = (entries: DictEntry[], operator: number) => entries.find((e) => e.operator === operator);

/** glyph → CID from a charset (format 0, 1 or 2). */
export function charsetReader(cff: Uint8Array, at: number, glyphs: number): (glyph: number) => number {
  // Predefined charsets belong to name-keyed fonts; a CID font without one maps glyph to CID one to one.
  if (at <= 2) return (glyph) => glyph;
  const format = cff[at]!;
  if (format === 0) return (glyph) => (glyph === 0 ? 0 : uint(cff, at + 1 + (glyph - 1) * 2, 2));
  if (format !== 1 && format !== 2) throw new UnsupportedCff(`charset format ${format}`);
  // Ranges: glyphs of each range are consecutive; note where each range's first glyph is.
  const firstGlyph: number[] = [];
  const firstCid: number[] = [];
  let p = at + 1;
  let glyph = 1;
  while (glyph < glyphs) {
    firstGlyph.push(glyph);
    firstCid.push(uint(cff, p, 2));
    const left = format === 1 ? cff[p + 2]! : uint(cff, p + 2, 2);
    p += format === 1 ? 3 : 4;
    glyph += left + 1;
  }
  return (g) => {
    if (g === 0) return 0;
    let low = 0;
    let high = firstGlyph.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (firstGlyph[mid]! <= g) low = mid;
      else high = mid - 1;
    }
    return firstCid[low]! + (g - firstGlyph[low]!);
  };
}

/** The Top DICT of a CFF table holding one font. */
export function topDict(cff: Uint8Array): DictEntry[] {
  const names = readIndex(cff, cff[2]!);
  const tops = readIndex(cff, names.end);
  if (tops.count < 1) throw new UnsupportedCff('the CFF table has no Top DICT');
  return readDict(cff, ...item(cff, tops, 0));
}

export function cffIsCidKeyed(cff: Uint8Array): boolean {
  return entry(topDict(cff), ROS) !== undefined;
}

/**
 * The CID of every glyph of a CID-keyed CFF table (index = glyph id), from its charset. A PDF shows the glyphs of
 * such a font by CID, and clair's subsets keep each glyph's CID, so text written before the subset exists stays
 * valid.
 */
export function cffGlyphCids(cff: Uint8Array): Uint32Array {
  const top = topDict(cff);
  const charStrings = entry(top, CHAR_STRINGS)?.operands[0];
  if (charStrings === undefined) throw new UnsupportedCff('the CFF table has no CharStrings');
  const cids = new Uint32Array(uint(cff, charStrings, 2));
  const cidOf = charsetReader(cff, entry(top, CHARSET)?.operands[0] ?? 0, cids.length);
  for (let glyph = 0; glyph < cids.length; glyph++) cids[glyph] = cidOf(glyph);
  return cids;
}
