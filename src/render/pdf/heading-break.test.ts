// The page-break check that keeps a heading off the foot of a page when the structure alone could not (a heading
// before a long table or a block that breaks): it asks for a break only before a heading group that nothing of the
// body follows on its page. Checked on pdfmake's own layout (a PDF read back), where the positions of an
// unbreakable group are relative to the group and the footer comes after the body, and on the check's input alone.
import { describe, expect, it } from 'vitest';
import { headingBreak } from './index.js';
import { HEADLINE, headingBefore, keptHeading } from './blocks.js';
import { pdfStyle } from './style.js';
import { loadTheme } from '../theme.js';
import { World } from '../../world.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fontEntry, renderDefinition } from './engine/index.js';
import { INSTALL_ROOT } from '../../world.js';

const style = pdfStyle(loadTheme(new World({ dataRoot: join(INSTALL_ROOT, 'data') })));
import { compact, readPdf } from './read-back.js';

const face = (file: string) => fontEntry(join(INSTALL_ROOT, 'fonts', file), file, () => readFileSync(join(INSTALL_ROOT, 'fonts', file)));
// pdfmake rewrites the dictionary it is given: a fresh one for each document.
const noto = () => ({ Noto: { normal: face('NotoSans-Regular.ttf'), bold: face('NotoSans-Bold.ttf'), italics: face('NotoSans-Regular.ttf'), bolditalics: face('NotoSans-Bold.ttf') } });
const lines = (count: number, label: string) => Array.from({ length: count }, (_, i) => ({ text: `${label} line ${i + 1}` }));

/** Lays out a cover, a filler, a heading group and a block after it on A5 pages with a footer; the page of each text. */
async function pagesOf(filler: number, after: Record<string, unknown>, check = true): Promise<{ pages: number; heading: number; after: number }> {
  const pdf = await readPdf(await renderDefinition({
    pageSize: 'A5',
    pageMargins: style.page.margins,
    defaultStyle: { font: 'Noto', fontSize: 10, lineHeight: 1.2 },
    content: [
      // As in the brochure, the body starts after a cover: pdfmake puts what it cannot place on page 1.
      { text: 'Cover', pageBreak: 'after' },
      { stack: lines(filler, 'filler') },
      ...headingBefore([{ text: 'The heading', fontSize: 14, bold: true }, { text: 'Its lead' }], after, () => 'first-after-heading'),
    ],
    footer: (page: number) => ({ columns: [{ text: 'Running footer' }, { text: String(page), alignment: 'right' }], margin: [40, 10, 40, 0] }),
    ...(check ? { pageBreakBefore: headingBreak(style) } : {}),
  }, noto()));
  const pageOf = (wanted: string) => pdf.pages.find((p) => compact(p.items.map((i) => i.text).join('')).includes(compact(wanted)))?.number ?? 0;
  return { pages: pdf.pageCount, heading: pageOf('The heading'), after: pageOf('block line 1') };
}

describe('the heading page-break check, on pdfmake\'s layout', () => {
  // An A5 page holds about 30 lines of this text: 25 lines of filler leave room for the heading and its lead only.
  const unbreakable = { stack: lines(8, 'block'), unbreakable: true };

  it('without the check, pdfmake leaves the heading at the foot of the page and moves the block on', async () => {
    const laidOut = await pagesOf(25, unbreakable, false);
    expect(laidOut).toMatchObject({ heading: 2, after: 3 });
  });

  it('moves a heading group whose block starts on the next page to that page', async () => {
    expect(await pagesOf(25, unbreakable)).toEqual({ pages: 3, heading: 3, after: 3 });
  });

  it('moves a heading group whose table cannot start its head and first rows on the page', async () => {
    const table = {
      // As clair's tables: the head repeats, keeps with the first two rows, and no row splits.
      table: { headerRows: 1, keepWithHeaderRows: 2, dontBreakRows: true, widths: ['*', '*'], body: [[{ text: 'Head' }, { text: 'Count' }], ...lines(12, 'block').map((line) => [line, { text: '1\n2' }])] },
    };
    expect(await pagesOf(25, table, false)).toMatchObject({ heading: 2, after: 3 });
    expect(await pagesOf(25, table)).toMatchObject({ heading: 3, after: 3 });
  });

  it('leaves a heading that body text follows on its page', async () => {
    expect(await pagesOf(25, { stack: lines(8, 'block') })).toEqual({ pages: 3, heading: 2, after: 2 });
    expect(await pagesOf(10, unbreakable)).toEqual({ pages: 2, heading: 2, after: 2 });
  });

  it('leaves a heading at the head of its page, where a break would only add a blank page', async () => {
    const tall = { stack: lines(60, 'block'), unbreakable: false };
    const laidOut = await pagesOf(0, tall);
    expect(laidOut).toMatchObject({ heading: 2, after: 2 });
  });
});

