// The PDF renderer: one BrochureDocument → one print-ready A4 PDF, as a pdfmake definition the engine (engine/)
// writes. A designed front cover (title in the edition's languages over a key visual drawn from the theme or the
// data's cover photo, to the page edge), the contents, parts and numbered sections flowing one after another on a
// grid (a new page only where brochure.yaml asks), a running footer in the edition's languages, and a back cover
// with the contact, the web sites and social accounts with QR codes, and the organisation's offices. Bookmarks and
// document metadata. Output is byte-identical for the same input: the dates come from the view model and pdfkit
// derives the file id from them.
import type { BrochureDocument, PartView, SectionView, Txt } from '../../document/blocks.js';
import type { World } from '../../world.js';
import { plain } from '../../document/text.js';
import { languageProfile } from '../../i18n/profile.js';
import { HEADLINE, PdfBlocks } from './blocks.js';
import { ems } from '../../document/measure.js';
import { PrintPhotos } from './photos.js';
import { renderDefinition } from './engine/index.js';
import { pdfStyle, tint, type PdfStyle } from './style.js';
import { PdfText, type PdfTypesetter } from './text.js';
import { loadTheme } from '../theme.js';
import { qrCanvas } from '../qr.js';
import { FRAME_RATIO } from '../../photos/index.js';

type Node = Record<string, unknown>;

export type { PdfTypesetter } from './text.js';

export interface PdfOptions {
  /** Collects the photos the layout places, at their printed sizes (renderPdf prepares them afterwards). */
  photos?: PrintPhotos;
  /** Note pages added before the back cover, so that a booklet's page count is a multiple of 4. */
  notePages?: number;
}

/** The pdfmake document definition: exposed for tests and for the layout benchmark. */
export function pdfDefinition(doc: BrochureDocument, world: World, typesetter: PdfTypesetter, options: PdfOptions = {}): Node {
  const style = pdfStyle(loadTheme(world), { bilingual: doc.edition.secondary !== undefined });
  const text = new PdfText(typesetter, style);
  const blocks = new PdfBlocks(text, world, doc.edition.primary, style, options.photos);
  const { page, colours, sizes } = style;
  const content: Node[] = [];

  content.push(...frontCover(doc, text, style, options.photos));
  content.push(contents(doc, text, style));

  const sections = doc.parts.flatMap((p) => p.sections);
  const backSection = sections.at(-1)?.id === 'contact' ? sections.at(-1) : undefined;
  doc.parts.forEach((part, partIndex) => {
    const partId = `part-${partIndex + 1}`;
    part.sections.forEach((section, sectionIndex) => {
      if (section === backSection) return;
      content.push(...sectionNodes(section, {
        text, blocks, style,
        partHeading: sectionIndex === 0 && part.title ? { id: partId, part } : undefined,
        newPage: sectionIndex === 0 && partIndex > 0 && part.newPage === true,
        parentId: part.title ? partId : undefined,
      }));
    });
  });
  for (let i = 0; i < (options.notePages ?? 0); i++) content.push(notePage(doc, text, style));
  content.push(...backCover(doc, backSection, { text, blocks, style }));

  const title = doc.meta.title;
  const footerTitle: Txt = doc.cover.title;
  return {
    pageSize: page.size,
    pageMargins: page.margins,
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
    pageBreakBefore: headingBreak(style),
    defaultStyle: { font: typesetter.defaultFamily(doc.edition.primary), fontSize: sizes.body, color: colours.ink, lineHeight: sizes.leading.cjk },
    content,
    background: (currentPage: number, pageSize: { width: number; height: number }) => {
      if (currentPage === 1) return [coverBackground(style, pageSize, Boolean(doc.cover.photo && options.photos)), coverFoot(doc, text, style)];
      // A thin brand bar at the head of every inner page.
      return { canvas: [{ type: 'rect', x: 0, y: 0, w: pageSize.width, h: 6, color: colours.brand }] };
    },
    footer: (currentPage: number, pageCount: number) => {
      if (currentPage === 1) return null;
      if (currentPage === pageCount) return backFoot(doc, text, style);
      const runs = [...footerTitle.primary, ...(footerTitle.secondary ? [{ text: separator(doc.edition.primary), lang: doc.edition.primary }, ...footerTitle.secondary] : [])];
      return {
        columns: [
          { text: text.rich(runs, { fontSize: sizes.small, color: colours.muted }) },
          { width: 40, text: text.rich([{ text: String(currentPage), lang: doc.edition.primary }], { fontSize: sizes.small, color: colours.brand, bold: true }), alignment: 'right' },
        ],
        margin: [page.margins[0], 20, page.margins[2], 0],
      };
    },
  };
}

