// Cooking classes with local schools that introduce a municipality's dishes and sights (the seed's ④).
import type { Block } from '../../document/blocks.js';
import { textIn } from '../../document/text.js';
import { cell, inYears, list, photos, rowsByFiscalYear, steps, table, textList, type SectionDefinition } from '../kit.js';

export const cookingClasses: SectionDefinition = {
  id: 'cooking-classes',
  numbered: true,
  build(context) {
    const file = context.data.cookingClasses;
    if (!file) return undefined;
    const { t } = context;
    const classes = file.classes.filter((c) => inYears(c.fiscalYear, context.years));
    const rows = rowsByFiscalYear(t, classes, (c) => [
      cell(t.body(c.host)),
      cell(t.each((lang) => t.joinList(c.dishes.map((d) => textIn(d, lang) ?? ''), lang))),
    ]);
    const blocks: Block[] = [
      ...textList(t, 'bullet', file.description),
      ...(file.merits && file.merits.length > 0 ? [list('merit', file.merits.map((m) => t.text(m)))] : []),
      ...(rows.length > 0 ? [table('cooking-classes', t.label('cookingClasses.caption'), [
        { header: t.label('columns.fiscalYear'), align: 'center', width: 1 },
        { header: t.label('columns.municipality'), width: 2 },
        { header: t.label('columns.dishes'), width: 5 },
      ], rows)] : []),
      ...steps(context, file.flow),
      ...photos(context, file.photos),
    ];
    return { title: t.text(file.title), blocks };
  },
};
