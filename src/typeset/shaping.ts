// Text shaping with harfbuzz (harfbuzzjs's wasm build): glyph ids, advances and offsets for a string in one face.
// Both renderers' typesetting and the PDF fonts ask it; fontkit, which pdfkit would otherwise use, takes longer
// to shape a brochure than pdfmake takes to lay it out. Fonts are copied into harfbuzz's memory once per process
// (a CFF face without its outlines), and a face shapes a given string once: the result is kept.
import * as hb from 'harfbuzzjs';
import { faceMetrics, type FaceMetrics } from './sfnt.js';
import { standaloneFace } from './ttc.js';
import { BoundedCache } from './bounded-cache.js';

/** One shaped string, in font units (unitsPerEm of the face). */
export interface ShapedText {
  /** Glyph ids, in visual order (clair sets horizontal left-to-right text only). */
  glyphs: number[];
  /** Index (UTF-16) in the string where each glyph's characters start. */
  clusters: number[];
  xAdvance: number[];
  yAdvance: number[];
  xOffset: number[];
  yOffset: number[];
  /** Sum of xAdvance. */
  advance: number;
}

/** OpenType features to switch on or off, as pdfkit passes them: ['palt'] or { liga: false }. */
export type FeatureRequest = readonly string[] | Readonly<Record<string, boolean | number>>;

/** Strings kept shaped per face (the Seoul brochure shapes ~1,300 in its most used face). */
const SHAPED_PER_FACE = 4096;

const blobs = new Map<string, hb.Blob>();
const faces = new Map<string, ShapingFace>();

/**
 * Tables shaping never reads: CFF outlines and vertical metrics (clair sets horizontal text). harfbuzz is given a
 * CFF face without them: a Noto Sans CJK face is 20 MB with them, 0.7 MB without, and the copy into harfbuzz's
 * memory cost a build ~30 ms. (TrueType outlines stay: a variable font's advances may need them.)
 */
const NOT_FOR_SHAPING = new Set(['CFF ', 'VORG', 'vhea', 'vmtx']);

export class ShapingFace {
  readonly metrics: FaceMetrics;
  private readonly font: hb.Font;
  /** Shaped again when evicted: the same glyphs, so the outputs do not depend on the bound. */
  private readonly shaped = new BoundedCache<string, ShapedText>(SHAPED_PER_FACE);
  private readonly nominal = new Map<number, number>();
  private readonly advances = new Map<number, number>();
  private readonly buffer = new hb.Buffer();

  private constructor(readonly file: string, readonly bytes: Uint8Array, readonly index: number) {
    this.metrics = faceMetrics(bytes, index);
    if (this.metrics.outlines !== 'truetype') {
      this.font = new hb.Font(new hb.Face(new hb.Blob(standaloneFace(bytes, index, NOT_FOR_SHAPING)), 0));
    } else {
      // Faces of one TrueType file share one copy of it.
      let blob = blobs.get(file);
      if (!blob) blobs.set(file, (blob = new hb.Blob(bytes)));
      this.font = new hb.Font(new hb.Face(blob, index));
    }
  }

  /** The face `index` of a font file, opened once per process. `file` names the bytes (a path). */
  static open(file: string, bytes: Uint8Array, index: number): ShapingFace {
    const key = `${file}\u0000${bytes.byteLength}\u0000${index}`;
    let face = faces.get(key);
    if (!face) faces.set(key, (face = new ShapingFace(file, bytes, index)));
    return face;
  }

  /** The glyph a character maps to without shaping, 0 when the face has none. */
  glyph(codePoint: number): number {
    let glyph = this.nominal.get(codePoint);
    if (glyph === undefined) {
      glyph = this.font.nominalGlyph(codePoint) ?? 0;
      this.nominal.set(codePoint, glyph);
    }
    return glyph;
  }

  hasGlyph(codePoint: number): boolean {
    return this.glyph(codePoint) !== 0;
  }

  /** Advance width of a glyph in font units. */
  glyphAdvance(glyph: number): number {
    let advance = this.advances.get(glyph);
    if (advance === undefined) {
      advance = this.font.glyphHAdvance(glyph);
      this.advances.set(glyph, advance);
    }
    return advance;
  }

  /** The shaped glyphs of `text` (kept, up to a bound: a string is usually shaped once). Treat the result as read-only. */
  shape(text: string, features?: FeatureRequest): ShapedText {
    const requested = featureList(features);
    const key = requested.length ? `${text}\u0000${requested.map((f) => `${f.tag}=${f.value}`).join(',')}` : text;
    let shaped = this.shaped.get(key);
    if (!shaped) {
      shaped = this.shapeNow(text, requested);
      this.shaped.set(key, shaped);
    }
    return shaped;
  }

  private shapeNow(text: string, features: { tag: string; value: number }[]): ShapedText {
    const buffer = this.buffer;
    buffer.clearContents();
    // One cluster per character where the font keeps them apart (a Thai vowel sign and its consonant): each glyph
    // then stands for its own character in the PDF's ToUnicode map, which text extraction reads.
    buffer.setClusterLevel(hb.ClusterLevel.CHARACTERS);
    buffer.addText(text);
    buffer.guessSegmentProperties();
    hb.shape(this.font, buffer, features.map((f) => new hb.Feature(f.tag, f.value)));
    const infos = buffer.getGlyphInfos();
    const positions = buffer.getGlyphPositions();
    const result: ShapedText = { glyphs: [], clusters: [], xAdvance: [], yAdvance: [], xOffset: [], yOffset: [], advance: 0 };
    for (let i = 0; i < infos.length; i++) {
      const position = positions[i]!;
      result.glyphs.push(infos[i]!.codepoint);
      result.clusters.push(infos[i]!.cluster);
      result.xAdvance.push(position.xAdvance);
      result.yAdvance.push(position.yAdvance);
      result.xOffset.push(position.xOffset);
      result.yOffset.push(position.yOffset);
      result.advance += position.xAdvance;
    }
    return result;
  }
}

function featureList(features: FeatureRequest | undefined): { tag: string; value: number }[] {
  if (!features) return [];
  if (Array.isArray(features)) return (features as readonly string[]).map((tag) => ({ tag, value: 1 }));
  return Object.entries(features as Record<string, boolean | number>).map(([tag, value]) => ({ tag, value: Number(value) }));
}