/** The front cover: a brand field to the page edge with the title, then the office, organisation and year. */
function frontCover(doc: BrochureDocument, text: PdfText, style: PdfStyle, photos?: PrintPhotos): Node[] {
  const { colours, sizes, page } = style;
  // The cover photo spans the page: it is prepared for the page's width.
  const photo = doc.cover.photo && photos ? photos.image(doc.cover.photo, doc.cover.photoFocus, page.width) : undefined;
  const onField = { color: colours.onBrand, secondaryColor: colours.onBrandMuted };
  const title = text.paragraph(doc.cover.title, { fontSize: sizes.coverTitle, bold: true, heading: true, ...onField });
  const year = String(doc.cover.year);
  return [{
    stack: [
      ...(photo ? [{ image: photo, width: page.width, height: page.width / FRAME_RATIO, absolutePosition: { x: 0, y: 0 } }] : []),
      { ...text.paragraph(doc.cover.organisation, { fontSize: sizes.heading, ...onField }), margin: [0, 40, 0, 2] },
      { text: text.rich([{ text: doc.cover.organisationEnglish, lang: 'en' }], { fontSize: sizes.small, color: colours.onBrandMuted }) },
      // The title block ends on the field: a second language's title and office lines move it up.
      { ...title, margin: [0, (photo ? 150 : 190) - (doc.cover.title.secondary ? 60 : 0) - (doc.cover.office.secondary ? 24 : 0), 0, 14] },
      { ...text.paragraph(doc.cover.office, { fontSize: sizes.partTitle, bold: true, ...onField }) },
    ],
  }];
}

/** The lower half of the cover, on paper: the organisation in the edition's languages, Japanese and English, and the year. */
function coverFoot(doc: BrochureDocument, text: PdfText, style: PdfStyle): Node {
  const { colours, sizes, page } = style;
  return {
    columns: [
      { width: '*', stack: [
        { ...text.paragraph(doc.cover.organisation, { fontSize: sizes.heading, bold: true, color: colours.brandDark }), margin: [0, 2, 0, 2] },
        ...(doc.edition.languages.includes('ja') ? [] : [{ text: text.rich([{ text: doc.cover.organisationJapanese, lang: 'ja' }], { fontSize: sizes.body, color: colours.ink }) }]),
        { text: text.rich([{ text: doc.cover.organisationEnglish, lang: 'en' }], { fontSize: sizes.small, color: colours.muted }) },
      ] },
      // The year as a big figure only when the title does not already print it ("クレアソウル 2026" does).
      ...(doc.cover.yearInTitle ? [] : [{ width: 190, text: text.rich([{ text: String(doc.cover.year), lang: 'en' }], { fontSize: sizes.coverTitle * 1.6, bold: true, color: colours.brand }), alignment: 'right', lineHeight: 1 }]),
    ],
    absolutePosition: { x: page.margins[0], y: page.height - 170 },
  };
}

/** The key visual: the brand field over the upper 58 % of the page with circles in its tints, to the page edge. */
function coverBackground(style: PdfStyle, size: { width: number; height: number }, hasPhoto: boolean): Node {
  const { colours } = style;
  const fieldHeight = size.height * 0.58;
  const shapes: Node[] = [
    { type: 'rect', x: 0, y: 0, w: size.width, h: fieldHeight, color: colours.brand },
    { type: 'rect', x: 0, y: fieldHeight, w: size.width, h: 8, color: colours.accent },
  ];
  if (!hasPhoto) {
    shapes.push(
      { type: 'ellipse', x: size.width * 0.86, y: fieldHeight * 0.22, r1: 150, r2: 150, color: tint(colours.brand, 0.12) },
      { type: 'ellipse', x: size.width * 0.98, y: fieldHeight * 0.82, r1: 210, r2: 210, color: tint(colours.brand, 0.06) },
      // The accent stands right of the text column, between the organisation and the title, where no title of
      // any office reaches (at 0.66 of the width it sat under the year of "クレアソウル 2026").
      { type: 'ellipse', x: size.width * 0.87, y: fieldHeight * 0.5, r1: 40, r2: 40, color: tint(colours.accent, 0.1) },
      { type: 'rect', x: 0, y: 0, w: 10, h: fieldHeight, color: colours.brandDark },
    );
  }
  return { canvas: shapes };
}

