import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadOffice, officeData } from '../load/office.js';
import type { OfficeData } from '../schema/index.js';
import { INSTALL_ROOT, World } from '../world.js';
import type { Block, BrochureDocument, Rich, TableBlock, Txt } from './blocks.js';
import { buildDocument, editionsOf } from './build.js';
import { blockTexts } from './__fixtures__/texts.js';

const world = new World({ dataRoot: join(INSTALL_ROOT, 'data') });
let data: OfficeData;
let officeDir: string;
const docs = new Map<string, BrochureDocument>();

const plain = (rich: Rich) => rich.map((r) => r.text).join('');
const blocksOf = (doc: BrochureDocument): Block[] => doc.parts.flatMap((p) => p.sections.flatMap((s) => s.blocks));
const tables = (doc: BrochureDocument) => blocksOf(doc).filter((b): b is TableBlock => b.kind === 'table');
const allTxt = (doc: BrochureDocument): Txt[] => blocksOf(doc).flatMap(blockTexts);

beforeAll(() => {
  const loaded = loadOffice(world, 'seoul');
  expect(loaded.diagnostics).toEqual([]);
  data = officeData(loaded);
  officeDir = loaded.dir;
  for (const edition of editionsOf(data.brochure)) docs.set(edition.id, buildDocument({ world, officeId: 'seoul', officeDir, data }, edition));
});

describe('the Seoul brochure view model', () => {
  it('has the three editions the brochure declares', () => {
    expect([...docs.keys()]).toEqual(['ja', 'ko', 'ja-ko']);
    expect(docs.get('ja-ko')!.edition).toMatchObject({ primary: 'ja', secondary: 'ko' });
  });

  it('keeps the sections in the order of brochure.yaml and numbers them within each part', () => {
    const doc = docs.get('ja')!;
    const declared = data.brochure.parts.flatMap((p) => p.sections.map((s) => s.id));
    const built = doc.parts.flatMap((p) => p.sections.map((s) => s.id));
    expect(built).toEqual(declared.filter((id) => built.includes(id)));
    const partI = doc.parts.find((p) => p.numeral === 'Ⅰ')!;
    expect(partI.sections.map((s) => s.number)).toEqual(['①', '②', '③', '④', '⑤', '⑥']);
    expect(doc.parts.map((p) => p.numeral).filter(Boolean)).toEqual(['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ']);
  });

  it('puts every event of the data in the events table, newest fiscal year first', () => {
    const table = tables(docs.get('ja')!).find((t) => t.id === 'events-booths')!;
    const names = table.rows.flatMap((r) => r.cells.map((c) => plain(c.content[0]!.primary)));
    for (const event of data.events!.events) {
      const name = typeof event.name === 'string' ? event.name : event.name.ja!;
      expect(names).toContain(name);
    }
    const yearCells = table.rows.map((r) => r.cells[0]!).filter((c) => c.rowSpan || /^\d{4}$/.test(plain(c.content[0]!.primary)));
    const years = yearCells.map((c) => Number(plain(c.content[0]!.primary)));
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });

  it('words the Korean edition in Korean, prefectures included', () => {
    const ko = docs.get('ko')!;
    const text = allTxt(ko).map((t) => plain(t.primary)).join('\n');
    expect(text).toContain('홋카이도');
    expect(text).toContain('한일축제한마당');
    expect(text).not.toMatch(/北海道|青森県|年度/);
    for (const txt of allTxt(ko)) expect(txt.secondary).toBeUndefined();
  });

  it('gives the bilingual edition the Korean under the Japanese', () => {
    const bilingual = allTxt(docs.get('ja-ko')!);
    const withSecondary = bilingual.filter((t) => t.secondary);
    expect(withSecondary.length).toBeGreaterThan(100);
    for (const t of withSecondary) {
      expect(t.primary.every((r) => r.lang === 'ja' || /^[\x20-\x7e]*$/.test(r.text))).toBe(true);
      expect(t.secondary!.every((r) => r.lang === 'ko')).toBe(true);
    }
  });

  it('derives the staff line and the Japanese era from the data', () => {
    const text = allTxt(docs.get('ja')!).map((t) => plain(t.primary)).join('\n');
    expect(text).toContain('1988年（昭和63年）に設立');
    expect(text).toContain('11名');
    expect(text).toContain('所長補佐6名');
    expect(text).toContain('2025年10月12日（日）');
    expect(text).toContain('5,933名');
  });

  it('fixes the build date from the data, not the clock', () => {
    expect(docs.get('ja')!.meta.created.toISOString()).toBe(`${data.brochure.published}T00:00:00.000Z`);
  });
});
