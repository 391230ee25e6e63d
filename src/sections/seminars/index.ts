// The yearly joint seminar with a local partner: recent themes and the latest seminar's full programme.
import type { Block, TableBlock, TableRow } from '../../document/blocks.js';
import { formatDate, formatTimeSlot } from '../../document/format.js';
import type { ProgrammeItem, ProgrammeSegment } from '../../schema/index.js';
import { languageOf, textIn, type EditionText } from '../../document/text.js';
import { cell, inYears, photos, table, textList, type SectionDefinition } from '../kit.js';

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
    const { t } = context;
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
        ],
      });
    }
    const themes = file.themes.filter((x) => inYears(x.fiscalYear, context.years)).sort((a, b) => b.fiscalYear - a.fiscalYear);
    if (themes.length > 0) {
      blocks.push(table('seminar-themes', t.label('seminars.themesCaption'), [
        { header: t.label('columns.fiscalYear'), align: 'center', width: 1 },
        { header: t.label('columns.theme'), width: 5 },
      ], themes.map((x) => ({ cells: [cell(t.each(() => String(x.fiscalYear)), { header: true, align: 'center' }), cell(t.text(x.theme))] }))));
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