/** The back cover's foot (drawn as its footer, which knows it is the last page): the brand field to the page edge. */
function backFoot(doc: BrochureDocument, text: PdfText, style: PdfStyle): Node {
  const { width } = style.page;
  const height = 110;
  const top = style.page.margins[3] - height;
  return {
    stack: [
      { canvas: [
        { type: 'rect', x: 0, y: top - 6, w: width, h: 6, color: style.colours.accent },
        { type: 'rect', x: 0, y: top, w: width, h: height, color: style.colours.brand },
      ] },
      {
        // Drawn over the field: pulled up from under the canvas (pdfmake clips nothing in the footer's margin).
        stack: [
          text.paragraph(doc.cover.organisation, { fontSize: style.sizes.heading, bold: true, color: style.colours.onBrand, secondaryColor: style.colours.onBrandMuted }),
          { text: text.rich([{ text: doc.cover.organisationEnglish, lang: 'en' }], { fontSize: style.sizes.small, color: style.colours.onBrandMuted }) },
        ],
        margin: [style.page.margins[0], top + 22 - style.page.margins[3], style.page.margins[2], 0],
      },
    ],
  };
}

/** The contents: parts and sections with page numbers resolved by pdfmake from the section anchors. */
function contents(doc: BrochureDocument, text: PdfText, style: PdfStyle): Node {
  const { colours, sizes } = style;
  // A list of titles, read down the column, not running text: set as close as table cells.
  const lineHeight = sizes.leading.table;
  // Room for a part's numeral (I–IV) beside its title; its sections are indented as far, under the title.
  const numeralWidth = sizes.heading * 1.4;
  const rows: Node[][] = [];
  for (const part of doc.parts) {
    if (part.title) {
      // The numeral hangs: a title that wraps goes on under its own first word, not under the numeral.
      rows.push([{
        colSpan: 2,
        columns: [
          { width: numeralWidth, text: text.rich([{ text: part.numeral ?? '', lang: doc.edition.primary }], { bold: true, color: colours.brand, fontSize: sizes.heading }), lineHeight },
          {
            width: '*',
            stack: [
              { text: text.rich(part.title.primary, { bold: true, color: colours.brand, fontSize: sizes.heading }), lineHeight },
              ...(part.title.secondary ? [{ text: text.rich(part.title.secondary, { fontSize: text.secondarySize(sizes.body), color: colours.second }), lineHeight }] : []),
            ],
          },
        ],
        columnGap: 0,
        margin: [0, 5, 0, 1],
      }, {}]);
    }
    for (const section of part.sections) {
      // Indented under its part's title, its number hanging: a title that wraps goes on under its first word.
      const columns: Node[] = [
        ...(part.title ? [{ width: numeralWidth, text: '' }] : []),
        ...(section.number ? [{ width: sizes.body * 1.4, text: text.rich([{ text: section.number, lang: doc.edition.primary }], { fontSize: sizes.body }), linkToDestination: section.anchor, lineHeight }] : []),
        {
          width: '*',
          stack: [
            { text: text.rich(section.title.primary, { fontSize: sizes.body }), linkToDestination: section.anchor, lineHeight },
            ...(section.title.secondary ? [{ text: text.rich(section.title.secondary, { fontSize: text.secondarySize(sizes.body), color: colours.second }), lineHeight }] : []),
          ],
        },
      ];
      rows.push([
        { columns, columnGap: 0, margin: [0, 1, 0, 1] },
        // A page number is one word: noWrap spares pdfmake's UAX #14 breaker (and loading it) for it.
        { text: '', pageReference: section.anchor, noWrap: true, alignment: 'right', fontSize: sizes.body, lineHeight, bold: true, color: colours.brandDark, margin: [0, 1, 0, 1] },
      ]);
    }
  }
  return {
    pageBreak: 'before',
    stack: [
      { ...text.paragraph(doc.labels.contents, { fontSize: sizes.sectionTitle, bold: true, color: colours.brand, heading: true }), margin: [0, 2, 0, 6] },
      // Two columns, split at a part: the contents stay on one page.
      tocColumns(rows, style),
    ],
  };
}

