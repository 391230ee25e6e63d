// The records of an office unlike Seoul (the Singapore test office of offices/asean: English, ASEAN and India), read
// from the view model both renderers share: every new field reaches the page, in each language's order.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, BrochureDocument, Txt } from '../document/blocks.js';
import { buildDocument, editionsOf } from '../document/build.js';
import { loadOffice, officeData } from '../load/office.js';
import { computeMetrics } from '../metrics/index.js';
import type { OfficeData } from '../schema/index.js';
import { INSTALL_ROOT, World } from '../world.js';

const world = new World({ dataRoot: join(INSTALL_ROOT, 'src', '__fixtures__', 'offices', 'asean') });
const docs = new Map<string, BrochureDocument>();
let data: OfficeData;

const text = (txt: Txt, which: 'primary' | 'secondary' = 'primary') => (txt[which] ?? []).map((r) => r.text).join('');
function section(editionId: string, id: string): Block[] {
  const doc = docs.get(editionId)!;
  return doc.parts.flatMap((p) => p.sections).find((s) => s.id === id)!.blocks;
}
function table(editionId: string, sectionId: string, tableId: string): string[][] {
  const block = section(editionId, sectionId).find((b) => b.kind === 'table' && b.id === tableId);
  if (block?.kind !== 'table') throw new Error(`no table ${tableId}`);
  return [block.columns.map((c) => text(c.header)), ...block.rows.map((r) => r.cells.map((c) => c.content.map((x) => text(x)).join(' / ')))];
}

beforeAll(() => {
  const loaded = loadOffice(world, 'singapore');
  data = officeData(loaded);
  for (const edition of editionsOf(data.brochure)) docs.set(edition.id, buildDocument({ world, officeId: 'singapore', officeDir: loaded.dir, data }, edition));
});

describe('an office that covers several countries', () => {
  it('labels the sister-city total neutrally and gives each country its own figure', () => {
    const figures = section('en', 'sister-cities').find((b) => b.kind === 'figures');
    if (figures?.kind !== 'figures') throw new Error('no figures');
    expect(figures.items.map((i) => [text(i.label), text(i.value)])).toEqual([
      ['Sister-city partnerships', '6'],
      ['Sister-city partnerships with Thailand', '2'],
      ['Sister-city partnerships with Indonesia', '2'],
      ['Sister-city partnerships with the Philippines', '2'],
    ]);
    expect(table('en', 'sister-cities', 'sister-city-partnerships')[1]).toEqual(['Oyama City, Tochigi', 'Test City A', 'Thailand', '2001']);
    expect(table('ja', 'sister-cities', 'sister-city-partnerships')[1]).toEqual(['栃木県小山市', 'テスト用の都市A', 'タイ', '2001']);
  });

  it('names the country and city of an event, a city-state once', () => {
    const rows = table('en', 'events', 'events-booths');
    expect(rows[0]).toEqual(['FY', 'Event', 'Dates', 'Venue', 'Details', 'Municipality']);
    expect(rows[1]).toEqual(['2021', 'Anniversary event (test)', '5 Feb', 'Test venue (Bangkok, Thailand)',
      'Organiser: Embassy of Japan in Thailand (test) / With JNTO / 300 participants', '']);
    expect(rows[2]).toEqual(['C3AFA Singapore', '27–28 Nov', 'Test venue (Singapore)', '1,000+ participants', 'Tottori, Oyama City, Tochigi']);
    expect(table('ja', 'events', 'events-booths')[1]![3]).toBe('テスト用の会場（タイ・バンコク）');
  });

  it('gives JET participants by country, a year without a country\'s figure as —', () => {
    expect(table('en', 'jet', 'jet-participants-by-country')).toEqual([
      ['Country', 'FY2020', 'FY2021'], ['Singapore', '9', '10'], ['the Philippines', '11', '12'], ['India', '—', '8'],
    ]);
  });

  it('says where the festival was held, as an event says it, in each language\'s order', () => {
    const facts = (edition: string) => {
      const block = section(edition, 'festival').find((b) => b.kind === 'facts');
      if (block?.kind !== 'facts') throw new Error('no facts');
      return block.items.map((i) => [text(i.label), i.values.map((v) => text(v)).join(' / ')]);
    };
    expect(facts('en')).toContainEqual(['Venue', 'Test venue (Bangkok, Thailand)']);
    expect(facts('ja')).toContainEqual(['場所', 'テスト用の会場（タイ・バンコク）']);
    expect(facts('en')).toContainEqual(['Visitors', '5,000+']);
    expect(facts('ja')).toContainEqual(['来場者数', '5,000名以上']);
    // Each year's booths under the place of that year's festival.
    expect(table('en', 'festival', 'festival-booths').slice(1).map((row) => row[0])).toEqual([
      '2021 / (2 exhibitors) / Bangkok, Thailand', '2020 / (1 exhibitor) / Singapore',
    ]);
  });

  it('gives an influencer visit the country and city of its influencers, in a column of its own', () => {
    const rows = table('en', 'influencer-visits', 'influencer-visits');
    expect(rows[0]).toEqual(['FY', 'Market', 'Municipality', 'Main places visited']);
    expect(rows.slice(1).map((row) => row.slice(-3, -2))).toEqual([['Bangkok, Thailand'], ['Malaysia']]);
    expect(table('ja', 'influencer-visits', 'influencer-visits').slice(1).map((row) => row.slice(-3, -2))).toEqual([['タイ・バンコク'], ['マレーシア']]);
  });

  it('words the research requests with their year and place', () => {
    expect(table('en', 'research-requests', 'research-requests-recorded')).toEqual([
      ['FY', 'Request', 'Place'], ['2021', 'Test request A', 'Viet Nam'], ['2021', 'Test request B', 'Delhi, India'],
    ]);
  });
});

