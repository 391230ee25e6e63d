// The contract of every place clair patches pdfmake or pdfkit (README.md beside this file): the same input through
// the unpatched engine and through clair's patch, compared on what they must agree on, and the private names each
// patch relies on checked to exist. An upgrade of pdfmake or pdfkit that renames or reshapes one of them fails
// here, by name, rather than in every PDF. The unpatched runs come first: patches are installed once per process
// (each test file runs in a process of its own).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pdfmake from 'pdfmake';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSTALL_ROOT, World } from '../../../world.js';
import { readPdf, type PdfReadBack } from '../read-back.js';
import { createPdfTypesetter } from '../typesetter.js';
import type { PdfTypesetter } from '../text.js';
import { installEngine, renderDefinition, type FontDictionary } from './index.js';
import { pdfmakeModule } from './internals.js';

const requireFromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
const requireFromPdfkit = createRequire(requireFromPdfmake.resolve('pdfkit'));
type Prototype = Record<string, unknown>;
const prototypeOf = (name: string) => pdfmakeModule<{ prototype: Prototype }>(name).prototype;
const pdfkitPrototype = () => (requireFromPdfmake('pdfkit') as { prototype: Prototype }).prototype;

const tmp = mkdtempSync(join(tmpdir(), 'clair-contracts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function pdftotext(bytes: Uint8Array): string {
  const path = join(tmp, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, bytes);
  const run = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
}

const THAI = 'สำนักงานต่างประเทศ ก่อตั้งเมื่อปี 1988';
const LATIN = 'Council of Local Authorities for International Relations, Seoul office';
const LONG_CAPTION = Array.from({ length: 160 }, (_, i) => `写真${i}の説明文です。`).join('');

/** Documents laid out and written by the unpatched engine, before any of clair's patches is installed. */
const unpatched: { latin?: PdfReadBack; thai?: string; thaiRead?: PdfReadBack; tall?: string; fits?: PdfReadBack } = {};
let typesetter: PdfTypesetter;

const page = { pageSize: { width: 300, height: 300 }, pageMargins: 20 } as const;
/** A row of photos pdfmake must keep together, whose caption is taller than a page. */
const tallBlock = () => ({ ...page, content: [{ text: 'before' }, { unbreakable: true, stack: [{ text: LONG_CAPTION, font: 'Noto Sans CJK JP' }] }, { text: 'after' }] });
/** Unbreakable blocks that fit: the patch must leave their layout alone. */
const fittingBlocks = () => ({ ...page, content: [{ text: LATIN }, { unbreakable: true, stack: [{ text: LATIN }, { text: LATIN }] }, { table: { dontBreakRows: true, headerRows: 1, keepWithHeaderRows: 1, body: [['FY'], ['2025'], ['2024']] } }] });

beforeAll(async () => {
  typesetter = await createPdfTypesetter(new World({ dataRoot: join(INSTALL_ROOT, 'data') }), 'seoul');
  const render = async (definition: Record<string, unknown>) => {
    // Fresh entries for every document: pdfmake puts the font's bytes in place of its path.
    pdfmake.setFonts(typesetter.fontDictionary() satisfies FontDictionary);
    return pdfmake.createPdf({ defaultStyle: { font: 'Noto Sans', fontSize: 10 }, ...definition }).getBuffer();
  };
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  unpatched.latin = await readPdf(await render({ content: [{ text: LATIN, noWrap: true }] }));
  const thai = await render({ content: [{ text: THAI, font: 'Noto Sans Thai', noWrap: true }] });
  unpatched.thai = pdftotext(thai);
  unpatched.thaiRead = await readPdf(thai);
  unpatched.tall = pdftotext(await render(tallBlock()));
  unpatched.fits = await readPdf(await render(fittingBlocks()));
});

describe('the engine clair patches is the one pinned in package.json', () => {
  it('has the exact versions of pdfmake, pdfkit and harfbuzzjs', () => {
    const pinned = JSON.parse(readFileSync(join(INSTALL_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; overrides: Record<string, string> };
    const installed = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
    expect(installed(requireFromPdfmake.resolve('pdfmake/package.json'))).toBe(pinned.dependencies.pdfmake);
    expect(installed(requireFromPdfmake.resolve('pdfkit/package.json'))).toBe(pinned.overrides.pdfkit);
    expect(installed(join(INSTALL_ROOT, 'node_modules', 'harfbuzzjs', 'package.json'))).toBe(pinned.dependencies.harfbuzzjs);
  });

  it('still has every private method clair replaces or wraps (internals.ts)', () => {
    const methods: [string, string[]][] = [
      ['DocMeasure', ['measureLeaf']],
      ['LayoutBuilder', ['buildNextLine', 'processNode', 'tryLayoutDocument', 'layoutDocument']],
      ['PageElementWriter', ['commitUnbreakableBlock', 'beginUnbreakableBlock', 'context', 'addFragment']],
      ['Renderer', ['renderPages', 'renderLine']],
      ['SVGMeasure', ['measureSVG', 'writeDimensions']],
      ['TextInlines', ['measure', 'widthOfText']],
    ];
    for (const [module, names] of methods) for (const name of names) expect({ module, name, type: typeof prototypeOf(module)[name] }).toEqual({ module, name, type: 'function' });
    for (const name of ['font', 'text', 'markContent', 'endMarkedContent']) expect({ name, type: typeof pdfkitPrototype()[name] }).toEqual({ name, type: 'function' });
    expect(typeof pdfmakeModule<{ getStyleProperty: unknown }>('StyleContextStack').getStyleProperty).toBe('function');
    // The writer's fields overflow.ts reads to know how tall a page is.
    const PageElementWriter = pdfmakeModule<new (context: unknown) => Record<string, unknown>>('PageElementWriter');
    const DocumentContext = pdfmakeModule<new () => Record<string, unknown>>('DocumentContext');
    const writer = new PageElementWriter(new DocumentContext());
    expect({ contextStack: Array.isArray(writer.contextStack), repeatables: Array.isArray(writer.repeatables), transactionLevel: writer.transactionLevel })
      .toEqual({ contextStack: true, repeatables: true, transactionLevel: 0 });
  });
});

describe('lazy-requires.ts: pdfkit\'s dependencies loaded on first use', () => {
  it('stands in for modules pdfkit really requires, under the names it requires them by', () => {
    const cache = createRequire(import.meta.url).cache;
    for (const specifier of ['fontkit', '@noble/hashes/utils', '@noble/hashes/sha2', '@noble/ciphers/aes', 'linebreak', 'png-js']) {
      const path = requireFromPdfkit.resolve(specifier);
      expect({ specifier, cached: cache[path] !== undefined }).toEqual({ specifier, cached: true });
    }
    const source = readFileSync(requireFromPdfmake.resolve('pdfkit'), 'utf8');
    for (const specifier of ['fontkit', '@noble/hashes/utils', '@noble/hashes/sha2', '@noble/ciphers/aes', 'linebreak', 'png-js']) {
      expect({ specifier, required: source.includes(`require('${specifier}')`) }).toEqual({ specifier, required: true });
    }
  });
});

describe('fonts.ts and shaped-font.ts: harfbuzz fonts in place of fontkit', () => {
  it('sets a line of text where fontkit does, and it reads back the same', async () => {
    const patched = await readPdf(await renderDefinition({ defaultStyle: { font: 'Noto Sans', fontSize: 10 }, content: [{ text: LATIN, noWrap: true }] }, typesetter.fontDictionary()));
    const items = (pdf: PdfReadBack) => pdf.pages[0]!.items.filter((item) => item.text.trim());
    expect(items(patched).map((item) => item.text).join('')).toBe(items(unpatched.latin!).map((item) => item.text).join(''));
    // Same advances: the last word starts where fontkit put it, to a hundredth of a point.
    const last = (pdf: PdfReadBack) => items(pdf).at(-1)!;
    expect(last(patched).x).toBeCloseTo(last(unpatched.latin!).x, 2);
  });
});

describe('actual-text.ts: /ActualText where the ToUnicode map cannot give the text back', () => {
  it('draws the same glyphs at the same places as the unpatched engine', async () => {
    const bytes = await renderDefinition({ defaultStyle: { font: 'Noto Sans', fontSize: 10 }, content: [{ text: THAI, font: 'Noto Sans Thai', noWrap: true }] }, typesetter.fontDictionary());
    const patched = await readPdf(bytes);
    const where = (pdf: PdfReadBack) => pdf.pages[0]!.items.map((item) => [Math.round(item.x * 100), Math.round(item.y * 100)]);
    expect(where(patched)).toEqual(where(unpatched.thaiRead!));
    // pdftotext reads the marked span's /ActualText: the exact code points (ำ, not ํ + า), where fontkit's map did not.
    expect(pdftotext(bytes).trim()).toBe(THAI);
    expect(unpatched.thai!.trim()).not.toBe(THAI);
  });
});

describe('overflow.ts: a block taller than a page breaks instead of losing its text', () => {
  it('loses text in the unpatched engine (pdfmake keeps an unbreakable block\'s first page only)', () => {
    // If this fails, pdfmake has learnt to continue such blocks: overflow.ts can go.
    expect(unpatched.tall!.replace(/\s+/g, '')).not.toContain(LONG_CAPTION);
  });

  it('prints every character with the patch, and "after" after it', async () => {
    const text = pdftotext(await renderDefinition({ defaultStyle: { font: 'Noto Sans', fontSize: 10 }, ...tallBlock() }, typesetter.fontDictionary())).replace(/\s+/g, '');
    expect(text).toContain(LONG_CAPTION);
    expect(text.endsWith('after')).toBe(true);
  });

  it('leaves blocks that fit exactly where the unpatched engine puts them', async () => {
    const patched = await readPdf(await renderDefinition({ defaultStyle: { font: 'Noto Sans', fontSize: 10 }, ...fittingBlocks() }, typesetter.fontDictionary()));
    const items = (pdf: PdfReadBack) => pdf.pages.map((p) => p.items.map((item) => [item.text, Math.round(item.x), Math.round(item.y)]));
    expect(items(patched)).toEqual(items(unpatched.fits!));
  });
});

describe('row-span-labels.ts: the pages pdfmake hands its renderer', () => {
  it('are lists of items whose lines carry the inlines, custom properties and all', async () => {
    installEngine();
    let seen: { type: string; item: { y?: number; inlines?: Record<string, unknown>[] } }[] = [];
    const Renderer = pdfmakeModule<{ prototype: { renderPages(pages: { items: typeof seen }[]): void } }>('Renderer');
    const renderPages = Renderer.prototype.renderPages;
    Renderer.prototype.renderPages = function spy(pages) {
      seen = pages.flatMap((p) => p.items);
      return renderPages.call(this, pages);
    };
    try {
      await renderDefinition({ defaultStyle: { font: 'Noto Sans', fontSize: 10 }, content: [{ text: [{ text: 'FY2025', rowSpanLabel: { span: 't:1:0', row: 2 } }] }] }, typesetter.fontDictionary());
    } finally {
      Renderer.prototype.renderPages = renderPages;
    }
    const line = seen.find((entry) => entry.type === 'line')!;
    expect(typeof line.item.y).toBe('number');
    expect(line.item.inlines![0]!.rowSpanLabel).toEqual({ span: 't:1:0', row: 2 });
  });
});