function tocColumns(rows: Node[][], style: PdfStyle): Node {
  let split = Math.ceil(rows.length / 2);
  // Start the second column at a part's title (a row spanning both cells) near the middle.
  for (let i = split; i < rows.length; i++) if (rows[i]![0]!.colSpan) { split = i; break; }
  const table = (body: Node[][]): Node => ({ width: '*', table: { widths: ['*', 24], body, dontBreakRows: true }, layout: 'noBorders' });
  return rows.length < 16
    ? table(rows)
    : { columns: [table(rows.slice(0, split)), table(rows.slice(split))], columnGap: style.page.columnGap * 1.5 };
}

interface SectionOptions {
  text: PdfText;
  blocks: PdfBlocks;
  style: PdfStyle;
  partHeading?: { id: string; part: PartView };
  /** brochure.yaml asks the part to start a page. */
  newPage?: boolean;
  parentId?: string;
}

/** The part's band: numeral and title on the brand colour, bookmarked. */
function partBand(options: SectionOptions): Node | undefined {
  if (!options.partHeading) return undefined;
  const { text, style } = options;
  const { id, part } = options.partHeading;
  const bannerStyle = { fontSize: style.sizes.partTitle * 0.8, bold: true, color: style.colours.onBrand, heading: true };
  // The bookmark sits on the text node: pdfmake ignores id and outline on tables.
  const lines: Node[] = [{
    text: text.rich([{ text: `${part.numeral ?? ''}　`, lang: part.title!.primary[0]?.lang ?? 'ja' }, ...part.title!.primary], bannerStyle, { heading: true }),
    lineHeight: style.sizes.leading.heading,
    id,
    outline: true,
    outlineText: `${part.numeral ?? ''} ${plain(part.title!.primary)}`.trim(),
    outlineExpanded: true,
  }];
  if (part.title!.secondary) {
    lines.push({ text: text.rich(part.title!.secondary, { ...bannerStyle, fontSize: Math.max(bannerStyle.fontSize * 0.72, style.sizes.secondary), color: style.colours.onBrandMuted }, { heading: true }), margin: [0, 1, 0, 0] });
  }
  return {
    table: { widths: ['*'], body: [[{ stack: lines, margin: [10, 5, 10, 5] }]] },
    layout: { hLineWidth: () => 0, vLineWidth: () => 0, fillColor: () => style.colours.brand },
    margin: [0, 0, 0, 8],
  };
}

function sectionTitle(section: SectionView, options: SectionOptions): Node {
  const { text, style } = options;
  const titleStyle = { fontSize: style.sizes.sectionTitle, bold: style.fonts.heading === 'bold', color: style.colours.brandDark };
  const numberRuns = section.number ? [{ text: `${section.number} `, lang: section.title.primary[0]?.lang ?? 'ja' as const }] : [];
  const outlineText = `${section.number ? `${section.number} ` : ''}${plain(section.title.primary)}`;
  const primary: Node = {
    text: text.rich([...numberRuns, ...section.title.primary], titleStyle, { heading: true }),
    lineHeight: style.sizes.leading.heading,
    id: section.anchor,
    outline: true,
    outlineText,
    ...(options.parentId ? { outlineParentId: options.parentId } : {}),
  };
  const secondarySize = Math.max(style.sizes.sectionTitle * 0.7, style.sizes.secondary);
  const secondary: Node | undefined = section.title.secondary
    ? { text: text.rich(section.title.secondary, { ...titleStyle, fontSize: secondarySize, color: style.colours.second }, { heading: true }), lineHeight: style.sizes.leading.heading }
    : undefined;
  const half = (style.page.textWidth - style.page.columnGap) / 2;
  // Both titles on one line when each fits half the width: the second on the right, on the first's baseline.
  const beside = section.title.secondary
    && ems(`${section.number ?? ''} ${plain(section.title.primary)}`) * style.sizes.sectionTitle <= half
    && ems(plain(section.title.secondary)) * secondarySize <= half;
  const titles: Node[] = !secondary ? [primary]
    : beside ? [{ columns: [{ width: half, ...primary }, { width: half, ...secondary, margin: [0, (style.sizes.sectionTitle - secondarySize) * 0.95, 0, 0] }], columnGap: style.page.columnGap }]
      : [primary, { ...secondary, margin: [0, 1, 0, 0] }];
  return {
    stack: [
      ...titles,
      { canvas: [{ type: 'line', x1: 0, y1: 2, x2: style.page.textWidth, y2: 2, lineWidth: 1.2, lineColor: style.colours.accent }], margin: [0, 2, 0, 6] },
    ],
  };
}

