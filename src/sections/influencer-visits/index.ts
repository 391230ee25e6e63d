// Visits by host-country influencers whose videos promote Japanese regions on social media (the seed's ③).
import type { Block } from '../../document/blocks.js';
import { textIn } from '../../document/text.js';
import { cell, inYears, list, photos, rowsByFiscalYear, steps, table, textList, type SectionDefinition } from '../kit.js';

export const influencerVisits: SectionDefinition = {
  id: 'influencer-visits',
  numbered: true,
  build(context) {
    const file = context.data.influencerVisits;
    if (!file) return undefined;
    const { t } = context;
    const visits = file.visits.filter((v) => inYears(v.fiscalYear, context.years));
    const rows = rowsByFiscalYear(t, visits, (visit) => {
      const hosts = t.each((lang) => {
        const names = visit.destinations.map((d) => t.bodyName(d.host, lang)).join(t.raw('punctuation.joint', lang));
        return visit.joint ? t.fill('influencerVisits.joint', lang, { hosts: names }) : names;
      });
      const spots = visit.destinations.map((d) => t.each((lang) => {
        const names = t.joinList(d.spots.map((s) => textIn(s, lang) ?? ''), lang);
        const withMore = d.more ? t.fill('influencerVisits.andMore', lang, { list: names }) : names;
        return visit.destinations.length > 1 ? t.fill('influencerVisits.spotsOf', lang, { host: t.bodyName(d.host, lang), list: withMore }) : withMore;
      }));
      return [cell(hosts), cell(spots)];
    });
    const blocks: Block[] = [
      ...textList(t, 'bullet', file.description),
      ...(rows.length > 0 ? [table('influencer-visits', t.label('influencerVisits.caption'), [
        { header: t.label('columns.fiscalYear'), align: 'center', width: 1 },
        { header: t.label('columns.municipality'), width: 2 },
        { header: t.label('columns.spots'), width: 6 },
      ], rows)] : []),
      ...(file.merits && file.merits.length > 0 ? [list('merit', file.merits.map((m) => t.text(m)), t.label('merits'))] : []),
      ...steps(context, file.flow),
      ...photos(context, file.photos),
    ];
    return { title: t.text(file.title), blocks };
  },
};
