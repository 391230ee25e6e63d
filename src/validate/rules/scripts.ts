// A text in a language's field is written in that language's script: Hangul or kana in an `en` field, kana in a
// `ko` field is a text pasted into the wrong place. A warning (an error with --strict); a proper name kept in its
// own script on purpose is listed once in office.yaml `scriptExceptions`.
import type { Localized } from '../../diagnostics.js';
import type { LanguageTag } from '../../schema/common.js';
import type { Rule } from './rule.js';

interface Script {
  pattern: RegExp;
  name: Localized;
}

const HANGUL: Script = { pattern: /[\p{Script=Hangul}]+/u, name: { en: 'Hangul', ja: 'ハングル' } };
const KANA: Script = { pattern: /[\p{Script=Hiragana}\p{Script=Katakana}]+/u, name: { en: 'kana', ja: '仮名' } };
const HAN: Script = { pattern: /[\p{Script=Han}]+/u, name: { en: 'Chinese characters', ja: '漢字' } };

/** Scripts a language's text should not contain. Japanese mixes scripts by nature and quotes Korean words. */
const FOREIGN: Partial<Record<LanguageTag, Script[]>> = {
  en: [HANGUL, KANA, HAN],
  fr: [HANGUL, KANA, HAN],
  th: [HANGUL, KANA, HAN],
  ko: [KANA],
  'zh-Hans': [HANGUL, KANA],
};

const LANGUAGE_NAMES: Partial<Record<LanguageTag, Localized>> = {
  ja: { en: 'Japanese', ja: '日本語' },
  ko: { en: 'Korean', ja: '韓国語' },
  'zh-Hans': { en: 'Chinese', ja: '中国語' },
  en: { en: 'English', ja: '英語' },
  fr: { en: 'French', ja: 'フランス語' },
  th: { en: 'Thai', ja: 'タイ語' },
};

/** What is known of a tag, or of its language without region (en-GB → en). */
const byTag = <T>(table: Partial<Record<LanguageTag, T>>, lang: LanguageTag): T | undefined => table[lang] ?? table[lang.split('-')[0]!];

const isReading = (at: readonly (string | number)[]) => {
  const key = at[at.length - 1];
  return typeof key === 'string' && /^reading$|Reading$/.test(key);
};

/** The first run of characters in a script foreign to `lang`, once the office's exceptions are taken out. */
export function foreignScript(text: string, lang: LanguageTag, exceptions: readonly string[] = []): { script: Script; run: string } | undefined {
  let rest = text;
  for (const word of exceptions) rest = rest.split(word).join(' ');
  for (const script of byTag(FOREIGN, lang) ?? []) {
    const match = script.pattern.exec(rest);
    if (match) return { script, run: match[0] };
  }
  return undefined;
}

export const textScripts: Rule = {
  id: 'text-scripts',
  check({ data, shared, report }) {
    const exceptions = data.office?.scriptExceptions ?? [];
    for (const { file, at, value: text } of shared('text')) {
      if (text === null || typeof text !== 'object' || isReading(at)) continue;
      for (const [lang, value] of Object.entries(text) as [LanguageTag, unknown][]) {
        if (typeof value !== 'string') continue;
        const found = foreignScript(value, lang, exceptions);
        if (!found) continue;
        const language = byTag(LANGUAGE_NAMES, lang) ?? { en: lang, ja: lang };
        report({
          file, at: [...at, lang], code: 'wrong-script', severity: 'warning',
          message: {
            en: `the ${language.en} text (${lang}) contains ${found.script.name.en} "${found.run}"; if it was pasted into the wrong field, move it; if it is meant (a proper name), list "${found.run}" in office.yaml scriptExceptions`,
            ja: `${language.ja}（${lang}）のテキストに${found.script.name.ja}「${found.run}」があります。別の欄に貼り付けたものなら移し、意図したもの（固有名詞など）なら office.yaml の scriptExceptions に「${found.run}」を加えてください`,
          },
          found: found.run,
          expected: { en: `${language.en} text`, ja: `${language.ja}のテキスト` },
        });
      }
    }
  },
};
