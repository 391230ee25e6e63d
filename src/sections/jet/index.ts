// The JET Programme seen from the office's country: yearly figures, positions, placements, duties and alumni
// (the seed's part Ⅱ).
import type { Block, Txt } from '../../document/blocks.js';
import { formatDate, formatNumber } from '../../document/format.js';
import { textIn } from '../../document/text.js';
import { JET_POSITIONS, type LanguageTag } from '../../schema/constants.js';
import { cell, inYears, list, marked, photos, table, textList, type SectionDefinition } from '../kit.js';
import { countriesIn, countryName } from '../places.js';

export const jet: SectionDefinition = {
  id: 'jet',
  numbered: false,
  build(context) {
    const file = context.data.jet;
    if (!file) return undefined;
    const { t, data } = context;
    const nationality = (lang: LanguageTag) => textIn(data.office.nationality ?? data.office.countryName, lang) ?? '';
    const blocks: Block[] = [
      { kind: 'heading', text: t.each((lang) => `${textIn(file.name, lang) ?? ''}${t.fill('parenthesised', lang, { text: file.englishName })}`) },
      ...textList(t, 'merit', file.description),
    ];

    const years = file.years.filter((y) => inYears(y.fiscalYear, context.years)).sort((a, b) => b.fiscalYear - a.fiscalYear);
    const figures: { label: Txt; value: Txt; note?: Txt }[] = years.map((y) => ({
      label: t.label('fiscalYearBracketed', { year: y.fiscalYear }),
      value: t.each((lang) => t.fill('jet.yearFigures', lang, {
        countries: t.fill('units.countries', lang, { n: formatNumber(y.countries, lang) }),
        participants: t.fill('units.people', lang, { n: formatNumber(y.participants, lang) }),
        nationality: nationality(lang),
        local: t.fill('units.people', lang, { n: formatNumber(y.fromOfficeCountry, lang) }),
      })),
    }));
    if (file.cumulative) {
      const c = file.cumulative;
      const n = (fig: { value: number; atLeast?: boolean }, unit: string, lang: LanguageTag) =>
        t.fill(`units.${unit}${fig.atLeast ? 'AtLeast' : ''}`, lang, { n: formatNumber(fig.value, lang) });
      figures.push({
        label: t.label('jet.cumulative'),
        value: t.each((lang) => t.fill('jet.cumulativeFigures', lang, {
          countries: n(c.countries, 'countries', lang), participants: n(c.participants, 'people', lang),
          nationality: nationality(lang), local: n(c.fromOfficeCountry, 'people', lang),
        })),
        note: t.each((lang) => t.fill('asOf', lang, { date: formatDate(c.asOf, lang) })),
      });
    }
    if (figures.length > 0) blocks.push({ kind: 'figures', items: figures });
    // Participants from each country the office covers, where the data gives them: one column per fiscal year.
    const byCountry = years.filter((y) => y.byCountry).reverse();
    if (byCountry.length > 0) {
      const codes = countriesIn(data.office, byCountry.flatMap((y) => y.byCountry!.map((c) => c.country)));
      blocks.push(table('jet-participants-by-country', t.label('details.jetByCountry'), [
        { header: t.label('details.country'), width: 2 },
        ...byCountry.map((y) => ({ header: t.label('fiscalYear', { year: y.fiscalYear }), align: 'end' as const, width: 1 })),
      ], codes.map((code) => ({
        cells: [
          cell(t.each((lang) => countryName(data.office, code, lang)), { header: true }),
          ...byCountry.map((y) => {
            const found = y.byCountry!.find((c) => c.country === code);
            return cell(t.each((lang) => (found ? t.fill('units.people', lang, { n: formatNumber(found.participants, lang) }) : '—')), { align: 'end' });
          }),
        ],
      }))));
    }

    blocks.push(list('merit', file.duties.items.map((d) => t.text(d)), t.text(file.duties.title)));
    blocks.push(...photos(context, file.photos));

    if (file.alumni) {
      const a = file.alumni;
      blocks.push({ kind: 'heading', text: t.each((lang) => `${a.name}${t.fill('parenthesised', lang, { text: a.englishName })}`) });
      blocks.push(...textList(t, 'bullet', a.description, t.label('jet.alumniWhat', { name: a.name })));
      blocks.push(...textList(t, 'bullet', a.activities, t.label('jet.alumniActivities')));
      blocks.push(...photos(context, a.photos));
    }

    if (file.positions.length > 0) {
      blocks.push({ kind: 'heading', text: t.label('jet.positionsTitle') });
      blocks.push(list('numbered', file.positions.map((p) => t.each((lang) => [
        { text: `${textIn(p.name, lang) ?? ''}${t.fill('parenthesised', lang, { text: p.code })}`, lang, strong: true },
        { text: ` …… ${textIn(p.duties, lang) ?? ''}`, lang },
      ]))));
    }

    const placements = file.placements.filter((p) => inYears(p.fiscalYear, context.years)).sort((a, b) => b.fiscalYear - a.fiscalYear)[0];
    if (placements) {
      // The note mark of the language; a space after it only where words are spaced (※2025年…, ※ 2025년 …).
      const asOf = t.each((lang) => marked(lang, 'note', t.fill('asOf', lang, { date: formatDate(placements.asOf, lang) })));
      blocks.push(table('jet-placements', t.each((lang) => t.fill('jet.placementsTitle', lang, { nationality: nationality(lang) })), [
        ...JET_POSITIONS.map((code) => ({ header: t.each(() => code), align: 'center' as const })),
        { header: t.label('columns.total'), align: 'center' },
      ], [{
        cells: [
          ...JET_POSITIONS.map((code) => cell(t.each((lang) => formatNumber(placements.byPosition[code], lang)), { align: 'center' })),
          cell(t.each((lang) => formatNumber(placements.total, lang)), { align: 'center' }),
        ],
      }], [asOf]));
      const details: Txt[] = [];
      for (const code of JET_POSITIONS) {
        const byPrefecture = (placements.byPrefecture ?? []).filter((p) => p.position === code);
        const byBody = (placements.byPlacingBody ?? []).filter((p) => p.position === code);
        if (byPrefecture.length === 0 && byBody.length === 0) continue;
        details.push(t.each((lang) => {
          const parts = [
            ...byPrefecture.map((p) => t.fill('jet.bodyCount', lang, { body: t.bodyName({ prefecture: p.prefecture }, lang), count: t.fill('units.people', lang, { n: formatNumber(p.count, lang) }) })),
            ...byBody.map((p) => t.fill('jet.bodyCount', lang, { body: textIn(p.label, lang) ?? t.raw(`jet.bodyTypes.${p.bodyType}`, lang), count: t.fill('units.people', lang, { n: formatNumber(p.count, lang) }) })),
          ];
          return `${code}${t.raw('punctuation.labelSeparator', lang)}${t.joinList(parts, lang)}`;
        }));
      }
      if (details.length > 0) blocks.push(list('merit', details));
    }
    return { title: t.text(file.title), blocks };
  },
};
