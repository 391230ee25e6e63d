// Visits by influencers whose videos promote Japanese regions on social media (the seed's ③): the municipalities
// visited, the spots seen and, for an office covering several countries, the country the influencers speak to.
import type { Block } from '../../document/blocks.js';
import { textIn } from '../../document/text.js';
import type { InfluencerVisit, LanguageTag } from '../../schema/index.js';
import { placeIn } from '../places.js';
import { cell, inYears, list, photos, rowsByFiscalYear, steps, table, textList, type SectionDefinition } from '../kit.js';

export const influencerVisits: SectionDefinition = {
  id: 'influencer-visits',
  numbered: true,
  build(context) {
    const file = context.data.influencerVisits;
    if (!file) return undefined;
    const { t, data } = context;
    const visits = file.visits.filter((v) => inYears(v.fiscalYear, context.years));
    // Where the influencers and their audience are: a column only when some visit says so (a one-country office
    // leaves it out, and placeIn names no country it alone covers).
    const placeOf = (visit: InfluencerVisit, lang: LanguageTag) => placeIn(t, data.office, visit, lang);
    const withPlace = visits.some((v) => t.each((lang) => placeOf(v, lang)).primary.length > 0);
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
      return [...(withPlace ? [cell(t.each((lang) => placeOf(visit, lang) ?? ''))] : []), cell(hosts), cell(spots)];
    });
    const blocks: Block[] = [
      ...textList(t, 'bullet', file.description),
      ...(rows.length > 0 ? [table('influencer-visits', t.label('influencerVisits.caption'), [
        { header: t.label('columns.fiscalYear'), align: 'center', width: 1 },
        ...(withPlace ? [{ header: t.label('influencerVisits.market'), width: 1.5 }] : []),
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
