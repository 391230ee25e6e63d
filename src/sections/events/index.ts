// Tourism fairs and events where the office ran or supported municipal booths (the seed's ①).
import type { Block } from '../../document/blocks.js';
import { formatDayRange } from '../../document/format.js';
import { textIn } from '../../document/text.js';
import type { BoothEvent } from '../../schema/index.js';
import { cell, inYears, photos, rowsByFiscalYear, table, textList, type SectionDefinition } from '../kit.js';
import { factsCell, hasFacts, placeIn, type RecordFacts } from '../places.js';

const factsOf = (e: BoothEvent): RecordFacts => ({
  ...(e.organiser ? { organiser: e.organiser } : {}),
  ...(e.partners ? { partners: e.partners } : {}),
  ...(e.participants !== undefined ? { participants: e.participants } : {}),
});

export const events: SectionDefinition = {
  id: 'events',
  numbered: true,
  build(context) {
    const file = context.data.events;
    if (!file) return undefined;
    const { t, data } = context;
    const shown = file.events.filter((e) => inYears(e.fiscalYear, context.years));
    const withFacts = shown.some((e) => hasFacts(factsOf(e)));
    const withBodies = shown.some((e) => e.municipalities);
    const rows = rowsByFiscalYear(t, shown, (event) => [
      cell(t.text(event.name)),
      cell(t.each((lang) => formatDayRange(event.dates.start, event.dates.end, lang)), { align: 'center' }),
      cell(t.each((lang) => {
        const venue = textIn(event.venue, lang) ?? '';
        const location = textIn(event.location, lang) ?? placeIn(t, data.office, event, lang);
        return location ? t.fill('venueWithLocation', lang, { venue, location }) : venue;
      })),
      ...(withFacts ? [factsCell(t, data.office, factsOf(event))] : []),
      ...(withBodies ? [cell(t.each((lang) => t.joinList((event.municipalities ?? []).map((b) => t.bodyName(b, lang)), lang)))] : []),
    ], (a, b) => b.dates.start.localeCompare(a.dates.start));
    const blocks: Block[] = [
      ...textList(t, 'bullet', file.description),
      ...(rows.length > 0 ? [table('events-booths', file.tableTitle ? t.text(file.tableTitle) : t.label('details.eventsCaption'), [
        // With more columns the fiscal year's share must still hold "2021" on one line.
        { header: t.label('columns.fiscalYear'), align: 'center', width: withFacts || withBodies ? 1.4 : 1 },
        { header: t.label('columns.eventName'), width: withFacts || withBodies ? 3 : 4 },
        { header: t.label('columns.dates'), align: 'center', width: 2 },
        { header: t.label('columns.venue'), width: 3 },
        ...(withFacts ? [{ header: t.label('details.column'), width: 3 }] : []),
        ...(withBodies ? [{ header: t.label('columns.municipality'), width: 2.5 }] : []),
      ], rows)] : []),
      ...photos(context, file.photos),
      ...(file.callToAction ?? []).map((text): Block => ({ kind: 'paragraph', tone: 'callout', text: t.text(text) })),
    ];
    return { title: t.text(file.title), blocks };
  },
};
