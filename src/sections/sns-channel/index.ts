// The office's social-media channel that features municipalities (the seed's ⑤, 도란도란).
import { formatNumber } from '../../document/format.js';
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
    if (file.channelMeaning) {
      blocks.push({
        kind: 'paragraph', tone: 'note',
        text: t.each((lang) => t.fill('snsChannel.meaning', lang, {
          name: textIn(file.channelName, lang) ?? '',
          reading: file.channelReading ? t.fill('parenthesised', lang, { text: textIn(file.channelReading, lang) ?? '' }) : '',
          meaning: textIn(file.channelMeaning, lang) ?? '',
        })),
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
    if (file.target) blocks.push({ kind: 'paragraph', tone: 'lead', text: t.text(file.target) });
    if (file.merits && file.merits.length > 0) blocks.push(list('merit', file.merits.map((m) => t.text(m)), t.label('merits')));
    if (file.campaign) blocks.push({ kind: 'paragraph', tone: 'callout', text: t.text(file.campaign) });
    blocks.push(list('bullet', file.accounts.map((a) => t.each((lang) => [
      { text: `${t.raw(`platforms.${a.platform}`, lang)}${a.handle ? ` ${a.handle}` : ''}`, lang, ...(a.url ? { href: a.url } : {}) },
    ]))));
    blocks.push(...photos(context, file.photos));
    return { title: t.text(file.title), blocks };
  },
};
