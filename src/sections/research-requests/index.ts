// Research the office carries out at municipalities' request, with recent examples.
import type { Block } from '../../document/blocks.js';
import { cell, inYears, photos, table, textList, type SectionDefinition } from '../kit.js';
import { placeIn } from '../places.js';

export const researchRequests: SectionDefinition = {
  id: 'research-requests',
  numbered: true,
  build(context) {
    const file = context.data.support?.researchRequests;
    if (!file) return undefined;
    const { t, data } = context;
    const requests = (file.requests ?? []).filter((r) => r.fiscalYear === undefined || inYears(r.fiscalYear, context.years))
      .sort((a, b) => (b.fiscalYear ?? 0) - (a.fiscalYear ?? 0));
    const blocks: Block[] = [
      ...textList(t, 'bullet', file.description),
      ...(file.examples && file.examples.length > 0 ? [table('research-requests', t.label('support.requestsCaption'), [{ header: t.label('columns.request') }],
        file.examples.map((e) => ({ cells: [cell(t.text(e))] })))] : []),
      ...(requests.length > 0 ? [table('research-requests-recorded', t.label('support.requestsCaption'), [
        ...(requests.some((r) => r.fiscalYear) ? [{ header: t.label('columns.fiscalYear'), align: 'center' as const, width: 1 }] : []),
        { header: t.label('columns.request'), width: 5 },
        ...(requests.some((r) => r.country || r.city) ? [{ header: t.label('details.where'), width: 2 }] : []),
      ], requests.map((r) => ({
        cells: [
          ...(requests.some((x) => x.fiscalYear) ? [cell(t.each(() => (r.fiscalYear ? String(r.fiscalYear) : '')), { header: true, align: 'center' })] : []),
          cell(t.text(r.subject)),
          ...(requests.some((x) => x.country || x.city) ? [cell(t.each((lang) => placeIn(t, data.office, r, lang) ?? ''))] : []),
        ],
      })))] : []),
      ...photos(context, file.photos),
    ];
    return { title: t.text(file.title), blocks };
  },
};
