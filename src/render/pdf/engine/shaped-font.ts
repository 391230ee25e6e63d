// A pdfkit font backed by harfbuzz instead of fontkit: shaping (shaping.ts) and subsetting (harfbuzz.ts) of the
// 65,535-glyph CJK faces cost fontkit seconds per brochure and harfbuzz milliseconds. It speaks the protocol pdfkit,
// pdfmake and svg-to-pdfkit use with a font (encode, widthOfString, lineHeight, ref, finalize and the metrics).
//
// Text is written before the document knows every glyph it will use, so codes must not depend on the subset:
// a CID-keyed CFF font is written by CID (harfbuzz's subsets keep each glyph's CID), any other font by glyph id
// with a subset that keeps glyph ids. Widths and the ToUnicode map are keyed by the same codes.
//
// Text extraction: the ToUnicode map gives each glyph the characters of its cluster (a ligature several, the
// second and later glyphs of a cluster none). Where that cannot give the text back (a glyph first met standing for
// other characters, a Thai or Indic cluster whose glyphs are reordered or shared), `actualText` says so and the
// engine wraps the text in /ActualText (actual-text.ts). A soft hyphen (U+00AD) ending a line cut at a hyphenation
// point is drawn as a hyphen and read back as nothing.
import { CidCff, UnsupportedCff } from '../../../typeset/cff-subset.js';
import { subsetGlyphs } from '../../../typeset/harfbuzz.js';
import { subsetTrueType, UnsupportedTrueType } from '../../../typeset/truetype-subset.js';
import { cffGlyphCids, cffTableOf, tableBytes, tableDirectory } from '../../../typeset/sfnt.js';
import type { FeatureRequest, ShapedText, ShapingFace } from '../../../typeset/shaping.js';
import { BoundedCache } from '../../../typeset/bounded-cache.js';

/** What pdfkit's PDFDocument offers a font. */
interface PdfKitDocument {
  ref(data?: Record<string, unknown>): PdfKitReference;
}
interface PdfKitReference {
  data: Record<string, unknown>;
  write(chunk: string | Uint8Array): void;
  end(chunk?: string | Uint8Array): void;
}

/** A positioned glyph as pdfkit reads it, in thousandths of the font size. */
export interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  /** The glyph's own advance (what the PDF's widths say); xAdvance differs by kerning. */
  advanceWidth: number;
}

interface ScaledRun {
  shaped: ShapedText;
  codes: string[];
  positions: GlyphPosition[];
  advance: number;
  /** Advance to each UTF-16 offset of the text, worked out when first asked for. */
  advances?: Float64Array;
}

/** CIDs of CID-keyed CFF faces (gid → CID), read once per face. */
const cidsByFace = new WeakMap<ShapingFace, Uint32Array>();

function glyphCids(face: ShapingFace): Uint32Array {
  let cids = cidsByFace.get(face);
  if (!cids) {
    const cff = tableBytes(face.bytes, tableDirectory(face.bytes, face.index), 'CFF ')!;
    cidsByFace.set(face, (cids = cffGlyphCids(cff)));
  }
  return cids;
}

/**
 * Font programs by face and glyphs: editions of one brochure often need the very same glyphs of a face (the bilingual
 * edition's Japanese is the Japanese edition's), and cutting a CJK subset is the costliest step of writing a PDF.
 */
const subsets = new Map<string, Uint8Array>();
const MAX_SUBSETS = 32;

/** CID-keyed CFF tables read for subsetting, by face; null when clair's subsetter does not know the font. */
const cidCffs = new WeakMap<ShapingFace, CidCff | null>();

function cidCff(face: ShapingFace): CidCff | null {
  let cff = cidCffs.get(face);
  if (cff === undefined) {
    try {
      cff = new CidCff(tableBytes(face.bytes, tableDirectory(face.bytes, face.index), 'CFF ')!);
    } catch (error) {
      if (!(error instanceof UnsupportedCff)) throw error;
      cff = null;
    }
    cidCffs.set(face, cff);
  }
  return cff;
}

