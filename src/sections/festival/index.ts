// The yearly grassroots festival (日韓交流おまつり in Seoul): the latest edition's facts (date, venue and place,
// organiser, visitors, sponsors) and the municipal booths of each year.
import type { Block } from '../../document/blocks.js';
import { formatDate, formatNumber } from '../../document/format.js';
import { textIn } from '../../document/text.js';
import type { Text } from '../../schema/index.js';
import { cell, changeNotes, changeTxt, inYears, marked, photos, table, textList, type SectionDefinition } from '../kit.js';
import { languageProfile } from '../../i18n/profile.js';
import { placeIn } from '../places.js';

export const festival: SectionDefinition = {
  id: 'festival',
  numbered: true,
  build(context) {
    const file = context.data.festival;
    if (!file) return undefined;
    const { t, data } = context;
    const editions = file.editions.filter((e) => inYears(e.fiscalYear, context.years)).sort((a, b) => b.fiscalYear - a.fiscalYear);
    const blocks: Block[] = [...textList(t, 'bullet', file.description)];

    const latest = editions.find((e) => e.date || e.venue || e.country || e.city || e.organiser || e.visitors !== undefined || e.sponsors);
    if (latest) {
      const items = [];
      if (latest.date) items.push({ label: t.label('festival.date'), values: [t.each((lang) => formatDate(latest.date!, lang, { weekday: true }))] });
      // The venue with its city and country, as events print theirs; the place alone when no venue is given.
      if (latest.venue || latest.country || latest.city) {
        items.push({ label: t.label('festival.venue'), values: [t.each((lang) => {
          const venue = textIn(latest.venue, lang);
          const place = placeIn(t, data.office, latest, lang);
          return venue && place ? t.fill('venueWithLocation', lang, { venue, location: place }) : venue ?? place;
        })] });
      }
      if (latest.organiser) items.push({ label: t.label('festival.organiser'), values: [t.text(latest.organiser)] });
      if (latest.visitors !== undefined) {
        const visitors = typeof latest.visitors === 'number' ? { value: latest.visitors } : latest.visitors;
        items.push({ label: t.label('festival.visitors'), values: [t.each((lang) => t.fill(visitors.atLeast ? 'units.peopleAtLeast' : 'units.people', lang, { n: formatNumber(visitors.value, lang) }))] });
      }
      if (latest.sponsors) {
        // The label places the list: 【日本側】在大韓民国… without a typed space, "일본 측: …" in Korean.
        const side = (key: string, names: Text[]) => t.each((lang) =>
          t.fill(key, lang, { country: textIn(data.office.countryName, lang) ?? '', list: t.joinList(names.map((n) => textIn(n, lang) ?? ''), lang) }));
        items.push({
          label: t.label('festival.sponsors'),
          values: [side('festival.japanSide', latest.sponsors.japan), side('festival.hostSide', latest.sponsors.host)],
        });
      }
      blocks.push({ kind: 'facts', caption: t.label('festival.overview', { year: latest.fiscalYear }), items });
    }

    const rows = editions.map((edition) => ({
      cells: [
        cell([
          t.each(() => String(edition.fiscalYear)),
          t.each((lang) => t.fillCount('festival.boothCount', lang, edition.booths.count, { n: formatNumber(edition.booths.count, lang) })),
          // Where that year's festival was held, when the data says (an office covering several countries).
          ...((place) => (place.primary.length > 0 ? [place] : []))(t.each((lang) => placeIn(t, data.office, edition, lang))),
        ], { header: true, align: 'center' }),
        cell(changeTxt(context, 'festival-booths', edition.fiscalYear), { align: 'center' }),
        cell(t.each((lang) => t.joinList(edition.booths.exhibitors.map((b) => t.bodyName(b, lang)), lang))),
      ],
    }));
    blocks.push(table('festival-booths', t.label('festival.boothsCaption'), [
      { header: t.label('columns.festivalYear'), align: 'center', width: 1 },
      { header: t.label('columns.change'), align: 'center', width: 1 },
      { header: t.label('columns.municipalBooths'), width: 6 },
    ], rows, [
      ...(file.notes ?? []).map((n) => t.each((lang) => { const note = textIn(n, lang); return note === undefined ? undefined : note.startsWith(languageProfile(lang).marks.note) ? note : marked(lang, 'note', note); })),
      ...changeNotes(context, 'festival-booths', editions.map((e) => e.fiscalYear)),
    ]));
    blocks.push(...photos(context, file.photos));
    return { title: t.text(file.title), blocks };
  },
};
