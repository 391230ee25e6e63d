// The Korean edition is written for Korean readers: no Japanese brackets (「」【】) and no katakana — neither a
// reading such as トランドラン nor the Japanese list mark ・ — in Korean text, unless the data marks it as part of
// an official name (a `name` field: a name is printed as its owner writes it, wherever it appears).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOffice, officeData } from '../load/office.js';
import type { OfficeData } from '../schema/index.js';
import { INSTALL_ROOT, World } from '../world.js';
import type { BrochureDocument, Run } from './blocks.js';
import { buildDocument, editionsOf } from './build.js';

const world = new World({ dataRoot: join(INSTALL_ROOT, 'data') });
let data: OfficeData;
let officeDir: string;

/** Japanese brackets, and katakana (the block includes ・ U+30FB and ー). */
const JAPANESE_MARKS = /[「」『』【】\u30a0-\u30ff]/;

/** Every run of a document, wherever it sits (titles, tables, notes, charts' captions). */
function runsOf(node: unknown, out: Run[] = []): Run[] {
  if (Array.isArray(node)) for (const item of node) runsOf(item, out);
  else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (typeof record.text === 'string' && typeof record.lang === 'string') out.push(record as unknown as Run);
    for (const value of Object.values(record)) runsOf(value, out);
  }
  return out;
}

/** The Korean of every `name` field of the data: the official names Korean text may quote as written. */
function officialKoreanNames(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) officialKoreanNames(item, out);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if ((key === 'name' || key === 'channelName') && value !== null && typeof value === 'object' && typeof (value as { ko?: unknown }).ko === 'string') {
        out.add((value as { ko: string }).ko);
      } else if ((key === 'name' || key === 'channelName') && typeof value === 'string') {
        out.add(value);
      }
      officialKoreanNames(value, out);
    }
  }
  return out;
}

/** Korean runs (and readings shown with them) holding Japanese marks outside an official name. */
function japaneseMarksInKorean(doc: BrochureDocument, names: Set<string>): string[] {
  const longestFirst = [...names].sort((a, b) => b.length - a.length);
  return runsOf(doc)
    .filter((run) => run.lang === 'ko')
    .flatMap((run) => [run.text, ...(run.reading ? [run.reading] : [])])
    .filter((text) => {
      let rest = text;
      for (const name of longestFirst) rest = rest.replaceAll(name, '');
      return JAPANESE_MARKS.test(rest);
    });
}

const koEdition = (office: OfficeData) => buildDocument({ world, officeId: 'seoul', officeDir, data: office }, editionsOf(office.brochure).find((e) => e.id === 'ko')!);

beforeAll(() => {
  const loaded = loadOffice(world, 'seoul');
  expect(loaded.diagnostics).toEqual([]);
  data = officeData(loaded);
  officeDir = loaded.dir;
});

describe('the Korean edition', () => {
  it('has no 「」【】 or katakana in its Korean text', () => {
    expect(japaneseMarksInKorean(koEdition(data), officialKoreanNames(data))).toEqual([]);
  });

  it('shows neither the katakana reading of 도란도란 nor its Japanese gloss', () => {
    const texts = runsOf(koEdition(data)).map((run) => run.text).join('\n');
    expect(texts).toContain('도란도란');
    expect(texts).not.toContain('トランドラン');
    expect(texts).not.toContain('小さな声');
  });

  it('would catch Japanese brackets typed into Korean text, and let an official name keep its own', () => {
    const edited = structuredClone(data);
    edited.outreach!.callToAction = { ja: 'ぜひ「いいね！」やシェアをお願いします！', ko: '「좋아요」와 공유 부탁드립니다!' };
    expect(japaneseMarksInKorean(koEdition(edited), officialKoreanNames(edited))).toEqual(['「좋아요」와 공유 부탁드립니다!']);

    // A name written with a katakana word by its owner (a made-up one) is kept, here and wherever it is quoted.
    const named = structuredClone(data);
    named.festival!.name = { ja: '日韓交流おまつり', ko: '한일축제한마당 マツリ' };
    named.festival!.description = [{ ja: '毎年開催', ko: '한일축제한마당 マツリ를 매년 개최' }];
    expect(japaneseMarksInKorean(koEdition(named), officialKoreanNames(named))).toEqual([]);
  });

  it('prints the readings of Korean names only in the Japanese edition', () => {
    const ja = runsOf(buildDocument({ world, officeId: 'seoul', officeDir, data }, editionsOf(data.brochure).find((e) => e.id === 'ja')!));
    expect(ja.some((run) => run.reading === 'ユク・ドンイル')).toBe(true);
    expect(runsOf(koEdition(data)).some((run) => run.reading !== undefined)).toBe(false);
  });
});
