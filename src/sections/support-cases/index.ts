// Support for municipalities' activities in the host country, counted per fiscal year.
import type { Block } from '../../document/blocks.js';
import { formatDate, formatNumber, formatYearMonth } from '../../document/format.js';
import { textIn } from '../../document/text.js';
import { cell, changeNotes, changeTxt, inYears, photos, table, textList, type SectionDefinition } from '../kit.js';

export const supportCases: SectionDefinition = {
  id: 'support-cases',
  numbered: true,
  build(context) {
    const file = context.data.support?.cases;
    if (!file) return undefined;
    const { t } = context;
    const yearly = file.yearly.filter((y) => inYears(y.fiscalYear, context.years)).sort((a, b) => b.fiscalYear - a.fiscalYear);
    const blocks: Block[] = [...textList(t, 'bullet', file.description)];
    // As printed: "(例) アポイントメント取付け、…".
    if (file.examples) {
      const examples = file.examples;
      blocks.push({ kind: 'paragraph', tone: 'note', text: t.each((lang) => t.fill('support.examples', lang, { examples: textIn(examples, lang) ?? '' })) });
    }
    if (yearly.length > 0) {
      // A part-year count carries its as-of date in the same cell, as the seed prints it: 83件（2026年1月末現在）.
      const asOf = (stated: string, lang: Parameters<typeof t.raw>[1]) => (stated.length === 7
        ? t.fill('asOfMonthEnd', lang, { month: formatYearMonth(stated, lang) })
        : t.fill('asOf', lang, { date: formatDate(stated, lang) }));
      blocks.push(table('support-cases', t.label('support.casesCaption'), [
        { header: t.label('columns.fiscalYear'), align: 'center' },
        { header: t.label('columns.casesTotal'), align: 'end' },
        { header: t.label('columns.change'), align: 'end' },
      ], yearly.map((y) => ({
        cells: [
          cell(t.each(() => String(y.fiscalYear)), { header: true, align: 'center' }),
          cell(t.each((lang) => {
            const count = t.fill('units.cases', lang, { n: formatNumber(y.count, lang) });
            return y.asOf ? `${count}${t.fill('parenthesised', lang, { text: asOf(y.asOf, lang) })}` : count;
          }), { align: 'end' }),
          cell(changeTxt(context, 'support-cases', y.fiscalYear), { align: 'end' }),
        ],
      })), changeNotes(context, 'support-cases', yearly.map((y) => y.fiscalYear))));
    }
    blocks.push(...photos(context, file.photos));
    return { title: t.text(file.title), blocks };
  },
};
