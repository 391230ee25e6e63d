// The office's social-media channel that features municipalities (the seed's ⑤, 도란도란).
import { formatNumber } from '../../document/format.js';
import { languageProfile } from '../../i18n/profile.js';
import type { Block } from '../../document/blocks.js';
import { textIn } from '../../document/text.js';
import { inYears, list, photos, textList, type SectionDefinition } from '../kit.js';

export const snsChannel: SectionDefinition = {
  id: 'sns-channel',
  numbered: true,
  build(context) {
    const file = context.data.snsChannel;
    if (!file) return undefined;
    const { t } = context;
    const blocks: Block[] = [];
    // A reading and a gloss are for readers who need them: only in the languages the data gives them in (the
    // katakana トランドラン and 小さな声で… of 도란도란 for Japanese readers, nothing for Korean ones).
    const own = (text: typeof file.channelMeaning, lang: Parameters<typeof t.raw>[1]) =>
      text === undefined ? undefined : typeof text === 'string' ? text : text[lang];
    if (file.channelMeaning) {
      blocks.push({
        kind: 'paragraph', tone: 'note',
        text: t.each((lang) => {
          const meaning = own(file.channelMeaning, lang);
          if (meaning === undefined) return undefined;
          const reading = own(file.channelReading, lang);
          return t.fill('snsChannel.meaning', lang, {
            // The note mark of the edition's language (※ in Japanese, * in English), as every note has it.
            mark: languageProfile(lang).marks.note,
            name: textIn(file.channelName, lang) ?? '',
            reading: reading ? t.fill('parenthesised', lang, { text: reading }) : '',
            meaning,
          });
        }),
      });
    }
    blocks.push(...textList(t, 'bullet', file.description));
    const featured = file.featured.filter((f) => inYears(f.fiscalYear, context.years)).sort((a, b) => b.fiscalYear - a.fiscalYear);
    if (featured.length > 0) {
      blocks.push({
        kind: 'figures',
        items: featured.map((f) => ({
          label: t.label('fiscalYear', { year: f.fiscalYear }),
          value: t.each((lang) => t.fill('snsChannel.featured', lang, { n: formatNumber(f.municipalities, lang) })),
        })),
      });
    }
    // The data's target text stands under its heading, as printed: body text, so that its own bold stands out.
    if (file.target) blocks.push({ kind: 'heading', text: t.label('snsChannel.target') }, { kind: 'paragraph', text: t.text(file.target) });
    if (file.merits && file.merits.length > 0) blocks.push(list('merit', file.merits.map((m) => t.text(m)), t.label('merits')));
    if (file.campaign) blocks.push({ kind: 'paragraph', tone: 'callout', text: t.text(file.campaign) });
    blocks.push(list('bullet', file.accounts.map((a) => t.each((lang) => [
      { text: `${t.raw(`platforms.${a.platform}`, lang)}${a.handle ? ` ${a.handle}` : ''}`, lang, ...(a.url ? { href: a.url } : {}) },
    ]))));
    blocks.push(...photos(context, file.photos));
    return { title: t.text(file.title), blocks };
  },
};