function sectionNodes(section: SectionView, options: SectionOptions): Node[] {
  const { blocks, style } = options;
  const band = partBand(options);
  // The part's band and the section's title keep with the first block, as any heading does (blocks.layout).
  const body = blocks.layout(section.blocks, style.page.textWidth, [...(band ? [band] : []), sectionTitle(section, options)]);
  // The first section follows the contents on their page: a new page only where brochure.yaml asks.
  const breakBefore = options.newPage;
  return [{
    stack: body,
    margin: [0, breakBefore ? 0 : style.spacing.section, 0, 0],
    ...(breakBefore ? { pageBreak: 'before' } : {}),
  }];
}

/**
 * pdfmake's page-break check, called for each laid-out node: a heading group (headingBefore in blocks.ts) whose
 * block does not start on the group's page starts the next page instead. pdfmake then lays the document out again,
 * so the common cases are kept by structure (unbreakable openings) and this only catches the rest.
 *
 * It reads the probes around the group and the id on the block's first text, nothing else: pdfmake gives every node
 * laid out inside an unbreakable block (a heading group, a list's opening, a table's head and rows) the page and
 * height where the block started, and when the block then moves to the next page, only the first line of a text
 * with an id gets its new page. A block that moved on still looked as if it followed its heading on the page, and
 * this is why headings could end a page with the check in place.
 */
export function headingBreak(style: PdfStyle) {
  const pageHead = style.page.margins[1] + 1;
  return (node: PageNodeInfo, nodes: { getFollowingNodesOnPage(): PageNodeInfo[] }): boolean => {
    if (node.headlineLevel !== HEADLINE.beforeHeading) return false;
    // Already at the head of its page: moving it would only leave a blank page.
    if (node.startPosition.top <= pageHead) return false;
    const following = nodes.getFollowingNodesOnPage();
    // The probe after the group is on another page: the group went to the head of the next page by itself.
    const after = following.findIndex((n) => n.headlineLevel === HEADLINE.afterHeading);
    if (after < 0) return false;
    // The block's first text (the first node with an id after the group) starts on the group's page, or the probe
    // before the group takes the break and the group starts the next page.
    const start = following.slice(after + 1).find((n) => n.id !== undefined);
    return start?.startPosition.pageNumber !== node.startPosition.pageNumber;
  };
}

/** What pdfmake tells the check of a laid-out node (of the keys it copies, those read here). */
interface PageNodeInfo {
  headlineLevel?: number;
  id?: string;
  startPosition: { top: number; pageNumber: number };
}

/** A page for the reader's notes (メモ), ruled: what a booklet's extra pages carry instead of standing blank. */
function notePage(doc: BrochureDocument, text: PdfText, style: PdfStyle): Node {
  const lines = Math.floor((style.page.height - style.page.margins[1] - style.page.margins[3] - 40) / 24);
  return {
    pageBreak: 'before',
    stack: [
      { ...text.paragraph(doc.labels.notes, { fontSize: style.sizes.heading, bold: true, color: style.colours.brand }), margin: [0, 0, 0, 8] },
      { canvas: Array.from({ length: lines }, (_, i) => ({ type: 'line', x1: 0, y1: 24 * (i + 1), x2: style.page.textWidth, y2: 24 * (i + 1), lineWidth: 0.4, lineColor: style.colours.rule })) },
    ],
  };
}

