// Lectures at universities of the host country about Japan's regions (the seed's ⑥).
import type { Block } from '../../document/blocks.js';
import { textIn } from '../../document/text.js';
import { factLines } from '../places.js';
import { cell, fiscalYearsDescending, inYears, list, marked, photos, table, textList, type SectionDefinition } from '../kit.js';

export const lectures: SectionDefinition = {
  id: 'lectures',
  numbered: true,
  build(context) {
    const file = context.data.lectures;
    if (!file) return undefined;
    const { t } = context;
    const shown = file.lectures.filter((l) => inYears(l.fiscalYear, context.years));
    const blocks: Block[] = [
      ...textList(t, 'bullet', file.description),
      ...(file.merits && file.merits.length > 0 ? [list('merit', file.merits.map((m) => t.text(m)))] : []),
    ];
    // One table per fiscal year, newest first, as the seed prints "2025 年度実績".
    for (const year of fiscalYearsDescending(shown)) {
      const rows = shown.filter((l) => l.fiscalYear === year).sort((a, b) => a.round - b.round).map((l) => ({
        cells: [
          cell(t.label('lectures.round', { n: l.round }), { header: true, align: 'center' }),
          cell([t.text(l.university), ...factLines(t, context.data.office, {
            ...(l.country || l.city ? { place: { ...(l.country ? { country: l.country } : {}), ...(l.city ? { city: l.city } : {}) } } : {}),
            ...(l.participants !== undefined ? { participants: l.participants } : {}),
          })]),
          cell(l.topics.map((topic) => t.each((lang) => marked(lang, 'bullet', textIn(topic, lang) ?? '')))),
        ],
      }));
      blocks.push(table(`lectures-${year}`, t.label('lectures.caption', { year }), [
        { header: t.label('columns.round'), align: 'center', width: 1 },
        { header: t.label('columns.university'), width: 2 },
        { header: t.label('columns.topics'), width: 4 },
      ], rows));
    }
    blocks.push(...photos(context, file.photos));
    return { title: t.text(file.title), blocks };
  },
};