describe('richer records', () => {
  it('keeps a cooking class with several suppliers and its ingredients as one row, and counts one class each', () => {
    const rows = table('en', 'cooking-classes', 'cooking-classes');
    expect(rows[0]).toEqual(['FY', 'Dates', 'Municipality', 'Ingredients', 'Details']);
    expect(rows).toHaveLength(3);
    expect(rows[2]).toEqual(['16 Oct', 'Oyama City, Tochigi, Tottori', 'Test ingredient A, Test ingredient B',
      'Singapore / With ABC Cooking Studio / 24 participants / Media: Test newspaper']);
    expect(computeMetrics(data).find((s) => s.id === 'cooking-classes')!.values).toMatchObject([{ fiscalYear: 2021, value: 2 }]);
  });

  it('prints the seminar\'s partner, format, place and participants, and credits speakers in each language\'s order', () => {
    const facts = section('en', 'seminars').find((b) => b.kind === 'facts');
    if (facts?.kind !== 'facts') throw new Error('no facts');
    expect(facts.items.map((i) => [text(i.label), i.values.map((v) => text(v))])).toEqual([
      ['Date', ['Thu 20 January 2022']],
      ['Venue', ['Test venue']],
      ['Partner', ['Local government bodies in ASEAN (test)']],
      ['Details', ['Jakarta, Indonesia', 'Hybrid (in person and online)', '80 participants']],
    ]);
    expect(table('en', 'seminars', 'seminar-programme')[2]).toEqual(['Opening remarks', 'Taro Yamada, Director, CLAIR Singapore']);
    expect(table('ja', 'seminars', 'seminar-programme')[2]).toEqual(['開会の辞', '山田太郎 クレアシンガポール 所長']);
    expect(table('ja-en', 'seminars', 'seminar-themes')[1]![3]).toBe('インドネシア・ジャカルタ / ハイブリッド（対面・オンライン） / 参加者80名');
  });
});

describe('the back page abroad', () => {
  it('puts the postal code after the address in English, without 〒 in any language, and one airport in the singular', () => {
    const contact = section('en', 'contact');
    const facts = contact.find((b) => b.kind === 'facts');
    if (facts?.kind !== 'facts') throw new Error('no facts');
    expect(text(facts.items[0]!.values[0]!)).toBe('(test address) 1 Example Road, #01-01, Singapore 000000');
    const ja = section('ja', 'contact').find((b) => b.kind === 'facts');
    if (ja?.kind !== 'facts') throw new Error('no facts');
    expect(text(ja.items[0]!.values[0]!)).toBe('000000 （テスト用の住所）1 Example Road, #01-01, Singapore');
    const access = contact.find((b) => b.kind === 'list');
    if (access?.kind !== 'list') throw new Error('no access list');
    expect(text(access.title!)).toBe('From the airport');
  });
});
