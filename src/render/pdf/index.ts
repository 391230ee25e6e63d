// The PDF renderer: one BrochureDocument → one print-ready A4 PDF, as a pdfmake definition the engine (engine/) writes. Cover, table of contents with
// page numbers, parts and sections (each section on a new page), running footer, outline (bookmarks) and document
// metadata. Output is byte-identical for the same input: the dates come from the view model and pdfkit derives
// the file id from them.
import type { BrochureDocument, SectionView } from '../../document/blocks.js';
import type { World } from '../../world.js';
import { plain } from '../../document/text.js';
import { PdfBlocks } from './blocks.js';
import { renderDefinition } from './engine/index.js';
import { COLOURS, PAGE, SIZES } from './style.js';
import { PdfText, type PdfTypesetter } from './text.js';

type Node = Record<string, unknown>;

export type { PdfTypesetter } from './text.js';

/** The pdfmake document definition: exposed for tests and for the layout benchmark. */
export function pdfDefinition(doc: BrochureDocument, world: World, typesetter: PdfTypesetter): Node {
  const text = new PdfText(typesetter);
  const blocks = new PdfBlocks(text, world, doc.edition.primary);
  const content: Node[] = [];

  // Cover.
  content.push({
    stack: [
      { canvas: [{ type: 'rect', x: 0, y: 0, w: 499, h: 6, color: COLOURS.accent }], margin: [0, 0, 0, 160] },
      { ...text.paragraph(doc.cover.title, { fontSize: SIZES.coverTitle, bold: true, color: COLOURS.brand }), margin: [0, 0, 0, 24] },
      { ...text.paragraph(doc.cover.office, { fontSize: SIZES.partTitle * 0.8, bold: true, color: COLOURS.brandDark }), margin: [0, 0, 0, 40] },
      { ...text.paragraph(doc.cover.organisation, { fontSize: SIZES.heading }), margin: [0, 0, 0, 4] },
      ...(doc.edition.languages.includes('ja') ? [] : [{ text: text.rich([{ text: doc.cover.organisationJapanese, lang: 'ja' }], { fontSize: SIZES.body }), margin: [0, 0, 0, 4] }]),
      { text: text.rich([{ text: doc.cover.organisationEnglish, lang: 'en' }], { fontSize: SIZES.body, color: COLOURS.muted }) },
    ],
  });

  // Table of contents: parts and sections, page numbers resolved by pdfmake from the section anchors.
  const tocRows: Node[][] = [];
  for (const part of doc.parts) {
    if (part.title) {
      tocRows.push([{
        colSpan: 2,
        stack: [
          { text: text.rich([{ text: `${part.numeral ?? ''}　`, lang: doc.edition.primary }, ...part.title.primary], { bold: true, color: COLOURS.brand, fontSize: SIZES.heading }) },
          ...(part.title.secondary ? [{ text: text.rich(part.title.secondary, { fontSize: SIZES.small, color: COLOURS.secondaryText }) }] : []),
        ],
        margin: [0, 8, 0, 2],
      }, {}]);
    }
    for (const section of part.sections) {
      const label = [...(section.number ? [{ text: `${section.number} `, lang: doc.edition.primary }] : []), ...section.title.primary];
      tocRows.push([
        {
          stack: [
            { text: text.rich(label, { fontSize: SIZES.body + 0.5 }), linkToDestination: section.anchor },
            ...(section.title.secondary ? [{ text: text.rich(section.title.secondary, { fontSize: SIZES.small, color: COLOURS.secondaryText }) }] : []),
          ],
          margin: [part.title ? 12 : 0, 2, 0, 2],
        },
        // A page number is one word: noWrap spares pdfmake's UAX #14 breaker (and loading it) for it.
        { text: '', pageReference: section.anchor, noWrap: true, alignment: 'right', fontSize: SIZES.body, bold: true, color: COLOURS.brandDark, margin: [0, 2, 0, 2] },
      ]);
    }
  }
  content.push({
    pageBreak: 'before',
    stack: [
      { ...text.paragraph(doc.labels.contents, { fontSize: SIZES.sectionTitle, bold: true, color: COLOURS.brand }), margin: [0, 0, 0, 12] },
      { table: { widths: ['*', 30], body: tocRows, dontBreakRows: true }, layout: 'noBorders' },
    ],
  });

  doc.parts.forEach((part, partIndex) => {
    const partId = `part-${partIndex + 1}`;
    part.sections.forEach((section, sectionIndex) => {
      content.push(...sectionNodes(section, {
        text, blocks,
        partHeading: sectionIndex === 0 && part.title
          ? { id: partId, title: `${part.numeral ?? ''} ${plain(part.title.primary)}`.trim(), node: part }
          : undefined,
        parentId: part.title ? partId : undefined,
      }));
    });
  });

  const title = doc.meta.title;
  return {
    pageSize: PAGE.size,
    pageMargins: PAGE.margins,
    language: doc.meta.language,
    info: {
      title,
      author: doc.meta.author,
      subject: doc.meta.subject,
      keywords: doc.meta.keywords.join(', '),
      creator: 'clair',
      producer: 'clair (pdfmake)',
      creationDate: doc.meta.created,
      modDate: doc.meta.created,
    },
    displayTitle: true,
    defaultStyle: { font: typesetter.defaultFamily(doc.edition.primary), fontSize: SIZES.body, color: COLOURS.text, lineHeight: SIZES.lineHeight },
    content,
    footer: (currentPage: number, pageCount: number) => currentPage === 1 ? null : {
      columns: [
        { text: text.rich([{ text: title, lang: doc.edition.primary }], { fontSize: SIZES.small, color: COLOURS.muted }) },
        { text: text.rich([{ text: `${currentPage} / ${pageCount}`, lang: doc.edition.primary }], { fontSize: SIZES.small, color: COLOURS.muted }), alignment: 'right' },
      ],
      margin: [PAGE.margins[0], 18, PAGE.margins[2], 0],
    },
  };
}

