// Subsets of CID-keyed CFF fonts (the Noto Sans CJK faces) for embedding in a PDF, cut in JavaScript. harfbuzz's
// subsetter prepares the whole 65,535-glyph font for every subset (10–20 ms each, ten subsets a brochure) before it
// copies a glyph; every CFF structure is random-access, so this reads only the glyphs it keeps. Their subroutines
// are inlined (the subset needs none, and the Japanese edition's subset came out no larger), hints are kept, and
// each glyph keeps its CID. What is written is the bare CFF table a PDF embeds (FontFile3, CIDFontType0C).
//
// Anything this does not know (a name-keyed font, a charstring using the deprecated arithmetic operators) throws
// UnsupportedCff; the caller then lets harfbuzz cut the subset.
import {
  CHAR_STRINGS, CHARSET, charsetReader, ENCODING, entry, FD_ARRAY, FD_SELECT, item, PRIVATE, readDict, readIndex, ROS, SUBRS,
  uint, UnsupportedCff, type CffIndex, type DictEntry,
} from './cff.js';

export { UnsupportedCff };

/** A font DICT of the FDArray with its Private DICT (less its Subrs) and local subroutines. */
interface FontDict {
  entries: DictEntry[];
  privateEntries: DictEntry[];
  subrs?: CffIndex;
  bias: number;
}

function subrBias(count: number): number {
  return count < 1240 ? 107 : count < 33900 ? 1131 : 32768;
}

/** Bytes written in order; grows as needed. */
class Output {
  bytes: Uint8Array;
  length = 0;

  constructor(size = 256) {
    this.bytes = new Uint8Array(size);
  }

  private room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  push(byte: number): void {
    this.room(1);
    this.bytes[this.length++] = byte;
  }

  copy(source: Uint8Array, start: number, end: number): void {
    this.room(end - start);
    this.bytes.set(source.subarray(start, end), this.length);
    this.length += end - start;
  }