/** A subset by clair's own subsetters (CID-keyed CFF, TrueType), or undefined when they do not know the font. */
function clairSubset(face: ShapingFace, glyphs: number[]): Uint8Array | undefined {
  try {
    if (face.metrics.outlines === 'cff-cid') return cidCff(face)?.subset(glyphs);
    if (face.metrics.outlines === 'truetype') return subsetTrueType(face.bytes, face.index, glyphs);
    return undefined;
  } catch (error) {
    if (error instanceof UnsupportedCff || error instanceof UnsupportedTrueType) return undefined;
    throw error;
  }
}

/**
 * What a PDF embeds of these glyphs of a face: a CFF table (FontFile3) or a TrueType subset. clair's subsetters cut
 * the CID-keyed CFF (CJK) and TrueType faces; harfbuzz cuts what they do not know (name-keyed CFF, variable fonts).
 */
function fontProgram(face: ShapingFace, glyphs: number[]): Uint8Array {
  const key = `${face.file}\u0000${face.index}\u0000${glyphs.join(',')}`;
  let program = subsets.get(key);
  if (!program) {
    const { outlines } = face.metrics;
    const cff = outlines !== 'truetype';
    program = clairSubset(face, glyphs);
    if (!program) {
      const subset = subsetGlyphs(face.bytes, face.file, face.index, glyphs, { retainGids: outlines !== 'cff-cid', cffOnly: cff });
      program = cff ? cffTableOf(subset) : subset;
    }
    if (subsets.size >= MAX_SUBSETS) subsets.delete(subsets.keys().next().value!);
    subsets.set(key, program);
  }
  return program;
}

/**
 * Runs scaled to pdfkit's units, per face and string: shaped once for every document of the process, up to a bound
 * (the Seoul brochure uses ~1,300 in its most used face; a long archive would otherwise keep one per cell).
 */
const runsByFace = new WeakMap<ShapingFace, BoundedCache<string, ScaledRun>>();
const RUNS_PER_FACE = 4096;

export class ShapedPdfFont {
  readonly name: string;
  readonly scale: number;
  readonly ascender: number;
  readonly descender: number;
  readonly lineGap: number;
  readonly xHeight: number;
  readonly capHeight: number;
  readonly bbox: { minX: number; minY: number; maxX: number; maxY: number };
  /** Code → the characters it stands for; svg-to-pdfkit reads it. */
  readonly unicode: Record<number, number[]> = {};
  dictionary?: PdfKitReference;
  embedded = false;
  /** Code → [glyph id, width] of every glyph this document used. */
  private readonly used = new Map<number, [number, number]>();
  private readonly cids?: Uint32Array;
  private readonly runs: BoundedCache<string, ScaledRun>;

  constructor(readonly document: PdfKitDocument, readonly face: ShapingFace, readonly id: string) {
    const m = face.metrics;
    this.name = m.postscriptName;
    this.scale = 1000 / m.unitsPerEm;
    this.ascender = m.ascent * this.scale;
    this.descender = m.descent * this.scale;
    this.lineGap = m.lineGap * this.scale;
    this.xHeight = m.xHeight * this.scale;
    this.capHeight = m.capHeight * this.scale;
    this.bbox = m.bbox;
    if (m.outlines === 'cff-cid') this.cids = glyphCids(face);
    let runs = runsByFace.get(face);
    if (!runs) runsByFace.set(face, (runs = new BoundedCache(RUNS_PER_FACE)));
    this.runs = runs;
  }

  private run(text: string, features?: FeatureRequest): ScaledRun {
    const key = features ? `${text}\u0000${JSON.stringify(features)}` : text;
    let run = this.runs.get(key);
    if (!run) {
      const shaped = this.face.shape(drawn(text), features);
      const codes: string[] = [];
      const positions: GlyphPosition[] = [];
      for (let i = 0; i < shaped.glyphs.length; i++) {
        const glyph = shaped.glyphs[i]!;
        const code = this.cids ? this.cids[glyph]! : glyph;
        codes.push(code.toString(16).padStart(4, '0'));
        positions.push({
          xAdvance: shaped.xAdvance[i]! * this.scale,
          yAdvance: shaped.yAdvance[i]! * this.scale,
          xOffset: shaped.xOffset[i]! * this.scale,
          yOffset: shaped.yOffset[i]! * this.scale,
          advanceWidth: this.face.glyphAdvance(glyph) * this.scale,
        });
      }
      run = { shaped, codes, positions, advance: shaped.advance * this.scale };
      this.runs.set(key, run);
    }
    return run;
  }

