// Every text has every language the office publishes in (office.yaml `languages`), and every edition of the
// brochure is in languages the office declares. A missing translation is a warning while the data is being
// written and an error with --strict, when a brochure is about to be printed.
import { fieldLabel } from '../paths.js';
import { didYouMean } from '../suggest.js';
import type { Rule } from './rule.js';

/** Country codes typed for language tags: jp for ja, kr for ko, cn for zh-Hans. */
const LIKELY_MEANT: Record<string, string> = { jp: 'ja', kr: 'ko', cn: 'zh-Hans', zh: 'zh-Hans', gb: 'en', uk: 'en' };

// A reading (ユク・ドンイル) or a gloss (channelMeaning: what 도란도란 means) is for the readers who need it.
const isReading = (at: readonly (string | number)[]) => {
  const key = at[at.length - 1];
  return typeof key === 'string' && /^reading$|Reading$|Meaning$/.test(key);
};

export const textLanguages: Rule = {
  id: 'text-languages',
  check({ languages, shared, report }) {
    if (!languages) return;
    const declared = languages.join(', ');
    for (const { file, at, value: text } of shared('text')) {
      // A plain string is language-neutral (a venue, a brand name) and fine in every edition.
      if (text === null || typeof text !== 'object') continue;
      // A reading (ユク・ドンイル for 陸東一) glosses a name for the editions whose script needs it, not for all.
      if (isReading(at)) continue;
      const missing = languages.filter((tag) => !(tag in text));
      // {jp: COEX}: any language tag is allowed in a Text, so a misspelt one is only seen here, as the tag the
      // office publishes in that it was meant to be. Said once, instead of "no ja text here".
      const misspelt = Object.keys(text).map((key) => ({ key, meant: didYouMean(key, missing) ?? LIKELY_MEANT[key] }))
        .filter((m): m is { key: string; meant: string } => m.meant !== undefined && missing.includes(m.meant as never) && !languages.includes(m.key as never));
      const meantElsewhere = new Set(misspelt.map((m) => m.key));
      // Any BCP 47 tag passes the schema (a language is data); a tag the office does not publish in is a slip.
      for (const tag of Object.keys(text).filter((key) => !languages.includes(key) && !meantElsewhere.has(key))) {
        const guess = didYouMean(tag, languages);
        report({
          // A warning: a text in a language no edition prints is ignored, not lost (a translation made ahead of an
          // edition); --strict makes it an error before printing.
          file, at: [...at, tag], where: 'key', code: 'unknown-language', severity: 'warning',
          message: {
            en: `"${tag}" is not one of the office's languages (${declared}); no edition prints it${guess ? `; did you mean "${guess}"?` : ''}`,
            ja: `「${tag}」は事務所の言語（${declared}）にありません。どの版にも印刷されません${guess ? `（「${guess}」の誤りでは？）` : ''}`,
          },
          found: tag,
          expected: { en: `one of ${declared}`, ja: `${declared} のいずれか` },
        });
      }
      if (missing.length === 0) continue;
      if (misspelt.length > 0) {
        for (const { key, meant } of misspelt) {
          report({
            file, at: [...at, key], where: 'key', code: 'schema-unknown-key',
            message: {
              en: `unknown key "${key}" in ${fieldLabel(at)}; did you mean "${meant}"?`,
              ja: `${fieldLabel(at)} のキー「${key}」は使えません。「${meant}」の間違いではありませんか？`,
            },
            found: key,
            expected: { en: `one of the office's languages: ${declared}`, ja: `事務所の言語のいずれか: ${declared}` },
          });
        }
        continue;
      }
      report({
        file, at, code: 'missing-language', severity: 'warning',
        message: {
          en: `no ${missing.join(', ')} text here; the office publishes in ${declared}`,
          ja: `${missing.join(', ')} のテキストがありません（事務所の言語: ${declared}）`,
        },
        found: Object.keys(text).join(', '),
        expected: { en: `${declared} (or one language-neutral string)`, ja: `${declared}（または言語に依らない文字列）` },
      });
    }
  },
};

export const editionLanguages: Rule = {
  id: 'edition-languages',
  check({ data, languages, report }) {
    const editions = data.brochure?.editions;
    if (!editions || !languages) return;
    editions.forEach((edition, i) => {
      edition.forEach((tag, j) => {
        if (languages.includes(tag)) return;
        report({
          file: 'brochure', at: ['editions', i, j], code: 'edition-language',
          message: {
            en: `an edition in ${tag}, but office.yaml does not list ${tag} among the office's languages`,
            ja: `${tag} の版がありますが、office.yaml の languages に ${tag} がありません`,
          },
          found: tag,
          expected: { en: `one of the office's languages: ${languages.join(', ')}`, ja: `事務所の言語のいずれか: ${languages.join(', ')}` },
        });
      });
    });
  },
};
