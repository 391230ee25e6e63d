// Support for municipalities' activities in the host country, counted per fiscal year.
import type { Block } from '../../document/blocks.js';
import { formatDate, formatNumber, formatYearMonth } from '../../document/format.js';
import { cell, changeTxt, inYears, photos, table, textList, type SectionDefinition } from '../kit.js';

export const supportCases: SectionDefinition = {
  id: 'support-cases',
  numbered: true,
  build(context) {
    const file = context.data.support?.cases;
    if (!file) return undefined;
    const { t } = context;
    const yearly = file.yearly.filter((y) => inYears(y.fiscalYear, context.years)).sort((a, b) => b.fiscalYear - a.fiscalYear);
    const blocks: Block[] = [...textList(t, 'bullet', file.description)];
    if (file.examples) blocks.push({ kind: 'paragraph', tone: 'note', text: t.text(file.examples) });
    if (yearly.length > 0) {
      blocks.push(table('support-cases', t.label('support.casesCaption'), [
        { header: t.label('columns.fiscalYear'), align: 'center' },
        { header: t.label('columns.casesTotal'), align: 'end' },
        { header: t.label('columns.change'), align: 'end' },
        { header: t.label('columns.asOf'), align: 'center' },
      ], yearly.map((y) => ({
        cells: [
          cell(t.label('fiscalYear', { year: y.fiscalYear }), { header: true, align: 'center' }),
          cell(t.each((lang) => t.fill('units.cases', lang, { n: formatNumber(y.count, lang) })), { align: 'end' }),
          cell(changeTxt(context, 'support-cases', y.fiscalYear), { align: 'end' }),
          cell(t.each((lang) => (y.asOf ? (y.asOf.length === 7 ? t.fill('asOfMonthEnd', lang, { month: formatYearMonth(y.asOf, lang) }) : t.fill('asOf', lang, { date: formatDate(y.asOf, lang) })) : '')), { align: 'center' }),
        ],
      }))));
    }
    blocks.push(...photos(context, file.photos));
    return { title: t.text(file.title), blocks };
  },
};