  /** Hex codes and positions of `text`, noting each glyph for the subset, widths and ToUnicode map. */
  encode(text: string, features?: FeatureRequest): [string[], GlyphPosition[]] {
    const run = this.run(text, features);
    const { shaped } = run;
    for (let i = 0; i < shaped.glyphs.length; i++) {
      const glyph = shaped.glyphs[i]!;
      const code = this.cids ? this.cids[glyph]! : glyph;
      if (this.used.has(code)) continue;
      this.used.set(code, [glyph, run.positions[i]!.advanceWidth]);
      // The cluster's characters run to where the next cluster starts (not to the end of the text).
      let end = text.length;
      for (let j = i + 1; j < shaped.clusters.length; j++) {
        if (shaped.clusters[j]! > shaped.clusters[i]!) {
          end = shaped.clusters[j]!;
          break;
        }
      }
      this.unicode[code] = clusterShare(shaped, i, drawn(text).slice(shaped.clusters[i], end));
    }
    return [run.codes.slice(), run.positions];
  }

  /**
   * The text a reader's viewer should get back for `text` when the ToUnicode map cannot give it (call after
   * `encode`): the text itself, less soft hyphens; undefined when the map reads back right.
   */
  actualText(text: string, features?: FeatureRequest): string | undefined {
    const run = this.run(text, features);
    const source = text.replaceAll(SOFT_HYPHEN, '');
    let read = '';
    for (const code of run.shaped.glyphs) {
      const mapped = this.unicode[this.cids ? this.cids[code]! : code];
      if (mapped) read += String.fromCodePoint(...mapped);
    }
    return read === source ? undefined : source;
  }

  /**
   * Advance from the start of `text` to each UTF-16 offset in it, in thousandths of the font size, as the whole
   * text is shaped: a glyph counts from its cluster's first character on (clair's line breaker measures with it).
   */
  advances(text: string, features?: FeatureRequest): Float64Array {
    const run = this.run(text, features);
    if (!run.advances) {
      const byOffset = new Float64Array(text.length + 1);
      run.shaped.clusters.forEach((cluster, i) => {
        byOffset[cluster] = byOffset[cluster]! + run.positions[i]!.xAdvance;
      });
      const advances = new Float64Array(text.length + 1);
      for (let k = 0; k < text.length; k++) advances[k + 1] = advances[k]! + byOffset[k]!;
      run.advances = advances;
    }
    return run.advances;
  }

  widthOfString(text: string, size: number, features?: FeatureRequest): number {
    return (this.run(text, features).advance * size) / 1000;
  }

  lineHeight(size: number, includeGap = false): number {
    const gap = includeGap ? this.lineGap : 0;
    return ((this.ascender + gap - this.descender) / 1000) * size;
  }

  ref(): PdfKitReference {
    return (this.dictionary ??= this.document.ref());
  }

  finalize(): void {
    if (this.embedded || this.dictionary == null) return;
    this.embed();
    this.embedded = true;
  }

  private embed(): void {
    const { metrics } = this.face;
    const cff = metrics.outlines !== 'truetype';
    const glyphs = [...this.used.values()].map(([glyph]) => glyph).sort((a, b) => a - b);
    const fontFile = this.document.ref();
    if (cff) fontFile.data.Subtype = 'CIDFontType0C';
    fontFile.end(fontProgram(this.face, glyphs));

    const familyClass = metrics.familyClass >> 8;
    let flags = 1 << 2; // symbolic: the glyphs are outside the standard Latin set
    if (metrics.isFixedPitch) flags |= 1 << 0;
    if (familyClass >= 1 && familyClass <= 7) flags |= 1 << 1;
    if (familyClass === 10) flags |= 1 << 3;
    if (metrics.italic) flags |= 1 << 6;
    // The subset tag pdfkit would give: six capitals derived from the font's id in the document.
    const tag = [1, 2, 3, 4, 5, 6].map((i) => String.fromCharCode((this.id.charCodeAt(i) || 73) + 17)).join('');
    const name = `${tag}+${this.name.replaceAll(' ', '_')}`;
    const { bbox } = this;
    const descriptor = this.document.ref({
      Type: 'FontDescriptor',
      FontName: name,
      Flags: flags,
      FontBBox: [bbox.minX * this.scale, bbox.minY * this.scale, bbox.maxX * this.scale, bbox.maxY * this.scale],
      ItalicAngle: metrics.italicAngle,
      Ascent: this.ascender,
      Descent: this.descender,
      CapHeight: (metrics.capHeight || metrics.ascent) * this.scale,
      XHeight: metrics.xHeight * this.scale,
      StemV: 0,
      [cff ? 'FontFile3' : 'FontFile2']: fontFile,
    });
    descriptor.end();

    const descendant = this.document.ref({
      Type: 'Font',
      Subtype: cff ? 'CIDFontType0' : 'CIDFontType2',
      BaseFont: name,
      // eslint-disable-next-line no-new-wrappers -- pdfkit writes String objects as PDF strings, plain ones as names
      CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      W: this.widthsArray(),
      ...(cff ? {} : { CIDToGIDMap: 'Identity' }),
    });
    descendant.end();

    this.dictionary!.data = {
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: name,
      Encoding: 'Identity-H',
      DescendantFonts: [descendant],
      ToUnicode: this.toUnicodeMap(),
    };
    this.dictionary!.end();
  }

