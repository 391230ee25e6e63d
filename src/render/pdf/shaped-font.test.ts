// The harfbuzz fonts pdfkit sets clair's text in: what a reader's viewer gets out of them.
import { join } from 'node:path';
import pdfmake from 'pdfmake';
import { beforeAll, describe, expect, it } from 'vitest';
import { World } from '../../world.js';
import { subsetterReady } from '../../typeset/harfbuzz.js';
import { installPdfmakeFastPaths } from './pdfmake-fast-paths.js';
import { compact, readPdf, type PdfReadBack } from './read-back.js';
import { createPdfTypesetter } from './typesetter.js';
import { useShapedFonts } from './vfs-fonts.js';

const root = join(import.meta.dirname, '..', '..', '..');
const JAPANESE = '道「ソウル」の事務所ー、2026年（令和8年）';
const KOREAN = '도란도란 서울사무소';
// Noto Sans sets "ffi" and "fl" as ligatures: one glyph standing for several characters.
const ENGLISH = 'office affluent Seoul';

describe('text set in harfbuzz fonts', () => {
  let pdf: PdfReadBack;

  beforeAll(async () => {
    const world = new World({ dataRoot: join(root, 'data') });
    const typesetter = createPdfTypesetter(world, 'seoul');
    useShapedFonts();
    installPdfmakeFastPaths();
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
