// Prefecture names are real: the schema only checks that a name ends in 都, 道, 府 or 県, the table in
// src/model/prefectures.ts knows the 47. A name given in another language (Miyagi, 미야기현) is answered with
// its Japanese name.
import { PREFECTURES, prefectureByName } from '../../model/prefectures.js';
import { didYouMean } from '../suggest.js';
import type { Rule } from './rule.js';

const japaneseNames = PREFECTURES.map((p) => p.ja);
const byOtherName = new Map<string, string>();
for (const p of PREFECTURES) for (const name of [p.ko, p.en, p['zh-Hans'], p.fr]) byOtherName.set(name.toLowerCase(), p.ja);

/** The Japanese prefecture name a wrong one was probably meant to be. */
export function suggestPrefecture(name: string): string | undefined {
  return byOtherName.get(name.toLowerCase()) ?? didYouMean(name, japaneseNames);
}

export const prefectureNames: Rule = {
  id: 'prefecture-names',
  check({ shared, report }) {
    for (const { file, at, value: prefecture } of shared('prefecture')) {
      if (typeof prefecture !== 'string' || prefectureByName(prefecture)) continue;
      const suggestion = suggestPrefecture(prefecture);
      report({
        file, at, code: 'unknown-prefecture',
        message: {
          en: `"${prefecture}" is not one of the 47 prefectures of Japan${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
          ja: `「${prefecture}」は47都道府県にありません${suggestion ? `。「${suggestion}」の間違いではありませんか？` : ''}`,
        },
        found: prefecture,
        expected: { en: 'a prefecture by its Japanese name, e.g. 宮城県, 北海道, 東京都', ja: '都道府県名（例: 宮城県、北海道、東京都）' },
      });
    }
  },
};
