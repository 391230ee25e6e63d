// The publications of the outreach section as the seed prints them: a publication's revision date is a note under
// its link ("※ 2026年3月改訂"), not a bullet item of the list, in the view model (so in the PDF and the HTML alike)
// and in both rendered files of every edition.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../build/brochure.js';
import { buildChecked, removeDir, SHIPPED_DATA, tempDir } from '../../build/__fixtures__/offices.js';
import type { Block, Rich, Txt } from '../../document/blocks.js';
import { buildDocument, editionsOf } from '../../document/build.js';
import { formatYearMonth } from '../../document/format.js';
import { loadOffice, officeData } from '../../load/office.js';
import { compact, readPdf } from '../../render/pdf/read-back.js';
import { World } from '../../world.js';

const world = new World({ dataRoot: SHIPPED_DATA });
const loaded = loadOffice(world, 'seoul');
const data = officeData(loaded);
const EDITIONS = editionsOf(data.brochure);
const revisedPublication = data.outreach!.publications.find((p) => p.revised && p.url)!;

const plain = (rich: Rich | undefined) => (rich ?? []).map((r) => r.text).join('');
const texts = (txt: Txt) => [plain(txt.primary), ...(txt.secondary ? [plain(txt.secondary)] : [])];
/** The revision line a reader should see in a language: the note mark, then the month in that language's words. */
const revisedLine = (lang: string) => ({ ja: `※${formatYearMonth(revisedPublication.revised!, 'ja')}改訂`, ko: `※ ${formatYearMonth(revisedPublication.revised!, 'ko')} 개정` })[lang as 'ja' | 'ko'];

/** The blocks of the outreach section from the publication's heading to the next heading. */
function publicationBlocks(edition: (typeof EDITIONS)[number]): Block[] {
  const doc = buildDocument({ world, officeId: 'seoul', officeDir: loaded.dir, data }, edition);
  const blocks = doc.parts.flatMap((p) => p.sections).find((s) => s.id === 'outreach')!.blocks;
  const title = typeof revisedPublication.title === 'string' ? revisedPublication.title : revisedPublication.title[edition.primary];
  const start = blocks.findIndex((b) => b.kind === 'heading' && plain(b.text.primary) === title);
  expect(start, 'the publication heading').toBeGreaterThanOrEqual(0);
  const end = blocks.findIndex((b, i) => i > start && b.kind === 'heading');
  return blocks.slice(start + 1, end < 0 ? undefined : end);
}

describe.each(EDITIONS.map((e) => [e.id, e] as const))('a publication with a revision date, in the %s edition', (_id, edition) => {
  it('lists its link alone and sets the revision date as a note under it', () => {
    const [list, note, ...rest] = publicationBlocks(edition);
    expect(list).toMatchObject({ kind: 'list', marker: 'bullet' });
    const items = (list as Extract<Block, { kind: 'list' }>).items;
    expect(items).toHaveLength(1);
    expect(items[0]!.primary.map((r) => r.href)).toContain(revisedPublication.url);
    expect(note).toMatchObject({ kind: 'paragraph', tone: 'note' });
    expect(texts((note as Extract<Block, { kind: 'paragraph' }>).text)).toEqual(edition.languages.map(revisedLine));
    expect(rest).toEqual([]);
  });
});

describe('the revision date in the built files', () => {
  let root: string;
  let result: BuildResult;

  beforeAll(async () => {
    root = tempDir('outreach');
    result = await buildChecked(world, { formats: ['pdf', 'html'], outRoot: root });
  }, 180_000);

  afterAll(() => removeDir(root));

  it('is printed after the link without a list bullet, in the PDF of every edition', async () => {
    for (const edition of EDITIONS) {
      const file = result.files.find((f) => f.edition === edition.id && f.format === 'pdf')!;
      const text = compact((await readPdf(readFileSync(file.path))).text());
      for (const lang of edition.languages) {
        const line = compact(revisedLine(lang)!);
        const at = text.indexOf(line);
        expect(at, `${edition.id}: ${line}`).toBeGreaterThan(0);
        // The character before the note is the end of the link or of the other language's note, never a bullet.
        expect(['・', '•']).not.toContain(text[at - 1]);
        expect(text.lastIndexOf(compact(revisedPublication.url!), at)).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('is a note paragraph, not a list item, in the HTML of every edition', () => {
    for (const edition of EDITIONS) {
      const html = readFileSync(result.files.find((f) => f.edition === edition.id && f.format === 'html')!.path, 'utf8');
      const at = html.indexOf(revisedLine(edition.primary)!);
      expect(at, edition.id).toBeGreaterThan(0);
      const opened = html.lastIndexOf('<p class="note', at);
      expect(opened, `${edition.id}: the note paragraph around the date`).toBeGreaterThan(html.lastIndexOf('<li', at));
      expect(html.lastIndexOf('</p>', at)).toBeLessThan(opened);
    }
  });
});
