// Sister (friendship) city partnerships with the host country: the total, the definition, yearly exchange
// programmes and notable exchange cases.
import type { Block, Txt } from '../../document/blocks.js';
import { formatDate, formatNumber } from '../../document/format.js';
import { textIn } from '../../document/text.js';
import { cell, changeNotes, changeTxt, inYears, list, marked, photos, table, type SectionDefinition } from '../kit.js';
import { countryName, coveredCountries } from '../places.js';
import { languageProfile } from '../../i18n/profile.js';

export const sisterCities: SectionDefinition = {
  id: 'sister-cities',
  numbered: true,
  build(context) {
    const file = context.data.sisterCities;
    if (!file) return undefined;
    const { t, data } = context;
    const p = file.partnerships;
    const blocks: Block[] = [];
    // "※は都道府県が提携" explains a mark in the list of partnerships: printed only with a list that has the mark.
    const anyPrefectureLevel = (p.list ?? []).some((x) => x.prefectureLevel);
    if (file.prefectureMarkNote && anyPrefectureLevel) blocks.push({ kind: 'paragraph', tone: 'note', text: t.text(file.prefectureMarkNote) });
    // "Sister-city partnerships with Korea" only for an office of one country: with several, the total is the
    // office's and each country's figure is labelled with its own name.
    const covered = coveredCountries(data.office);
    const asOf = t.each((lang) => t.fill('asOf', lang, { date: formatDate(p.asOf, lang) }));
    const figure = (label: Txt, n: number) => ({ label, value: t.each((lang) => t.fill('units.cases', lang, { n: formatNumber(n, lang) })), note: asOf });
    const withCountry = (code: string) => t.each((lang) => t.fill('sisterCities.total', lang, { country: countryName(data.office, code, lang) }));
    blocks.push({
      kind: 'figures',
      items: [
        figure(covered.length === 1 ? withCountry(covered[0]!.code) : t.label('details.sisterCitiesTotal'), p.total),
        ...(p.byCountry ?? []).map((c) => figure(withCountry(c.country), c.total)),
      ],
    });
    if (file.definition) blocks.push(list('bullet', file.definition.criteria.map((c) => t.text(c)), t.each((lang) => marked(lang, 'note', t.fill('sisterCities.definition', lang, { source: textIn(file.definition!.source, lang) ?? '' })))));
    if (p.list && p.list.length > 0) {
      const withCountries = covered.length > 1 && p.list.some((x) => x.country);
      blocks.push(table('sister-city-partnerships', t.label('sisterCities.listCaption'), [
        { header: t.label('columns.japaneseSide') , width: 3 },
        { header: t.label('columns.partner'), width: 3 },
        ...(withCountries ? [{ header: t.label('details.country'), width: 2 }] : []),
        { header: t.label('columns.since'), align: 'center', width: 1 },
      ], p.list.map((x) => ({
        cells: [
          cell(t.each((lang) => `${t.bodyName(x.japan, lang)}${x.prefectureLevel ? languageProfile(lang).marks.note : ''}`)),
          cell(t.text(x.partner)),
          ...(withCountries ? [cell(t.each((lang) => (x.country ? countryName(data.office, x.country, lang) : '')))] : []),
          cell(t.each(() => (x.since ? String(x.since) : '')), { align: 'center' }),
        ],
      }))));
    }
    const exchanges = (file.exchangeProgrammes ?? []).filter((e) => inYears(e.fiscalYear, context.years)).sort((a, b) => b.fiscalYear - a.fiscalYear);
    if (exchanges.length > 0) {
      blocks.push(table('sister-city-exchanges', t.label('sisterCities.exchangesCaption'), [
        { header: t.label('columns.fiscalYear'), align: 'center' },
        { header: t.label('columns.count'), align: 'end' },
        { header: t.label('columns.change'), align: 'end' },
      ], exchanges.map((e) => ({
        cells: [
          cell(t.each(() => String(e.fiscalYear)), { header: true, align: 'center' }),
          cell(t.each((lang) => formatNumber(e.count, lang)), { align: 'end' }),
          cell(changeTxt(context, 'sister-city-exchanges', e.fiscalYear), { align: 'end' }),
        ],
      })), changeNotes(context, 'sister-city-exchanges', exchanges.map((e) => e.fiscalYear))));
    }
    const cases = (file.cases ?? []).filter((c) => inYears(c.fiscalYear, context.years));
    for (const year of [...new Set(cases.map((c) => c.fiscalYear))].sort((a, b) => b - a)) {
      blocks.push(table(`sister-city-cases-${year}`, t.label('sisterCities.casesCaption', { year }), [
        { header: t.label('columns.japaneseSide'), width: 2 },
        { header: t.label('columns.partner'), width: 2 },
        { header: t.label('columns.exchange'), width: 4 },
      ], cases.filter((c) => c.fiscalYear === year).map((c) => ({
        cells: [
          cell(t.body(c.japan)),
          cell(t.each((lang) => {
            const partner = textIn(c.partner, lang) ?? '';
            return c.country && covered.length > 1 ? t.fill('venueWithLocation', lang, { venue: partner, location: countryName(data.office, c.country, lang) }) : partner;
          })),
          cell(t.text(c.description)),
        ],
      }))));
    }
    blocks.push(...photos(context, file.photos));
    return { title: t.text(file.title), blocks };
  },
};
