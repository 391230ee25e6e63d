// Opens the configured faces (through harfbuzz, shaping.ts) and answers the two questions typesetting asks of a
// font: does it have a glyph for this character, and how wide is it. Font files are read once through the World
// and shared by every face of a collection; each answer is cached.
import type { World } from '../world.js';
import type { Face, FontConfig, Weight } from './config.js';
import { faceCount, faceIndexByName, postscriptName, tableDirectory } from './sfnt.js';
import { ShapingFace } from './shaping.js';
import { isCollection } from './ttc.js';

export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export class FontLibrary {
  private readonly files = new Map<string, Buffer>();
  private readonly fonts = new Map<string, ShapingFace>();
  private readonly coverage = new Map<string, Map<number, boolean>>();
  private readonly advances = new Map<string, Map<number, number>>();
  private readonly byId: Map<string, Face>;
  private readonly byStyle = new Map<string, Face>();

  constructor(private readonly world: World, readonly config: FontConfig) {
    this.byId = new Map(config.faces.map((face) => [face.id, face]));
  }

  face(id: string): Face {
    const face = this.byId.get(id);
    if (!face) throw new Error(`unknown font face "${id}" (known: ${[...this.byId.keys()].join(', ')})`);
    return face;
  }

  /** The face of `family` in `weight`, or its normal face when the family has no such weight. */
  faceOf(family: string, weight: Weight): Face {
    const key = `${family}\u0000${weight}`;
    let face = this.byStyle.get(key);
    if (!face) {
      const faces = this.config.faces.filter((f) => f.family === family);
      face = faces.find((f) => f.weight === weight) ?? faces.find((f) => f.weight === 'normal') ?? faces[0];
      if (!face) throw new Error(`unknown font family "${family}"`);
      this.byStyle.set(key, face);
    }
    return face;
  }

  /**
   * Reads every configured font file ahead of need, off the main thread (40 MB for the CJK collections), so that a
   * caller can check data meanwhile. A file that cannot be read is left for `fileBytes` to report.
   */
  async readAhead(): Promise<void> {
    const paths = [...new Set(this.config.faces.map((face) => face.path))].filter((path) => !this.files.has(path));
    await Promise.all(paths.map(async (path) => {
      try {
        const bytes = asBuffer(await this.world.readBytesLater(path));
        if (!this.files.has(path)) this.files.set(path, bytes);
      } catch {
        // fileBytes reads it again and says what is wrong.
      }
    }));
  }

  /** The bytes of a font file, read once through the World. */
  fileBytes(face: Face): Buffer {
    let bytes = this.files.get(face.path);
    if (!bytes) {
      bytes = asBuffer(this.world.readBytes(face.path));
      this.files.set(face.path, bytes);
    }
    return bytes;
  }

  /** The opened face (for a collection, the face named by postscriptName). */
  font(face: Face): ShapingFace {
    let font = this.fonts.get(face.id);
    if (!font) {
      const bytes = this.fileBytes(face);
      const where = this.world.display(face.path);
      if (isCollection(bytes) && !face.postscriptName) {
        const names = Array.from({ length: faceCount(bytes) }, (_, i) => postscriptName(bytes, tableDirectory(bytes, i)));
        throw new Error(`${where} is a font collection; postscriptName must be one of ${names.join(', ')}`);
      }
      let index: number;
      try {
        index = faceIndexByName(bytes, face.postscriptName);
      } catch (error) {
        throw new Error(`${where}: ${(error as Error).message}`);
      }
      font = ShapingFace.open(face.path, bytes, index);
      if (face.postscriptName && font.metrics.postscriptName !== face.postscriptName) {
        throw new Error(`${where} has no face named ${face.postscriptName} (found ${font.metrics.postscriptName})`);
      }
      this.fonts.set(face.id, font);
    }
    return font;
  }

  hasGlyph(face: Face, codePoint: number): boolean {
    let cache = this.coverage.get(face.id);
    if (!cache) {
      cache = new Map();
      this.coverage.set(face.id, cache);
    }
    let has = cache.get(codePoint);
    if (has === undefined) {
      has = this.font(face).hasGlyph(codePoint);
      cache.set(codePoint, has);
    }
    return has;
  }

  /** Advance width of one character in em (1 = the font size), without kerning. */
  advance(face: Face, codePoint: number): number {
    let cache = this.advances.get(face.id);
    if (!cache) {
      cache = new Map();
      this.advances.set(face.id, cache);
    }
    let width = cache.get(codePoint);
    if (width === undefined) {
      const font = this.font(face);
      width = font.glyphAdvance(font.glyph(codePoint)) / font.metrics.unitsPerEm;
      cache.set(codePoint, width);
    }
    return width;
  }
}
