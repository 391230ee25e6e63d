// The harfbuzz fonts pdfkit sets clair's text in: what a reader's viewer gets out of them.
import { join } from 'node:path';
import pdfmake from 'pdfmake';
import { beforeAll, describe, expect, it } from 'vitest';
import { World } from '../../../world.js';
import { subsetterReady } from '../../../typeset/harfbuzz.js';
import { Typesetter } from '../../../typeset/index.js';
import { installLineBreaking } from './line-breaking.js';
import { ShapedPdfFont } from './shaped-font.js';
import { compact, readPdf, type PdfReadBack } from '../read-back.js';
import { createPdfTypesetter } from '../typesetter.js';
import { useShapedFonts } from './fonts.js';
import { loadTypesetter } from '../../../load/fonts.js';

const root = join(import.meta.dirname, '..', '..', '..');
const JAPANESE = '道「ソウル」の事務所ー、2026年（令和8年）';
const KOREAN = '도란도란 서울사무소';
// Noto Sans sets "ffi" and "fl" as ligatures: one glyph standing for several characters.
const ENGLISH = 'office affluent Seoul';

describe('text set in harfbuzz fonts', () => {
  let pdf: PdfReadBack;

  beforeAll(async () => {
    const world = new World({ dataRoot: join(root, 'data') });
    const typesetter = await createPdfTypesetter(world, 'seoul');
    useShapedFonts();
    installLineBreaking();
    await subsetterReady();
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    pdfmake.setFonts(typesetter.fontDictionary());
    const paragraph = (text: string, lang: 'ja' | 'ko' | 'en', style: Record<string, unknown> = {}) => ({ text: typesetter.inlines([{ text, lang, style }]) });
    const bytes = await pdfmake.createPdf({
      defaultStyle: { font: typesetter.defaultFamily('ja'), fontSize: 10 },
      content: [paragraph(JAPANESE, 'ja'), paragraph(JAPANESE, 'ja', { bold: true }), paragraph(KOREAN, 'ko'), paragraph(ENGLISH, 'en')],
    }).getBuffer();
    pdf = await readPdf(bytes);
  });

  it('reads back as the text it was given, ligatures included', () => {
    expect(compact(pdf.text())).toBe(compact(`${JAPANESE}${JAPANESE}${KOREAN}${ENGLISH}`));
  });

  it('embeds every face as a subset and draws no .notdef', () => {
    expect(pdf.fonts.length).toBeGreaterThanOrEqual(4);
    for (const font of pdf.fonts) expect(font).toMatchObject({ embedded: true, subset: true });
    expect(pdf.pages.flatMap((page) => page.notdef)).toEqual([]);
  });
});

const typesetter = await loadTypesetter(new World({ dataRoot: join(root, 'data') }));

describe('advances for the line breaker', () => {
  const face = typesetter.library.font(typesetter.fontStack('ko')[0]!);
  const font = new ShapedPdfFont({ ref: () => { throw new Error('not written'); } }, face, 'F1');

  it('measure every offset of a text shaped whole, ending at its width', () => {
    const text = '도란도란 서울사무소 PR';
    const advances = font.advances(text);
    expect(advances.length).toBe(text.length + 1);
    expect(advances[0]).toBe(0);
    for (let k = 1; k <= text.length; k++) expect(advances[k]).toBeGreaterThan(advances[k - 1]!);
    expect((advances[text.length]! * 10) / 1000).toBeCloseTo(font.widthOfString(text, 10), 9);
  });

  it('count the spacing the font gives between words, which shaping each word alone would lose', () => {
    const text = '서울 사무소';
    const whole = font.advances(text)[text.length]!;
    const alone = (font.widthOfString('서울 ', 1000) + font.widthOfString('사무소', 1000));
    expect(whole).toBeGreaterThan(alone);
  });
});
