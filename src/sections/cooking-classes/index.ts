// Cooking classes that introduce Japanese municipalities' food (the seed's ④): a municipality presenting its dishes
// (Seoul), or several supplying ingredients to a class with a partner studio, with dates, participants and media.
import type { Block, TableColumn } from '../../document/blocks.js';
import { formatDayRange } from '../../document/format.js';
import { textIn } from '../../document/text.js';
import type { CookingClass } from '../../schema/index.js';
import { cell, inYears, list, photos, rowsByFiscalYear, steps, table, textList, type SectionDefinition } from '../kit.js';
import { factsCell, hasFacts, type RecordFacts } from '../places.js';

const factsOf = (c: CookingClass): RecordFacts => ({
  ...(c.country || c.city ? { place: { ...(c.country ? { country: c.country } : {}), ...(c.city ? { city: c.city } : {}) } } : {}),
  ...(c.partner ? { partner: c.partner } : {}),
  ...(c.participants !== undefined ? { participants: c.participants } : {}),
  ...(c.media ? { media: c.media } : {}),
});

export const cookingClasses: SectionDefinition = {
  id: 'cooking-classes',
  numbered: true,
  build(context) {
    const file = context.data.cookingClasses;
    if (!file) return undefined;
    const { t, data } = context;
    const classes = file.classes.filter((c) => inYears(c.fiscalYear, context.years));
    const withDates = classes.some((c) => c.dates);
    const withFacts = classes.some((c) => hasFacts(factsOf(c)));
    const onlyIngredients = classes.every((c) => !c.dishes);
    const rows = rowsByFiscalYear(t, classes, (c) => {
      const bodies = [...(c.host ? [c.host] : []), ...(c.suppliers ?? [])];
      const food = [...(c.dishes ?? []), ...(c.ingredients ?? [])];
      return [
        ...(withDates ? [cell(t.each((lang) => (c.dates ? formatDayRange(c.dates.start, c.dates.end, lang) : '')), { align: 'center' })] : []),
        cell(t.each((lang) => t.joinList(bodies.map((b) => t.bodyName(b, lang)), lang))),
        cell(t.each((lang) => t.joinList(food.map((d) => textIn(d, lang) ?? ''), lang))),
        ...(withFacts ? [factsCell(t, data.office, factsOf(c))] : []),
      ];
    }, (a, b) => (b.dates?.start ?? '').localeCompare(a.dates?.start ?? ''));
    const columns: TableColumn[] = [
      { header: t.label('columns.fiscalYear'), align: 'center', width: withFacts || withDates ? 1.3 : 1 },
      ...(withDates ? [{ header: t.label('columns.dates'), align: 'center' as const, width: 2 }] : []),
      { header: t.label('columns.municipality'), width: 2 },
      { header: t.label(onlyIngredients ? 'details.ingredients' : 'columns.dishes'), width: withFacts ? 3 : 5 },
      ...(withFacts ? [{ header: t.label('details.column'), width: 3 }] : []),
    ];
    const blocks: Block[] = [
      ...textList(t, 'bullet', file.description),
      ...(file.merits && file.merits.length > 0 ? [list('merit', file.merits.map((m) => t.text(m)))] : []),
      ...(rows.length > 0 ? [table('cooking-classes', t.label('cookingClasses.caption'), columns, rows)] : []),
      ...steps(context, file.flow),
      ...photos(context, file.photos),
    ];
    return { title: t.text(file.title), blocks };
  },
};