describe('the heading page-break check, on its input', () => {
  const check = headingBreak(style);
  const head = style.page.margins[1];
  // pdfmake's view of the nodes: the probes are in the flow and the block's first text has an id, so their pages are
  // true; what an unbreakable block holds shows the page where the block started.
  const at = (pageNumber: number, extra: Record<string, unknown> = {}) => ({ startPosition: { top: 500, pageNumber }, ...extra });
  const before = at(3, { headlineLevel: HEADLINE.beforeHeading });
  const group = at(3, { headlineLevel: HEADLINE.heading });
  const after = at(3, { headlineLevel: HEADLINE.afterHeading });
  const context = (following: ReturnType<typeof at>[]) => ({ getFollowingNodesOnPage: () => following });

  it('asks for a break before the group when the block after it starts on the next page', () => {
    // The block's nodes still show page 3 (where it started before it moved); its first text knows better.
    expect(check(before, context([group, after, at(3, { text: 'row' }), at(4, { id: 'keep-1' })]))).toBe(true);
    expect(check(before, context([group, after, at(3, { text: 'row' })]))).toBe(true);
  });

  it('asks for none when the block starts on the page, when the group went on by itself, or at the head of a page', () => {
    expect(check(before, context([group, after, at(3, { id: 'keep-1' })]))).toBe(false);
    expect(check(before, context([at(3, { text: 'footer' })]))).toBe(false);
    expect(check({ ...before, startPosition: { top: head, pageNumber: 3 } }, context([group, after]))).toBe(false);
  });

  it('is asked only by the probe before a group', () => {
    for (const node of [group, after, at(3, { text: 'body' })]) expect(check(node, context([group, after]))).toBe(false);
  });
});

describe('a heading group', () => {
  it('is one unbreakable stack, between the two probes the check reads, before a block whose first text has an id', () => {
    const table = { table: { headerRows: 1, body: [[{ text: 'Head' }], [{ text: 'First row' }]] } };
    const [before, group, after, block] = headingBefore([{ text: 'II' }, { text: 'JET' }], table, () => 'keep-1');
    expect(before).toMatchObject({ headlineLevel: HEADLINE.beforeHeading, canvas: [expect.anything()] });
    expect(group).toEqual({ stack: [{ text: 'II' }, { text: 'JET' }], unbreakable: true, headlineLevel: HEADLINE.heading });
    expect(after).toMatchObject({ headlineLevel: HEADLINE.afterHeading });
    // The head row repeats on every page: the id goes on the first text under it.
    expect(block).toBe(table);
    expect(table.table.body[1]![0]).toEqual({ text: 'First row', id: 'keep-1' });
    expect(table.table.body[0]![0]).toEqual({ text: 'Head' });
  });

  it('is set alone before a block without text, which the check cannot follow', () => {
    expect(headingBefore([{ text: 'Photos' }], { image: 'photo' }, () => 'keep-1')).toEqual([keptHeading([{ text: 'Photos' }]), { image: 'photo' }]);
  });
});