interface SectionOptions {
  text: PdfText;
  blocks: PdfBlocks;
  partHeading?: { id: string; title: string; node: { numeral?: string; title?: import('../../document/blocks.js').Txt } };
  parentId?: string;
}

function sectionNodes(section: SectionView, options: SectionOptions): Node[] {
  const { text, blocks } = options;
  const nodes: Node[] = [];
  const start: Node = { text: '', pageBreak: 'before' };
  nodes.push(start);
  if (options.partHeading) {
    const { node, id, title } = options.partHeading;
    const bannerStyle = { fontSize: SIZES.partTitle * 0.7, bold: true, color: '#ffffff' };
    // The bookmark sits on the text node: pdfmake ignores id and outline on tables.
    const lines: Node[] = [{
      text: text.rich([{ text: `${node.numeral ?? ''}　`, lang: node.title!.primary[0]?.lang ?? 'ja' }, ...node.title!.primary], bannerStyle, { heading: true }),
      lineHeight: 1.25,
      id,
      outline: true,
      outlineText: title,
      outlineExpanded: true,
    }];
    if (node.title!.secondary) {
      lines.push({ text: text.rich(node.title!.secondary, { ...bannerStyle, fontSize: bannerStyle.fontSize * 0.75, color: '#d6e6f5' }), margin: [0, 2, 0, 0] });
    }
    nodes.push({
      table: { widths: ['*'], body: [[{ stack: lines, margin: [10, 6, 10, 6] }]] },
      layout: { hLineWidth: () => 0, vLineWidth: () => 0, fillColor: () => COLOURS.brand },
      margin: [0, 0, 0, 10],
    });
  }
  const titleStyle = { fontSize: SIZES.sectionTitle, bold: true, color: COLOURS.brandDark };
  const numberRuns = section.number ? [{ text: `${section.number} `, lang: section.title.primary[0]?.lang ?? 'ja' as const }] : [];
  const outlineText = `${section.number ? `${section.number} ` : ''}${plain(section.title.primary)}`;
  nodes.push({
    stack: [
      {
        text: text.rich([...numberRuns, ...section.title.primary], titleStyle, { heading: true }),
        lineHeight: 1.2,
        id: section.anchor,
        outline: true,
        outlineText,
        ...(options.parentId ? { outlineParentId: options.parentId } : {}),
      },
      ...(section.title.secondary
        ? [{ text: text.rich(section.title.secondary, { ...titleStyle, fontSize: SIZES.sectionTitle * 0.7, color: COLOURS.secondaryText }), margin: [0, 2, 0, 0] }]
        : []),
      { canvas: [{ type: 'line', x1: 0, y1: 2, x2: 499, y2: 2, lineWidth: 1.2, lineColor: COLOURS.accent }], margin: [0, 2, 0, 8] },
    ],
  });
  // Charts sit two to a row; everything else stacks.
  for (let i = 0; i < section.blocks.length; i++) {
    const block = section.blocks[i]!;
    const next = section.blocks[i + 1];
    if (block.kind === 'chart' && next?.kind === 'chart') {
      nodes.push({ columns: [{ width: '*', ...blocks.block(block) }, { width: '*', ...blocks.block(next) }], columnGap: 16, unbreakable: true });
      i++;
    } else {
      nodes.push(blocks.block(block));
    }
  }
  return nodes;
}

/** Renders one edition to PDF bytes. */
export async function renderPdf(doc: BrochureDocument, world: World, typesetter: PdfTypesetter): Promise<Buffer> {
  const fonts = typesetter.fontDictionary();
  return renderDefinition(pdfDefinition(doc, world, typesetter), fonts);
}