/** Between names in a row, from the language's profile: a full-width slash in Japanese, a spaced slash in Korean. */
const separator = (lang: string) => languageProfile(lang).nameSeparator;

/** The back cover: the contact section, web sites and social accounts with QR codes, the organisation's offices. */
function backCover(doc: BrochureDocument, contact: SectionView | undefined, options: { text: PdfText; blocks: PdfBlocks; style: PdfStyle }): Node[] {
  const { text, style } = options;
  const { colours, sizes, page } = style;
  const back = doc.backCover;
  const nodes: Node[] = [];
  if (contact) nodes.push(sectionTitle(contact, { ...options }), ...options.blocks.layout(contact.blocks, page.textWidth));
  if (back.links.length > 0) {
    const size = 62;
    const cells = back.links.map((link) => ({
      width: (page.textWidth - 12 * 3) / 4,
      stack: [
        { ...qrCanvas(link.url, size), margin: [0, 0, 0, 3] },
        text.paragraph(link.label, { fontSize: sizes.small, bold: true, color: colours.brandDark }),
        { text: text.rich([{ text: link.url.replace(/^https?:\/\//, '').replace(/\/$/, ''), lang: 'en', href: link.url }], { fontSize: sizes.small * 0.9, color: colours.muted }) },
      ],
    }));
    const rows: Node[] = [];
    for (let i = 0; i < cells.length; i += 4) rows.push({ columns: cells.slice(i, i + 4), columnGap: 12, margin: [0, 0, 0, 8] });
    nodes.push({ stack: [{ ...text.paragraph(back.linksTitle, { bold: true, color: colours.brand, fontSize: sizes.heading, heading: true }), margin: [0, 14, 0, 6] }, ...rows], unbreakable: true });
  }
  if (back.offices.length > 0) {
    nodes.push({
      stack: [
        { ...text.paragraph(back.officesTitle, { bold: true, color: colours.brand, fontSize: sizes.heading, heading: true }), margin: [0, 10, 0, 4] },
        { text: back.offices.flatMap((office, i) => text.rich([...(i > 0 ? [{ text: separator(doc.edition.primary), lang: doc.edition.primary }] : []), ...office.primary], { fontSize: sizes.body, ...(office.current ? { bold: true, color: colours.brand } : {}) })) },
        ...(back.offices.some((o) => o.secondary) ? [{ text: back.offices.flatMap((office, i) => text.rich([...(i > 0 ? [{ text: separator(doc.edition.secondary ?? doc.edition.primary), lang: doc.edition.secondary ?? doc.edition.primary }] : []), ...(office.secondary ?? office.primary)], { fontSize: text.secondarySize(sizes.body), color: colours.second })) }] : []),
      ],
      unbreakable: true,
    });
  }
  return [{ stack: nodes, pageBreak: 'before' }];
}

/** Renders one edition to PDF bytes. */
export async function renderPdf(doc: BrochureDocument, world: World, typesetter: PdfTypesetter): Promise<Buffer> {
  // The layout says where each photo goes and how wide; the photos are prepared for those sizes before writing.
  const render = async (notePages?: number) => {
    const photos = new PrintPhotos();
    const definition = pdfDefinition(doc, world, typesetter, { photos, ...(notePages ? { notePages } : {}) });
    definition.images = await photos.images(world);
    // pdfmake rewrites the font dictionary it is given while it resolves the files: each pass gets a fresh one.
    return renderDefinition(definition, typesetter.fontDictionary());
  };
  const bytes = await render();
  if (!doc.booklet) return bytes;
  // A folded booklet has a multiple of 4 pages: note pages go before the back cover, never in the middle.
  const notePages = (4 - (pageCount(bytes) % 4)) % 4;
  if (notePages === 0) return bytes;
  return render(notePages);
}

/** The page count from the page tree's /Count. */
function pageCount(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const match = /\/Type \/Pages[\s\S]*?\/Count (\d+)/.exec(text);
  return match ? Number(match[1]) : 0;
}
