// The director's message (office.yaml `message`): a short text with a photo and a signature. It needs no
// template of its own: the generic section partial and the PDF's block layout draw its paragraphs and photo.
import type { Block } from '../../document/blocks.js';
import { photos, type SectionDefinition } from '../kit.js';

export const message: SectionDefinition = {
  id: 'message',
  numbered: false,
  build(context) {
    const data = context.data.office.message;
    if (!data) return undefined;
    const { t } = context;
    const blocks: Block[] = [
      ...photos(context, data.photo ? [data.photo] : []),
      ...data.text.map((paragraph): Block => ({ kind: 'paragraph', text: t.text(paragraph) })),
      ...(data.signature ? [{ kind: 'paragraph', tone: 'lead', text: t.text(data.signature) } satisfies Block] : []),
    ];
    return { title: data.title ? t.text(data.title) : t.label('message.title'), blocks };
  },
};
