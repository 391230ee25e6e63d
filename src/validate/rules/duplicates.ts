// Lists keyed by year (or by year and round, position and prefecture, …) hold each key once: two rows for fiscal
// year 2025 in a table of yearly figures means one of them is a typo, and the brochure would print both.
import type { DataKey, OfficeData } from '../../schema/index.js';
import type { Segment } from '../paths.js';
import type { Rule, RuleContext } from './rule.js';

interface KeyedList {
  file: DataKey;
  /** Each list with where it is. */
  lists(data: Partial<OfficeData>): { at: Segment[]; items: readonly unknown[] }[];
  key(item: never): string;
  /** The key in words, for the message. */
  describe(item: never): { en: string; ja: string };
  /** Field of an item to point at. */
  field: string;
}

const byYear = (item: { fiscalYear: number }) => String(item.fiscalYear);
const yearWords = (item: { fiscalYear: number }) => ({ en: `fiscal year ${item.fiscalYear}`, ja: `${item.fiscalYear}年度` });
const one = (at: Segment[], items: readonly unknown[] | undefined) => (items ? [{ at, items }] : []);

const KEYED_LISTS: KeyedList[] = [
  { file: 'jet', lists: (d) => one(['years'], d.jet?.years), key: byYear, describe: yearWords, field: 'fiscalYear' },
  { file: 'jet', lists: (d) => one(['placements'], d.jet?.placements), key: byYear, describe: yearWords, field: 'fiscalYear' },
  {
    file: 'jet', lists: (d) => one(['positions'], d.jet?.positions), field: 'code',
    key: (p: { code: string }) => p.code, describe: (p: { code: string }) => ({ en: p.code, ja: p.code }),
  },
  {
    file: 'jet', field: 'position',
    lists: (d) => (d.jet?.placements ?? []).flatMap((p, i) => one(['placements', i, 'byPlacingBody'], p.byPlacingBody)),
    key: (e: { position: string; bodyType: string }) => `${e.position} ${e.bodyType}`,
    describe: (e: { position: string; bodyType: string }) => ({ en: `${e.position} / ${e.bodyType}`, ja: `${e.position} / ${e.bodyType}` }),
  },
  {
    file: 'jet', field: 'prefecture',
    lists: (d) => (d.jet?.placements ?? []).flatMap((p, i) => one(['placements', i, 'byPrefecture'], p.byPrefecture)),
    key: (e: { position: string; prefecture: string }) => `${e.position} ${e.prefecture}`,
    describe: (e: { position: string; prefecture: string }) => ({ en: `${e.position} in ${e.prefecture}`, ja: `${e.prefecture}の${e.position}` }),
  },
  { file: 'festival', lists: (d) => one(['editions'], d.festival?.editions), key: byYear, describe: yearWords, field: 'fiscalYear' },
  {
    // Several seminars in a year are told apart by their dates; without dates, one theme per year.
    file: 'seminars', lists: (d) => one(['themes'], d.seminars?.themes), field: 'fiscalYear',
    key: (x: { fiscalYear: number; date?: string }) => `${x.fiscalYear} ${x.date ?? ''}`,
    describe: (x: { fiscalYear: number; date?: string }) => (x.date ? { en: `the seminar of ${x.date}`, ja: `${x.date}のセミナー` } : yearWords(x)),
  },
  { file: 'sisterCities', lists: (d) => one(['exchangeProgrammes'], d.sisterCities?.exchangeProgrammes), key: byYear, describe: yearWords, field: 'fiscalYear' },
  { file: 'snsChannel', lists: (d) => one(['featured'], d.snsChannel?.featured), key: byYear, describe: yearWords, field: 'fiscalYear' },
  { file: 'support', lists: (d) => one(['cases', 'yearly'], d.support?.cases?.yearly), key: byYear, describe: yearWords, field: 'fiscalYear' },
  {
    file: 'lectures', lists: (d) => one(['lectures'], d.lectures?.lectures), field: 'round',
    key: (l: { fiscalYear: number; round: number }) => `${l.fiscalYear} ${l.round}`,
    describe: (l: { fiscalYear: number; round: number }) => ({ en: `round ${l.round} of fiscal year ${l.fiscalYear}`, ja: `${l.fiscalYear}年度の第${l.round}回` }),
  },
];

function checkList(list: KeyedList, { data, report }: RuleContext): void {
  for (const { at, items } of list.lists(data)) {
    const first = new Map<string, number>();
    items.forEach((item, index) => {
      const key = list.key(item as never);
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, index);
        return;
      }
      const what = list.describe(item as never);
      const path = at.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.').replace(/\.\[/g, '[');
      report({
        file: list.file, at: [...at, index, list.field], code: 'duplicate-entry',
        message: {
          en: `${what.en} appears twice in ${path} (items ${earlier} and ${index})`,
          ja: `${path} に ${what.ja} が2回あります（${earlier} 番目と ${index} 番目、0 から数えて）`,
        },
        found: what.en,
        expected: { en: 'one entry per key: merge the two or correct one of them', ja: '1件にまとめるか、どちらかを直してください' },
      });
    });
  }
}

export const duplicateEntries: Rule = {
  id: 'duplicate-entries',
  check(context) {
    for (const list of KEYED_LISTS) checkList(list, context);
  },
};
