// Marks set inline before a text (a bullet inside a table cell, a note's ※) follow the language: spaced languages
// put a space after the mark, Japanese does not; the lectures table of the Korean edition shows it on real data.
import { describe, expect, it } from 'vitest';
import { buildDocument, editionsOf } from '../document/build.js';
import type { Rich, TableBlock } from '../document/blocks.js';
import { loadOffice, officeData } from '../load/office.js';
import { SHIPPED_DATA } from '../build/__fixtures__/offices.js';
import { World } from '../world.js';
import { EditionText, loadLabels } from '../document/text.js';
import { bracketedAfter, marked } from './kit.js';

describe('marked', () => {
  it('sets a Japanese mark against its text and a Korean or English one a space before it', () => {
    expect(marked('ja', 'bullet', '職員派遣元自治体の観光情報等')).toBe('・職員派遣元自治体の観光情報等');
    expect(marked('ja', 'note', '2026年3月改訂')).toBe('※2026年3月改訂');
    expect(marked('ko', 'bullet', '직원 파견 지자체의 관광 정보 등')).toBe('• 직원 파견 지자체의 관광 정보 등');
    expect(marked('ko', 'note', '2026년 3월 개정')).toBe('※ 2026년 3월 개정');
    expect(marked('en', 'bullet', 'Tourism news')).toBe('• Tourism news');
  });

  it('gives the topics in the Korean lectures table a bullet and a space, as the Japanese ones their ・', () => {
    const world = new World({ dataRoot: SHIPPED_DATA });
    const loaded = loadOffice(world, 'seoul');
    const data = officeData(loaded);
    const plain = (rich: Rich) => rich.map((r) => r.text).join('');
    for (const [lang, start] of [['ja', /^・\S/], ['ko', /^• \S/]] as const) {
      const edition = editionsOf(data.brochure).find((e) => e.primary === lang && !e.secondary)!;
      const doc = buildDocument({ world, officeId: 'seoul', officeDir: loaded.dir, data }, edition);
      const lectures = doc.parts.flatMap((p) => p.sections).find((s) => s.id === 'lectures')!;
      const tables = lectures.blocks.filter((b): b is TableBlock => b.kind === 'table');
      const topics = tables.flatMap((t) => t.rows.flatMap((r) => r.cells.at(-1)!.content)).map((txt) => plain(txt.primary));
      expect(topics.length).toBeGreaterThan(0);
      for (const topic of topics) expect(topic).toMatch(start);
    }
  });
});

describe('bracketedAfter', () => {
  it('brackets in each language\'s way, with one space before the bracket where words are spaced', () => {
    const world = new World({ dataRoot: SHIPPED_DATA });
    const t = new EditionText({ id: 'ja', languages: ['ja', 'ko', 'en'], primary: 'ja' }, loadLabels(world, ['ja', 'ko', 'en']));
    expect(bracketedAfter(t, 'ja', '+8.0%')).toBe('（+8.0%）');
    expect(bracketedAfter(t, 'ko', '+8.0%')).toBe(' (+8.0%)');
    // English brackets carry their space already: never two.
    expect(bracketedAfter(t, 'en', '+8.0%')).toBe(' (+8.0%)');
  });
});
