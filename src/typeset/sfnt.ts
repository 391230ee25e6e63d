// Reads the few facts about a font face that clair needs besides shaping: where its tables are (inside a collection
// too), its PostScript name, the metrics a PDF font descriptor carries, its outline format and, for a CID-keyed CFF
// font, which CID each glyph has. These are fixed-offset reads of small tables; harfbuzz does the heavy work.
import { cffIsCidKeyed } from './cff.js';
import { isCollection, collectionFaceOffsets } from './ttc.js';

export { cffGlyphCids } from './cff.js';

export interface TableRecord {
  offset: number;
  length: number;
}

/** Outline formats, as a PDF embeds them: CID-keyed CFF keeps its CIDs, the others are addressed by glyph id. */
export type Outlines = 'cff-cid' | 'cff' | 'truetype';

export interface FaceMetrics {
  postscriptName: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  lineGap: number;
  xHeight: number;
  capHeight: number;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  italicAngle: number;
  isFixedPitch: boolean;
  familyClass: number;
  italic: boolean;
  numGlyphs: number;
  outlines: Outlines;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The table directory of face `index` (0 for a single font). */
export function tableDirectory(bytes: Uint8Array, index: number): Map<string, TableRecord> {
  const offsets = isCollection(bytes) ? collectionFaceOffsets(bytes) : [0];
  const at = offsets[index];
  if (at === undefined) throw new Error(`the font file has ${offsets.length} faces; there is no face ${index}`);
  const data = view(bytes);
  if (at + 12 > bytes.length) throw new Error('the font file is truncated (table directory)');
  const count = data.getUint16(at + 4);
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < count; i++) {
    const record = at + 12 + i * 16;
    if (record + 16 > bytes.length) throw new Error('the font file is truncated (table directory)');
    const tag = String.fromCharCode(bytes[record]!, bytes[record + 1]!, bytes[record + 2]!, bytes[record + 3]!);
    const offset = data.getUint32(record + 8);
    const length = data.getUint32(record + 12);
    if (offset + length > bytes.length) throw new Error(`the font file's ${tag.trim()} table lies outside the file`);
    tables.set(tag, { offset, length });
  }
  return tables;
}

/** The bytes of one table (a view, not a copy), or undefined when the face has none. */
export function tableBytes(bytes: Uint8Array, tables: Map<string, TableRecord>, tag: string): Uint8Array | undefined {
  const record = tables.get(tag);
  return record ? bytes.subarray(record.offset, record.offset + record.length) : undefined;
}

/** Number of faces in a font file: 1 for a single font. */
export function faceCount(bytes: Uint8Array): number {
  return isCollection(bytes) ? collectionFaceOffsets(bytes).length : 1;
}

/** The PostScript name (name id 6) of a face, or '' when it has none. */
export function postscriptName(bytes: Uint8Array, tables: Map<string, TableRecord>): string {
  const name = tableBytes(bytes, tables, 'name');
  if (!name || name.length < 6) return '';
  const data = view(name);
  const count = data.getUint16(2);
  const strings = data.getUint16(4);
  let fallback = '';
  for (let i = 0; i < count; i++) {
    const at = 6 + i * 12;
    if (at + 12 > name.length) break;
    const platform = data.getUint16(at);
    const id = data.getUint16(at + 6);
    if (id !== 6) continue;
    const length = data.getUint16(at + 8);
    const start = strings + data.getUint16(at + 10);
    if (start + length > name.length) continue;
    const raw = name.subarray(start, start + length);
    if (platform === 3 || platform === 0) {
      let text = '';
      for (let j = 0; j + 1 < raw.length; j += 2) text += String.fromCharCode((raw[j]! << 8) | raw[j + 1]!);
      return text;
    }
    fallback ||= String.fromCharCode(...raw);
  }
  return fallback;
}

/** Index of the face called `name` in a font file (0 for a single font, whatever its name). */
export function faceIndexByName(bytes: Uint8Array, name: string | undefined): number {
  if (!isCollection(bytes)) return 0;
  const count = faceCount(bytes);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const found = postscriptName(bytes, tableDirectory(bytes, i));
    if (found === name) return i;
    names.push(found);
  }
  throw new Error(`the font collection has no face named ${name ?? '(none given)'}; its faces are ${names.join(', ')}`);
}

export function faceMetrics(bytes: Uint8Array, index: number): FaceMetrics {
  const tables = tableDirectory(bytes, index);
  const required = (tag: string) => {
    const table = tableBytes(bytes, tables, tag);
    if (!table) throw new Error(`the font has no ${tag} table`);
    return view(table);
  };
  const head = required('head');
  const hhea = required('hhea');
  const maxp = required('maxp');
  const os2Bytes = tableBytes(bytes, tables, 'OS/2');
  const os2 = os2Bytes ? view(os2Bytes) : undefined;
  const postBytes = tableBytes(bytes, tables, 'post');
  const post = postBytes ? view(postBytes) : undefined;
  const cff = tableBytes(bytes, tables, 'CFF ');
  const os2Version = os2 && os2.byteLength >= 2 ? os2.getUint16(0) : 0;
  return {
    postscriptName: postscriptName(bytes, tables),
    unitsPerEm: head.getUint16(18),
    bbox: { minX: head.getInt16(36), minY: head.getInt16(38), maxX: head.getInt16(40), maxY: head.getInt16(42) },
    italic: (head.getUint16(44) & 2) !== 0,
    ascent: hhea.getInt16(4),
    descent: hhea.getInt16(6),
    lineGap: hhea.getInt16(8),
    numGlyphs: maxp.getUint16(4),
    familyClass: os2 && os2.byteLength >= 32 ? os2.getInt16(30) : 0,
    xHeight: os2 && os2Version >= 2 && os2.byteLength >= 90 ? os2.getInt16(86) : 0,
    capHeight: os2 && os2Version >= 2 && os2.byteLength >= 90 ? os2.getInt16(88) : 0,
    italicAngle: post && post.byteLength >= 16 ? post.getInt32(4) / 65536 : 0,
    isFixedPitch: post && post.byteLength >= 16 ? post.getUint32(12) !== 0 : false,
    outlines: cff ? (cffIsCidKeyed(cff) ? 'cff-cid' : 'cff') : 'truetype',
  };
}

/** The 'CFF ' table of an OpenType font in memory (bare CFF is what a PDF embeds). */
export function cffTableOf(sfnt: Uint8Array): Uint8Array {
  const table = tableBytes(sfnt, tableDirectory(sfnt, 0), 'CFF ');
  if (!table) throw new Error('the font has no CFF table');
  return table;
}

