// Organisations the office works with, grouped, and what was done together.
import type { Block } from '../../document/blocks.js';
import { textIn } from '../../document/text.js';
import { cell, photos, table, textList, type SectionDefinition } from '../kit.js';

export const partners: SectionDefinition = {
  id: 'partners',
  numbered: true,
  build(context) {
    const file = context.data.partners;
    if (!file) return undefined;
    const { t } = context;
    const blocks: Block[] = [...textList(t, 'bullet', file.description)];
    file.groups.forEach((group, index) => {
      blocks.push(table(`partners-${index + 1}`, t.text(group.title), [
        { header: t.label('columns.organisation'), width: 2 },
        { header: t.label('columns.cooperation'), width: 4 },
      ], group.organisations.map((o) => ({
        cells: [
          cell(t.each((lang) => `${textIn(o.name, lang) ?? ''}${o.abbreviation ? t.fill('parenthesised', lang, { text: o.abbreviation }) : ''}`), { header: true }),
          cell(o.cooperation.map((c) => t.text(c.activity))),
        ],
      }))));
      blocks.push(...photos(context, group.organisations.flatMap((o) => o.cooperation.flatMap((c) => (c.photo ? [c.photo] : [])))));
    });
    return { title: t.text(file.title), blocks };
  },
};
