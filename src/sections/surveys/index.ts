// Surveys of public opinion in the host country that the office commissioned, by fiscal year.
import type { Block } from '../../document/blocks.js';
import { cell, inYears, photos, table, type SectionDefinition } from '../kit.js';

export const surveys: SectionDefinition = {
  id: 'surveys',
  numbered: true,
  build(context) {
    const file = context.data.support?.surveys;
    if (!file) return undefined;
    const { t } = context;
    // Where the data gives the sentences as printed ("…変化していることから、2020年度、…に…意識調査を実施"), they are the
    // section, under its heading; the years in them are checked against fiscalYears by `clair validate`.
    if (file.surveys.length > 0 && file.surveys.every((s) => s.description !== undefined)) {
      const blocks: Block[] = [
        ...(file.heading ? [{ kind: 'heading', text: t.text(file.heading) } as Block] : []),
        { kind: 'list', marker: 'bullet', items: file.surveys.map((s) => t.text(s.description)) },
        ...photos(context, file.photos),
      ];
      return { title: t.text(file.title), blocks };
    }
    const blocks: Block[] = [
      ...(file.heading ? [{ kind: 'heading', text: t.text(file.heading) } as Block] : []),
      ...file.surveys.map((s): Block => ({
        kind: 'list', marker: 'bullet', items: [t.text(s.reason)], title: t.text(s.subject, { strong: true }),
      })),
    ];
    const rows = file.surveys
      .flatMap((s) => s.fiscalYears.filter((y) => inYears(y, context.years)).map((fiscalYear) => ({ fiscalYear, subject: s.subject })))
      .sort((a, b) => b.fiscalYear - a.fiscalYear)
      .map((r) => ({ cells: [cell(t.label('fiscalYear', { year: r.fiscalYear }), { header: true, align: 'center' }), cell(t.text(r.subject))] }));
    if (rows.length > 0) {
      blocks.push(table('surveys', t.label('support.surveysCaption'), [
        { header: t.label('columns.fiscalYear'), align: 'center', width: 1 },
        { header: t.label('columns.survey'), width: 4 },
      ], rows));
    }
    blocks.push(...photos(context, file.photos));
    return { title: t.text(file.title), blocks };
  },
};
