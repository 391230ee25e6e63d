// The yearly joint seminar with a local partner: recent themes and the latest seminar's full programme.
import type { Block, TableBlock, TableRow } from '../../document/blocks.js';
import { formatDate, formatTimeSlot } from '../../document/format.js';
import type { ProgrammeItem, ProgrammeSegment } from '../../schema/index.js';
import { languageOf, textIn, type EditionText } from '../../document/text.js';
import { cell, inYears, photos, table, textList, type SectionDefinition } from '../kit.js';
import { factLines, factsCell, hasFacts, type RecordFacts } from '../places.js';

type Held = { country?: string; city?: ProgrammeSegment['title']; format?: RecordFacts['format']; participants?: RecordFacts['participants'] };
const factsOf = (seminar: Held): RecordFacts => ({
  ...(seminar.country || seminar.city ? { place: { ...(seminar.country ? { country: seminar.country } : {}), ...(seminar.city ? { city: seminar.city } : {}) } } : {}),
  ...(seminar.format ? { format: seminar.format } : {}),
  ...(seminar.participants !== undefined ? { participants: seminar.participants } : {}),
});

function itemRow(t: EditionText, item: ProgrammeItem): TableRow {
  const content = [
    ...(item.title ? [t.text(item.title, { strong: true })] : []),
    ...item.speakers.map((s) => t.person(s)),
  ];
  return { cells: [cell(t.text(item.role)), cell(content.length > 0 ? content : [t.each(() => '')])] };
}

/** A segment: its time and title on a group row, then its items; a time cell spans the whole segment. */
function segmentRows(t: EditionText, segment: ProgrammeSegment): TableRow[] {
  const body: TableRow[] = [];
  if (segment.chair) body.push({ cells: [cell(t.label('seminars.chair')), cell(t.person(segment.chair))] });
  for (const item of segment.items ?? []) body.push(itemRow(t, item));
  for (const session of segment.sessions ?? []) {
    body.push({ group: true, cells: [cell(t.text(session.title, { strong: true }), { colSpan: 2 })] });
    for (const item of session.items) body.push(itemRow(t, item));
  }
  if (segment.discussants && segment.discussants.length > 0) {
    const people = segment.discussants.map((p) => t.person(p));
    if (segment.discussantOrder) {
      const order = segment.discussantOrder;
      people.push(t.each((lang) => t.fill('seminars.order', lang, { order: textIn(order, lang) ?? '' })));
    }
    body.push({ cells: [cell(t.label('seminars.discussion')), cell(people)] });
  }
  const time = cell(t.each((lang) => formatTimeSlot(segment.time.start, segment.time.end, lang)), {
    header: true, align: 'center', ...(body.length > 0 ? { rowSpan: body.length + 1 } : {}),
  });
  return [
    { group: true, cells: [time, cell(t.text(segment.title, { strong: true }), { colSpan: 2 })] },
    ...body,
  ];
}

export const seminars: SectionDefinition = {
  id: 'seminars',
  numbered: true,
  build(context) {
    const file = context.data.seminars;
    if (!file) return undefined;
    const { t, data } = context;
    const blocks: Block[] = [
      { kind: 'heading', text: t.text(file.name) },
      ...textList(t, 'merit', file.description),
    ];
    const latest = file.latest && inYears(file.latest.fiscalYear, context.years) ? file.latest : undefined;
    if (latest) {
      blocks.push({
        kind: 'facts',
        caption: t.label('seminars.held', { year: latest.fiscalYear }),
        items: [
          { label: t.label('seminars.date'), values: [t.each((lang) => formatDate(latest.date, lang, { weekday: true }))] },
          { label: t.label('seminars.venue'), values: [t.text(latest.venue)] },
          ...(file.partner ? [{
            label: t.label('details.partnerLabel'),
            values: [t.each((lang) => `${textIn(file.partner!.name, lang) ?? ''}${file.partner!.abbreviation ? t.fill('parenthesised', lang, { text: file.partner!.abbreviation }) : ''}`)],
          }] : []),
          ...(hasFacts(factsOf(latest)) ? [{ label: t.label('details.column'), values: factLines(t, data.office, factsOf(latest)) }] : []),
        ],
      });
    }
    const themes = file.themes.filter((x) => inYears(x.fiscalYear, context.years)).sort((a, b) => b.fiscalYear - a.fiscalYear);
    if (themes.length > 0) {
      const withDates = themes.some((x) => x.date);
      const withFacts = themes.some((x) => hasFacts(factsOf(x)));
      blocks.push(table('seminar-themes', t.label('seminars.themesCaption'), [
        { header: t.label('columns.fiscalYear'), align: 'center', width: 1 },
        ...(withDates ? [{ header: t.label('seminars.date'), align: 'center' as const, width: 2 }] : []),
        { header: t.label('columns.theme'), width: 5 },
        ...(withFacts ? [{ header: t.label('details.column'), width: 3 }] : []),
      ], themes.map((x) => ({
        cells: [
          cell(t.each(() => String(x.fiscalYear)), { header: true, align: 'center' }),
          ...(withDates ? [cell(t.each((lang) => (x.date ? formatDate(x.date, lang) : '')), { align: 'center' })] : []),
          cell(x.venue ? [t.text(x.theme), t.text(x.venue, { small: true })] : t.text(x.theme)),
          ...(withFacts ? [factsCell(t, data.office, factsOf(x))] : []),
        ],
      }))));
    }
    // "詳細はこちら" only ever with the address it points at (a QR code of it where the data asks for one).
    const more = file.moreInformation;
    if (more) {
      blocks.push({
        kind: 'paragraph', tone: 'note',
        text: t.each((lang) => [
          { text: `${textIn(more.text, lang) ?? ''}${t.raw('punctuation.labelSeparator', lang)}`, lang: languageOf(more.text, lang) },
          { text: more.url, lang, href: more.url },
        ]),
      });
    }
    blocks.push(...photos(context, file.photos));
    if (latest) {
      blocks.push(table('seminar-programme', t.label('seminars.programme'), [
        { header: t.label('columns.time'), align: 'center', width: 1.2 },
        { header: t.label('columns.role'), width: 1.3 },
        { header: t.label('columns.programmeContent'), width: 5 },
      ], latest.programme.flatMap((segment) => segmentRows(t, segment))));
      // As in the seed: the interpretation languages stand under the programme's title, above the timetable.
      if (latest.interpretation) (blocks[blocks.length - 1] as TableBlock).captionNote = t.text(latest.interpretation);
    }
    return { title: t.text(file.title), blocks };
  },
};
