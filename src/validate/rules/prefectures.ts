// Prefecture names are real: the schema only checks that a name ends in 都, 道, 府 or 県, the table in
// src/model/prefectures.ts knows the 47. A name given in another language (Miyagi, 미야기현) is answered with
// its Japanese name.
import { PREFECTURES, prefectureByName } from '../../model/prefectures.js';
import { didYouMean } from '../suggest.js';
import type { Rule } from './rule.js';

const japaneseNames = PREFECTURES.map((p) => p.ja);

/**
 * A romanised name reduced to what every spelling shares: "Tottori", "tottori-ken", "Tottori Prefecture", "Tôkyô-to",
 * "Toukyou" and "Tokyo Metropolis" meet at "tottori" and "tokyo".
 */
export function romanisedKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/\b(prefecture|metropolis|metropolitan|pref\.?)\b/g, '')
    .replace(/[\s-]+(ken|fu|to|do)$/, '')
    .replace(/[^a-z]/g, '')
    .replace(/ou/g, 'o').replace(/oo/g, 'o').replace(/uu/g, 'u');
}

const byOtherName = new Map<string, string>();
for (const p of PREFECTURES) {
  for (const name of [p.ko, p.en, p['zh-Hans'], p.fr]) byOtherName.set(name.toLowerCase(), p.ja);
  byOtherName.set(romanisedKey(p.en), p.ja);
  // The Japanese name without its 県/府/都 (鳥取 for 鳥取県).
  byOtherName.set(p.ja.replace(/[都府県]$/, ''), p.ja);
}
const romanisedKeys = PREFECTURES.map((p) => romanisedKey(p.en));

/** The Japanese prefecture name a wrong one was probably meant to be, from its Japanese, romanised or other names. */
export function suggestPrefecture(name: string): string | undefined {
  const trimmed = name.trim();
  const known = byOtherName.get(trimmed.toLowerCase()) ?? byOtherName.get(trimmed);
  if (known) return known;
  if (/[a-z]/i.test(trimmed)) {
    const key = romanisedKey(trimmed);
    const exact = byOtherName.get(key);
    if (exact) return exact;
    const near = key.length >= 3 ? didYouMean(key, romanisedKeys) : undefined;
    if (near) return PREFECTURES[romanisedKeys.indexOf(near)]!.ja;
  }
  return didYouMean(trimmed, japaneseNames);
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
