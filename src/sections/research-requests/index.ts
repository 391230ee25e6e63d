// Research the office carries out at municipalities' request, with recent examples.
import type { Block } from '../../document/blocks.js';
import { cell, photos, table, textList, type SectionDefinition } from '../kit.js';

export const researchRequests: SectionDefinition = {
  id: 'research-requests',
  numbered: true,
  build(context) {
    const file = context.data.support?.researchRequests;
    if (!file) return undefined;
    const { t } = context;
    const blocks: Block[] = [
      ...textList(t, 'bullet', file.description),
      ...(file.examples.length > 0 ? [table('research-requests', t.label('support.requestsCaption'), [{ header: t.label('columns.request') }],
        file.examples.map((e) => ({ cells: [cell(t.text(e))] })))] : []),
      ...photos(context, file.photos),
    ];
    return { title: t.text(file.title), blocks };
  },
};