  take(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** A DICT with its offsets (operators in `offsets`) written as 5-byte integers, so its size does not depend on them. */
function encodeDict(entries: DictEntry[], offsets: Map<number, number[]>): Uint8Array {
  const out = new Output();
  for (const e of entries) {
    const rewritten = offsets.get(e.operator);
    if (rewritten) {
      for (const value of rewritten) {
        out.push(29);
        out.push((value >>> 24) & 0xff);
        out.push((value >>> 16) & 0xff);
        out.push((value >>> 8) & 0xff);
        out.push(value & 0xff);
      }
    } else {
      out.copy(e.raw, 0, e.raw.length);
    }
    if (e.operator >= 1200) {
      out.push(12);
      out.push(e.operator - 1200);
    } else {
      out.push(e.operator);
    }
  }
  return out.take();
}

function encodeIndex(items: Uint8Array[]): Uint8Array {
  if (items.length === 0) return new Uint8Array(2);
  const dataLength = items.reduce((sum, i) => sum + i.length, 0);
  const offSize = dataLength + 1 < 0x100 ? 1 : dataLength + 1 < 0x10000 ? 2 : dataLength + 1 < 0x1000000 ? 3 : 4;
  const out = new Uint8Array(3 + (items.length + 1) * offSize + dataLength);
  out[0] = items.length >> 8;
  out[1] = items.length & 0xff;
  out[2] = offSize;
  let offset = 1;
  let at = 3;
  let data = 3 + (items.length + 1) * offSize;
  const writeOffset = () => {
    for (let k = offSize - 1; k >= 0; k--) out[at++] = (offset >>> (8 * k)) & 0xff;
  };
  for (const it of items) {
    writeOffset();
    out.set(it, data);
    data += it.length;
    offset += it.length;
  }
  writeOffset();
  return out;
}

/** A CID-keyed CFF table, read once, from which subsets are cut. */
export class CidCff {
  private readonly header: Uint8Array;
  private readonly names: Uint8Array;
  private readonly strings: Uint8Array;
  private readonly top: DictEntry[];
  private readonly charStrings: CffIndex;
  private readonly globalSubrs: CffIndex;
  private readonly globalBias: number;
  private readonly fonts: FontDict[];
  private readonly fdSelect: (glyph: number) => number;
  private readonly cids: (glyph: number) => number;

  private readonly cff: Uint8Array;

  constructor(table: Uint8Array) {
    // A plain view: slices of a Node Buffer are Buffers, which cost more to make.
    const cff = (this.cff = new Uint8Array(table.buffer, table.byteOffset, table.byteLength));
    const headerSize = cff[2]!;
    this.header = cff.subarray(0, 2);
    const names = readIndex(cff, headerSize);
    this.names = cff.subarray(headerSize, names.end);
    const tops = readIndex(cff, names.end);
    if (tops.count !== 1) throw new UnsupportedCff(`${tops.count} fonts in one CFF table`);
    this.top = readDict(cff, ...item(cff, tops, 0));
    const strings = readIndex(cff, tops.end);
    this.strings = cff.subarray(tops.end, strings.end);
    this.globalSubrs = readIndex(cff, strings.end);
    this.globalBias = subrBias(this.globalSubrs.count);

    const offsetOf = (operator: number) => {
      const found = entry(this.top, operator)?.operands[0];
      if (found === undefined) throw new UnsupportedCff(`no Top DICT operator ${operator}`);
      return found;
    };
    if (!entry(this.top, ROS)) throw new UnsupportedCff('not CID-keyed');
    if (entry(this.top, ENCODING) || entry(this.top, PRIVATE)) throw new UnsupportedCff('name-keyed parts in a CID font');
    this.charStrings = readIndex(cff, offsetOf(CHAR_STRINGS));

    const fdArray = readIndex(cff, offsetOf(FD_ARRAY));
    this.fonts = [];
    for (let fd = 0; fd < fdArray.count; fd++) {
      const entries = readDict(cff, ...item(cff, fdArray, fd));
      const [size, offset] = entry(entries, PRIVATE)?.operands ?? [];
      if (size === undefined || offset === undefined) throw new UnsupportedCff('a font DICT without Private');
      const privateAll = readDict(cff, offset, offset + size);
      const subrsAt = entry(privateAll, SUBRS)?.operands[0];
      const subrs = subrsAt === undefined ? undefined : readIndex(cff, offset + subrsAt);
      this.fonts.push({ entries, privateEntries: privateAll.filter((e) => e.operator !== SUBRS), subrs, bias: subrBias(subrs?.count ?? 0) });
    }

    const select = offsetOf(FD_SELECT);
    const format = cff[select];
    if (format === 0) {
      this.fdSelect = (glyph) => cff[select + 1 + glyph]!;
    } else if (format === 3) {
      const ranges = uint(cff, select + 1, 2);
      this.fdSelect = (glyph) => {
        // Ranges ascend by first glyph: find the last one starting at or before `glyph`.
        let low = 0;
        let high = ranges - 1;
        while (low < high) {
          const mid = (low + high + 1) >> 1;
          if (uint(cff, select + 3 + mid * 3, 2) <= glyph) low = mid;
          else high = mid - 1;
        }
        return cff[select + 3 + low * 3 + 2]!;
      };
    } else {
      throw new UnsupportedCff(`FDSelect format ${format}`);
    }

    const charset = offsetOf(CHARSET);
    this.cids = charsetReader(cff, charset, this.charStrings.count);
  }

  /** Glyph ids of the source (ascending, .notdef added) → a CFF table holding just these glyphs, by CID. */
  subset(glyphs: Iterable<number>): Uint8Array {
    const kept = [...new Set([0, ...glyphs])].sort((a, b) => a - b);
    if (kept[kept.length - 1]! >= this.charStrings.count) throw new UnsupportedCff('glyph id outside the font');

    const fds = kept.map(this.fdSelect);
    const flattener = new Flattener(this.cff, this.globalSubrs, this.globalBias);
    kept.forEach((glyph, i) => {
      const font = this.fonts[fds[i]!];
      if (!font) throw new UnsupportedCff('FDSelect names a missing font DICT');
      const [start, end] = item(this.cff, this.charStrings, glyph);
      flattener.flatten(start, end, font.subrs, font.bias);
    });
    const charStrings = flattener.index();
    const charset = encodeCharset(kept.slice(1).map(this.cids));
    const fdSelect = encodeFdSelect(fds);

    // Layout: header, Name, Top DICT, String and (empty) Global Subr INDEXes, charset, FDSelect, CharStrings,
    // FDArray, then the Private DICTs. DICT offsets are fixed-size, so sizes are known before the offsets are.
    const privates = this.fonts.map((font) => encodeDict(font.privateEntries, new Map()));
    const placeholder = new Map([[CHARSET, [0]], [FD_SELECT, [0]], [CHAR_STRINGS, [0]], [FD_ARRAY, [0]]]);
    const topSize = encodeIndex([encodeDict(this.top, placeholder)]).length;
    const globalSubrs = encodeIndex([]);
    const charsetAt = 4 + this.names.length + topSize + this.strings.length + globalSubrs.length;
    const fdSelectAt = charsetAt + charset.length;
    const charStringsAt = fdSelectAt + fdSelect.length;
    const fdArrayAt = charStringsAt + charStrings.length;
    const fontDicts = (privateAt: (fd: number) => number) =>
      this.fonts.map((font, fd) => encodeDict(font.entries, new Map([[PRIVATE, [privates[fd]!.length, privateAt(fd)]]])));
    const fdArraySize = encodeIndex(fontDicts(() => 0)).length;
    const privateOffsets: number[] = [];
    let at = fdArrayAt + fdArraySize;
    for (const p of privates) {
      privateOffsets.push(at);
      at += p.length;
    }
    const top = encodeIndex([encodeDict(this.top, new Map([[CHARSET, [charsetAt]], [FD_SELECT, [fdSelectAt]], [CHAR_STRINGS, [charStringsAt]], [FD_ARRAY, [fdArrayAt]]]))]);
    const fdArray = encodeIndex(fontDicts((fd) => privateOffsets[fd]!));

    const parts = [Uint8Array.of(this.header[0]!, this.header[1]!, 4, 4), this.names, top, this.strings, globalSubrs, charset, fdSelect, charStrings, fdArray, ...privates];
    const out = new Uint8Array(at);
    let offset = 0;
    for (const part of parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }
}

/** A charset for the subset's glyphs after .notdef: format 2 ranges, or format 0 when that is shorter. */
function encodeCharset(cids: number[]): Uint8Array {
  const ranges: [number, number][] = [];
  for (const cid of cids) {
    const last = ranges[ranges.length - 1];
    if (last && cid === last[0] + last[1] + 1 && last[1] < 0xffff) last[1]++;
    else ranges.push([cid, 0]);
  }
  if (1 + ranges.length * 4 < 1 + cids.length * 2) {
    const out = new Uint8Array(1 + ranges.length * 4);
    out[0] = 2;
    ranges.forEach(([first, left], i) => {
      out[1 + i * 4] = first >> 8;
      out[2 + i * 4] = first & 0xff;
      out[3 + i * 4] = left >> 8;
      out[4 + i * 4] = left & 0xff;
    });
    return out;
  }
  const out = new Uint8Array(1 + cids.length * 2);
  cids.forEach((cid, i) => {
    out[1 + i * 2] = cid >> 8;
    out[2 + i * 2] = cid & 0xff;
  });
  return out;
}

/** FDSelect format 3: ranges of consecutive glyphs in one font DICT. */
function encodeFdSelect(fds: number[]): Uint8Array {
  const ranges: [number, number][] = [];
  fds.forEach((fd, glyph) => {
    if (ranges.length === 0 || ranges[ranges.length - 1]![1] !== fd) ranges.push([glyph, fd]);
  });
  const out = new Uint8Array(1 + 2 + ranges.length * 3 + 2);
  out[0] = 3;
  out[1] = ranges.length >> 8;
  out[2] = ranges.length & 0xff;
  ranges.forEach(([first, fd], i) => {
    out[3 + i * 3] = first >> 8;
    out[4 + i * 3] = first & 0xff;
    out[5 + i * 3] = fd;
  });
  out[3 + ranges.length * 3] = fds.length >> 8;
  out[4 + ranges.length * 3] = fds.length & 0xff;
  return out;
}

/**
 * Inlines the subroutines of Type 2 charstrings. Hint masks are as long as the stem hints declared before them, so
 * stems are counted on the way; the operands a subroutine leaves on the stack stay where they were written. Bytes
 * are copied a stretch at a time: only a subroutine call (and its number), a return and endchar end a stretch.
 */
class Flattener {
  /** The flattened charstrings, one after the other; `ends` says where each ends. */
  private readonly out = new Output(1 << 16);
  private readonly ends: number[] = [];
  private stems = 0;
  private stack = 0;
  private ended = false;

  constructor(private readonly cff: Uint8Array, private readonly globalSubrs: CffIndex, private readonly globalBias: number) {}

  /** Appends the charstring at [start, end) with its subroutines inlined. */
  flatten(start: number, end: number, localSubrs: CffIndex | undefined, localBias: number): void {
    this.stems = 0;
    this.stack = 0;
    this.ended = false;
    this.run(start, end, localSubrs, localBias, 0);
    this.ends.push(this.out.length);
  }

  /** The charstrings flattened so far as a CFF INDEX. */
  index(): Uint8Array {
    const { ends } = this;
    const dataLength = this.out.length;
    if (ends.length === 0) return new Uint8Array(2);
    const offSize = dataLength + 1 < 0x100 ? 1 : dataLength + 1 < 0x10000 ? 2 : dataLength + 1 < 0x1000000 ? 3 : 4;
    const header = 3 + (ends.length + 1) * offSize;
    const out = new Uint8Array(header + dataLength);
    out[0] = ends.length >> 8;
    out[1] = ends.length & 0xff;
    out[2] = offSize;
    for (let i = 0; i <= ends.length; i++) {
      const offset = 1 + (i === 0 ? 0 : ends[i - 1]!);
      for (let k = 0; k < offSize; k++) out[3 + i * offSize + k] = (offset >>> (8 * (offSize - 1 - k))) & 0xff;
    }
    out.set(this.out.bytes.subarray(0, dataLength), header);
    return out;
  }

  private run(start: number, end: number, localSubrs: CffIndex | undefined, localBias: number, depth: number): void {
    if (depth > 10) throw new UnsupportedCff('subroutines nested more than 10 deep');
    const cs = this.cff;
    let stretch = start;
    /** Where the last operand starts (-1 after an operator) and its value, for a subroutine call to take. */
    let numberAt = -1;
    let value = 0;
    let i = start;
    while (i < end) {
      const b0 = cs[i]!;
      if (b0 >= 32) {
        numberAt = i;
        if (b0 <= 246) {
          value = b0 - 139;
          i++;
        } else if (b0 <= 250) {
          value = (b0 - 247) * 256 + cs[i + 1]! + 108;
          i += 2;
        } else if (b0 <= 254) {
          value = -(b0 - 251) * 256 - cs[i + 1]! - 108;
          i += 2;
        } else {
          value = ((cs[i + 1]! << 24) | (cs[i + 2]! << 16) | (cs[i + 3]! << 8) | cs[i + 4]!) / 65536;
          i += 5;
        }
        this.stack++;
        continue;
      }
      if (b0 === 28) {
        numberAt = i;
        value = (cs[i + 1]! << 24 >> 16) | cs[i + 2]!;
        i += 3;
        this.stack++;
        continue;
      }
      if (b0 === 10 || b0 === 29) {
        // callsubr / callgsubr: the number before it is the subroutine's, not the glyph's.
        if (numberAt < 0 || !Number.isInteger(value)) throw new UnsupportedCff('a computed subroutine number');
        this.out.copy(cs, stretch, numberAt);
        this.stack--;
        const subrs = b0 === 10 ? localSubrs : this.globalSubrs;
        const index = value + (b0 === 10 ? localBias : this.globalBias);
        if (!subrs || index < 0 || index >= subrs.count) throw new UnsupportedCff(`subroutine ${index} out of range`);
        const [subrStart, subrEnd] = item(cs, subrs, index);
        this.run(subrStart, subrEnd, localSubrs, localBias, depth + 1);
        if (this.ended) return;
        i++;
        stretch = i;
        numberAt = -1;
        continue;
      }
      numberAt = -1;
      if (b0 === 11) {
        // return
        this.out.copy(cs, stretch, i);
        return;
      }
      if (b0 === 14) {
        // endchar ends the glyph, inside a subroutine too.
        this.out.copy(cs, stretch, i + 1);
        this.ended = true;
        return;
      }
      if (b0 === 1 || b0 === 3 || b0 === 18 || b0 === 23) {
        // hstem, vstem, hstemhm, vstemhm: pairs of operands (an odd one first is the width).
        this.stems += this.stack >> 1;
        i++;
      } else if (b0 === 19 || b0 === 20) {
        // hintmask, cntrmask: operands before it are an implied vstem; the mask bytes follow the operator.
        this.stems += this.stack >> 1;
        i += 1 + ((this.stems + 7) >> 3);
      } else if (b0 === 12) {
        const b1 = cs[i + 1]!;
        // Only the flex operators are in use; the arithmetic and storage ones would need the operand values.
        if (b1 < 34 || b1 > 37) throw new UnsupportedCff(`charstring operator 12 ${b1}`);
        i += 2;
      } else if (b0 === 0 || b0 === 2 || b0 === 9 || b0 === 13 || b0 === 15 || b0 === 16 || b0 === 17) {
        throw new UnsupportedCff(`reserved charstring operator ${b0}`);
      } else {
        i++;
      }
      this.stack = 0;
    }
    this.out.copy(cs, stretch, end);
  }
}
