// Opens the configured faces with fontkit and answers the two questions typesetting asks of a font: does it
// have a glyph for this character, and how wide is it. Font files are read once through the World and shared
// by every face of a collection; fontkit parses tables lazily, so opening a face of the 20 MB CJK collection
// costs a few milliseconds, and each answer is cached.
import { createRequire } from 'node:module';
import type { World } from '../world.js';
import type { Face, FontConfig, Weight } from './config.js';

/** The part of fontkit's font object clair uses (fontkit ships no TypeScript types). */
export interface FontkitFont {
  postscriptName: string;
  familyName: string;
  numGlyphs: number;
  unitsPerEm: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
}
interface FontkitCollection {
  fonts: FontkitFont[];
  getFont(postscriptName: string): FontkitFont | null;
}
interface Fontkit {
  create(buffer: Buffer, postscriptName?: string): FontkitFont | FontkitCollection;
}

const require = createRequire(import.meta.url);
export const fontkit = require('fontkit') as Fontkit;

export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export class FontLibrary {
  private readonly files = new Map<string, Buffer>();
  private readonly fonts = new Map<string, FontkitFont>();
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

  /** The bytes of a font file, read once through the World. */
  fileBytes(face: Face): Buffer {
    let bytes = this.files.get(face.path);
    if (!bytes) {
      bytes = asBuffer(this.world.readBytes(face.path));
      this.files.set(face.path, bytes);
    }
    return bytes;
  }

  /** The fontkit font of a face (for a collection, the face named by postscriptName). */
  font(face: Face): FontkitFont {
    let font = this.fonts.get(face.id);
    if (!font) {
      const opened = fontkit.create(this.fileBytes(face), face.postscriptName);
      if ('fonts' in opened) {
        const names = opened.fonts.map((f) => f.postscriptName);
        throw new Error(`${this.world.display(face.path)} is a font collection; postscriptName must be one of ${names.join(', ')}`);
      }
      if (face.postscriptName && opened.postscriptName !== face.postscriptName) {
        throw new Error(`${this.world.display(face.path)} has no face named ${face.postscriptName} (found ${opened.postscriptName})`);
      }
      font = opened;
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
      has = this.font(face).hasGlyphForCodePoint(codePoint);
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
      width = font.glyphForCodePoint(codePoint).advanceWidth / font.unitsPerEm;
      cache.set(codePoint, width);
    }
    return width;
  }
}
