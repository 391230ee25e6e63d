// Every text of a view model, for tests that read an edition's whole wording (languages, marks, glyphs) without
// rendering it. One walker, so a new block kind is added here once.
import type { Block, BrochureDocument, Txt } from '../blocks.js';

/** Every text a block holds: captions, headers, cells, items, notes. */
export function blockTexts(block: Block): Txt[] {
  switch (block.kind) {
    case 'table': return [block.caption, ...block.columns.map((c) => c.header), ...block.rows.flatMap((r) => r.cells.flatMap((c) => c.content)), ...(block.notes ?? [])];
    case 'list': return [...(block.title ? [block.title] : []), ...block.items, ...(block.note ? [block.note] : [])];
    case 'facts': return [...(block.caption ? [block.caption] : []), ...block.items.flatMap((i) => [i.label, ...i.values])];
    case 'figures': return block.items.flatMap((i) => [i.label, i.value, ...(i.note ? [i.note] : [])]);
    case 'photos': return block.photos.map((p) => p.caption);
    case 'heading': case 'paragraph': return [block.text];
    case 'chart': return [block.caption, block.description];
    case 'steps': return [...(block.caption ? [block.caption] : []), ...block.steps.flatMap((s) => [s.title, ...(s.text ? [s.text] : [])])];
  }
}

/** Every text of the parts: part and section titles and all their blocks (not the covers or the labels). */
export function partTexts(doc: BrochureDocument): Txt[] {
  return doc.parts.flatMap((p) => [...(p.title ? [p.title] : []), ...p.sections.flatMap((s) => [s.title, ...s.blocks.flatMap(blockTexts)])]);
}
