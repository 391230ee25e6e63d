// A row span's label (a fiscal year over its events) must be on every page its rows are on: once, in the span's
// first row on that page. The picking of label copies is tested on made-up pages, then on a real brochure whose
// events table runs over several pages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildChecked, copySeoul, editYaml, removeDir, tempDir } from '../../../build/__fixtures__/offices.js';
import { World } from '../../../world.js';
import { readPdf } from '../read-back.js';
import { withContinuedLabels, type RowSpanMark } from './row-span-labels.js';

const line = (text: string, y: number, mark?: RowSpanMark) => ({ type: 'line', item: { y, text, inlines: [{ text, ...(mark ? { rowSpanLabel: mark } : {}) }] } });
const texts = (items: ReturnType<typeof line>[]) => items.map((entry) => entry.item.text);

describe('picking the label copies of a page', () => {
  it('draws none where the label itself is on the page', () => {
    const page = [line('2025', 100, { span: 'a' }), line('event 1', 100), line('2025', 120, { span: 'a', row: 2 }), line('event 2', 120)];
    expect(texts(withContinuedLabels(page))).toEqual(['2025', 'event 1', 'event 2']);
  });

  it('draws the copy of the topmost row under the span, every line of it, and only that one', () => {
    const page = [
      { type: 'vector', item: { y: 0 } },
      line('17:05〜', 80, { span: 'a', row: 7 }), line('18:00', 92, { span: 'a', row: 7 }), line('討論', 80),
      line('17:05〜', 140, { span: 'a', row: 8 }), line('18:00', 152, { span: 'a', row: 8 }), line('閉会', 140),
    ] as ReturnType<typeof line>[];
    const kept = withContinuedLabels(page);
    expect(kept[0]!.type).toBe('vector');
    expect(texts(kept.slice(1))).toEqual(['17:05〜', '18:00', '討論', '閉会']);
  });

  it('treats each span on its own, by position on the page rather than by order of drawing', () => {
    const page = [
      line('2025', 300, { span: 'b', row: 9 }), line('2024', 200, { span: 'a', row: 4 }),
      line('2024', 100, { span: 'a', row: 3 }), line('2023', 400, { span: 'c' }), line('2023', 420, { span: 'c', row: 12 }),
    ];
    expect(texts(withContinuedLabels(page))).toEqual(['2025', '2024', '2023']);
    expect(withContinuedLabels(page).map((entry) => entry.item.y)).toEqual([300, 100, 400]);
  });

  it('leaves a page without copies as it is', () => {
    const page = [line('2025', 100, { span: 'a' }), line('event', 100)];
    expect(withContinuedLabels(page)).toBe(page);
  });
});

describe('an events table that runs over several pages', () => {
  const root = tempDir('row-span-labels');
  afterAll(() => removeDir(root));

  it('shows the fiscal year once on every page that has events of that year', async () => {
    const office = copySeoul(root);
    // 45 events of 2025 and 30 of 2024: more rows than one page holds under either year.
    const yearOf = (n: number): number => (n <= 45 ? 2025 : 2024);
    editYaml(join(office.officeDir, 'events.yaml'), (doc) => {
      doc.set('events', Array.from({ length: 75 }, (_, i) => {
        const n = i + 1;
        const year = yearOf(n);
        return {
          fiscalYear: year,
          name: { ja: `観光展 第${n}回`, ko: `관광전 제${n}회` },
          dates: { start: `${year}-${String(4 + (n % 9)).padStart(2, '0')}-${String(1 + (n % 27)).padStart(2, '0')}` },
          venue: 'COEX',
        };
      }));
    });
    const world = new World({ dataRoot: office.dataRoot });
    const result = await buildChecked(world, { editions: ['ja'], formats: ['pdf'], outRoot: join(root, 'out') });
    const pdf = await readPdf(readFileSync(result.files[0]!.path));

    const pagesWithEvents = pdf.pages.map((page) => {
      const text = page.items.map((item) => item.text).join('').replace(/\s+/g, '');
      const events = [...text.matchAll(/観光展第(\d+)回/g)].map((m) => Number(m[1]));
      return { page, years: [...new Set(events.map(yearOf))] };
    }).filter((p) => p.years.length > 0);
    // The table must really run over pages, with rows of a year opening a page, for this test to say anything.
    expect(pagesWithEvents.length).toBeGreaterThanOrEqual(3);

    for (const { page, years } of pagesWithEvents) {
      for (const year of [2025, 2024]) {
        const labels = page.items.filter((item) => item.text.trim() === String(year)).length;
        expect({ page: page.number, year, labels }).toEqual({ page: page.number, year, labels: years.includes(year) ? 1 : 0 });
      }
    }
  });
});
