import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { World } from '../world.js';
import { fontkit, type FontkitFont } from '../__fixtures__/fontkit.js';
import { Typesetter } from './index.js';
import { sfntToWoff2 } from './woff2.js';
import { loadTypesetter } from '../load/fonts.js';

const typesetter = await loadTypesetter(new World({ dataRoot: 'data' }));
const excerpt = readFileSync(join(import.meta.dirname, '__fixtures__', 'seoul-excerpt.txt'), 'utf8');
// Quality 9 keeps the tests fast; the default (11) only changes how hard Brotli works.
const fast = { quality: 9 };

/** The WOFF2 reference decoder (Google's woff2, as WebAssembly), which subset-font depends on. */
const wawoff2 = createRequire(createRequire(import.meta.url).resolve('subset-font'))('wawoff2') as { decompress(data: Uint8Array): Promise<Uint8Array> };

describe('web font subsets', () => {
  it('hold the glyphs of the text and nothing else', async () => {
    const font = await typesetter.webFontSubset('noto-sans-cjk-jp-regular', excerpt, fast);
    expect(font).toMatchObject({ faceId: 'noto-sans-cjk-jp-regular', family: 'Noto Sans CJK JP', weight: 'normal' });
    expect(font.woff2.subarray(0, 4).toString('latin1')).toBe('wOF2');
    const subset = fontkit.create(font.woff2) as FontkitFont;
    expect(subset.postscriptName).toBe('NotoSansCJKjp-Regular');
    for (const char of new Set(excerpt.replace(/\s/g, ''))) expect(subset.hasGlyphForCodePoint(char.codePointAt(0)!), char).toBe(true);
    expect(subset.hasGlyphForCodePoint('鬱'.codePointAt(0)!)).toBe(false);
    expect(subset.numGlyphs).toBeLessThan(new Set(excerpt).size * 1.2);
    expect(font.woff2.length).toBeLessThan(300_000);
  });

  it('are the same bytes for the same characters, whatever their order', async () => {
    const text = 'クレアソウル 2026 日本の地域の国際化';
    const a = await typesetter.webFontSubset('noto-sans-cjk-jp-bold', text, fast);
    const b = await typesetter.webFontSubset('noto-sans-cjk-jp-bold', [...text].reverse().join('') + text, fast);
    expect(a.woff2.equals(b.woff2)).toBe(true);
    expect(a.weight).toBe('bold');
  });

  it('take Korean and Chinese faces out of the collection first', async () => {
    const korean = fontkit.create((await typesetter.webFontSubset('noto-sans-cjk-kr-regular', '도란도란 서울', fast)).woff2) as FontkitFont;
    expect(korean.postscriptName).toBe('NotoSansCJKkr-Regular');
    expect(korean.hasGlyphForCodePoint('란'.codePointAt(0)!)).toBe(true);
    const chinese = fontkit.create((await typesetter.webFontSubset('noto-sans-cjk-sc-regular', '北京事务所', fast)).woff2) as FontkitFont;
    expect(chinese.postscriptName).toBe('NotoSansCJKsc-Regular');
  });

  it('decode with the WOFF2 reference decoder, for CFF and TrueType outlines alike', async () => {
    for (const faceId of ['noto-sans-cjk-jp-regular', 'noto-sans-regular']) {
      const { woff2 } = await typesetter.webFontSubset(faceId, 'Seoul ソウル 2026');
      const decoded = Buffer.from(await wawoff2.decompress(woff2));
      const font = fontkit.create(decoded) as FontkitFont;
      expect(font.hasGlyphForCodePoint('S'.codePointAt(0)!)).toBe(true);
    }
  });

  it('list, per face, the characters a page sets in it', () => {
    const byFace = typesetter.textByFace([{ text: '「도란도란」です', lang: 'ja' }, { text: 'Seoul', lang: 'en', bold: true }]);
    expect([...byFace]).toEqual([
      ['noto-sans-bold', 'Selou'],
      ['noto-sans-cjk-jp-regular', 'すで'],
      ['noto-sans-cjk-kr-regular', '「」도란'],
    ]);
  });
});

describe('WOFF2 packing', () => {
  it('refuses a font collection', () => {
    const collection = typesetter.library.fileBytes(typesetter.library.face('noto-sans-cjk-jp-regular'));
    expect(() => sfntToWoff2(collection)).toThrow(/collection/);
  });
});