  /** The W array: runs of consecutive codes with their widths, `[first [w1 w2 …] first [w …] …]`. */
  private widthsArray(): unknown[] {
    const codes = [...this.used.keys()].sort((a, b) => a - b);
    const array: unknown[] = [];
    let first = -1;
    let widths: number[] = [];
    for (const code of codes) {
      if (first >= 0 && code === first + widths.length) {
        widths.push(this.used.get(code)![1]);
        continue;
      }
      if (first >= 0) array.push(first, widths);
      first = code;
      widths = [this.used.get(code)![1]];
    }
    if (first >= 0) array.push(first, widths);
    return array;
  }

  private toUnicodeMap(): PdfKitReference {
    const hex = (code: number) => code.toString(16).padStart(4, '0');
    const entries = [...this.used.keys()]
      .sort((a, b) => a - b)
      .filter((code) => this.unicode[code]!.length > 0)
      .map((code) => `<${hex(code)}> <${utf16Hex(this.unicode[code]!)}>`);
    const chunks: string[] = [];
    for (let i = 0; i < entries.length; i += 100) {
      const chunk = entries.slice(i, i + 100);
      chunks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
    }
    const cmap = this.document.ref();
    cmap.end(`/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo <<
  /Registry (Adobe)
  /Ordering (UCS)
  /Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000><ffff>
endcodespacerange
${chunks.join('\n')}
endcmap
CMapName currentdict /CMap defineresource pop
end
end`);
    return cmap;
  }
}

/**
 * The characters glyph `i` stands for in its cluster's text. A cluster of one glyph: all of them (a ligature). A
 * character drawn in several glyphs (Thai ำ as ํ and า): each glyph its part of the compatibility decomposition
 * when there are as many parts as glyphs, so the map reads back the same text up to NFKC; otherwise the first glyph
 * all of it and the others nothing (the engine's /ActualText gives the exact text back).
 */
function clusterShare(shaped: ShapedText, i: number, text: string): number[] {
  const cluster = shaped.clusters[i]!;
  let first = i;
  while (first > 0 && shaped.clusters[first - 1] === cluster) first--;
  let count = first + 1;
  while (count < shaped.clusters.length && shaped.clusters[count] === cluster) count++;
  count -= first;
  if (count === 1) return codePointsOf(text);
  const parts = codePointsOf(text.normalize('NFKD'));
  if (parts.length === count) return [parts[i - first]!];
  return i === first ? codePointsOf(text) : [];
}

const SOFT_HYPHEN = '\u00ad';
/** What is drawn for a text: a soft hyphen (only ever at the end of a line cut inside a word) as a hyphen. */
const drawn = (text: string) => (text.includes(SOFT_HYPHEN) ? text.replaceAll(SOFT_HYPHEN, '-') : text);

function codePointsOf(text: string): number[] {
  return [...text].map((char) => char.codePointAt(0)!);
}

function utf16Hex(codePoints: number[]): string {
  return codePoints
    .map((value) => {
      if (value <= 0xffff) return value.toString(16).padStart(4, '0');
      const v = value - 0x10000;
      return ((v >>> 10) + 0xd800).toString(16) + ((v & 0x3ff) + 0xdc00).toString(16);
    })
    .join('');
}
