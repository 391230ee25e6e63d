// Extracts one face of a font collection (.ttc/.otc) into a standalone OpenType font in memory. harfbuzz (through
// subset-font) only subsets the first face of a collection, and the web needs Korean and Chinese faces too.
// A collection starts with a 'ttcf' header listing, per face, the offset of that face's table directory; the
// tables themselves may be shared between faces. The face's tables are copied into a fresh sfnt with its own
// directory, 4-byte alignment, table checksums and head.checkSumAdjustment, in tag order, so the same input
// always gives the same bytes.

const TTC_TAG = 0x74746366; // 'ttcf'

export function isCollection(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && view(bytes).getUint32(0) === TTC_TAG;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Offsets of each face's table directory inside the collection. */
export function collectionFaceOffsets(bytes: Uint8Array): number[] {
  if (!isCollection(bytes)) throw new Error('not a font collection (no ttcf header)');
  const data = view(bytes);
  const count = data.getUint32(8);
  if (12 + count * 4 > bytes.length) throw new Error('font collection header is truncated');
  return Array.from({ length: count }, (_, i) => data.getUint32(12 + i * 4));
}

function checksum(bytes: Uint8Array): number {
  const data = view(bytes);
  // Summed as signed 32-bit integers, which wrap as the unsigned sum does: a uint32 above 2^31 is a heap number
  // in V8's unoptimized code, and this loop runs over megabytes before the optimizer reaches it.
  let sum = 0;
  const whole = bytes.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + data.getInt32(i)) | 0;
  if (whole < bytes.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (i < bytes.length ? bytes[i]! : 0);
    sum = (sum + last) | 0;
  }
  return sum >>> 0;
}

/** The face at `index` of a collection as a standalone sfnt (OpenType/CFF or TrueType, whichever it is). */
export function extractCollectionFace(bytes: Uint8Array, index: number): Buffer {
  collectionFaceOffsets(bytes);
  return standaloneFace(bytes, index);
}

/**
 * Face `index` of a font file (a collection or a single font, then index 0) as a standalone sfnt, without the
 * tables tagged in `leaveOut`.
 */
export function standaloneFace(bytes: Uint8Array, index: number, leaveOut: ReadonlySet<string> = new Set()): Buffer {
  const offsets = isCollection(bytes) ? collectionFaceOffsets(bytes) : [0];
  const directory = offsets[index];
  if (directory === undefined) throw new Error(`the font file has ${offsets.length} faces; there is no face ${index}`);
  const data = view(bytes);
  const numTables = data.getUint16(directory + 4);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < numTables; i++) {
    const at = directory + 12 + i * 16;
    const offset = data.getUint32(at + 8);
    const length = data.getUint32(at + 12);
    if (offset + length > bytes.length) throw new Error('font collection table lies outside the file');
    const tag = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
    // A signature of the collection does not sign the extracted face.
    if (tag !== 'DSIG' && !leaveOut.has(tag)) tables.set(tag, bytes.subarray(offset, offset + length));
  }
  return writeSfnt(data.getUint32(directory), tables);
}

/**
 * An sfnt of these tables: tag order, 4-byte alignment, table checksums and head.checkSumAdjustment, so the same
 * tables always give the same bytes.
 */
export function writeSfnt(sfntVersion: number, tables: ReadonlyMap<string, Uint8Array>): Buffer {
  const records = [...tables].map(([tag, table]) => ({ tag: tagValue(tag), table })).sort((a, b) => a.tag - b.tag);
  const headerLength = 12 + records.length * 16;
  const padded = (length: number) => (length + 3) & ~3;
  const total = records.reduce((sum, r) => sum + padded(r.table.length), headerLength);
  const out = Buffer.alloc(total);
  const outView = view(out);

  let power = 1;
  let log = 0;
  while (power * 2 <= records.length) {
    power *= 2;
    log++;
  }
  outView.setUint32(0, sfntVersion);
  outView.setUint16(4, records.length);
  outView.setUint16(6, power * 16);
  outView.setUint16(8, log);
  outView.setUint16(10, records.length * 16 - power * 16);

  let offset = headerLength;
  let headOffset = -1;
  records.forEach((record, i) => {
    const table = out.subarray(offset, offset + record.table.length);
    table.set(record.table);
    if (record.tag === 0x68656164 /* head */) {
      headOffset = offset;
      // checkSumAdjustment is computed over the whole font with this field zeroed.
      view(table).setUint32(8, 0);
    }
    const at = 12 + i * 16;
    outView.setUint32(at, record.tag);
    outView.setUint32(at + 4, checksum(table));
    outView.setUint32(at + 8, offset);
    outView.setUint32(at + 12, record.table.length);
    offset += padded(record.table.length);
  });
  if (headOffset >= 0) outView.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

function tagValue(tag: string): number {
  return ((tag.charCodeAt(0) << 24) | (tag.charCodeAt(1) << 16) | (tag.charCodeAt(2) << 8) | tag.charCodeAt(3)) >>> 0;
}
