// Builds the view model of one edition from an office's validated data: parts and sections in the brochure's
// order, each section worded in the edition's languages by its builder in src/sections/.
import type { Brochure, LanguageTag, OfficeData } from '../schema/index.js';
import { sectionDefinition } from '../sections/index.js';
import { computeMetrics, type MetricSeries } from '../metrics/compute.js';
import { loadMetricLabels, type MetricLabels } from '../metrics/labels.js';
import type { World } from '../world.js';
import type { BrochureDocument, Edition, PartView, SectionView } from './blocks.js';
import { EditionText, loadLabels, plain, textIn, type LabelTree } from './text.js';
import { photoPath } from '../sections/kit.js';

/** Web sites and social accounts of the office (each gets a QR code), and the organisation's overseas offices. */
function backCoverOf(data: OfficeData, t: EditionText): BrochureDocument['backCover'] {
  const { contact, organisation, id } = data.office;
  const links = [
    ...(contact.websites ?? []).map((w) => ({ label: t.text(w.label), url: w.url })),
    ...(contact.social ?? []).filter((s) => s.url).map((s) => ({
      label: t.each((lang) => `${t.raw(`platforms.${s.platform}`, lang)}${s.handle ? ` ${s.handle}` : ''}`),
      url: s.url!,
    })),
  ];
  return {
    linksTitle: t.label('backCover.links'),
    links,
    officesTitle: t.label('backCover.offices', { count: () => String(organisation.overseasOffices?.length ?? 0) }),
    offices: (organisation.overseasOffices ?? []).map((o) => ({ ...t.text(o.name), ...(o.id === id ? { current: true } : {}) })),
  };
}

const PART_NUMERALS = ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ', 'Ⅵ', 'Ⅶ', 'Ⅷ', 'Ⅸ', 'Ⅹ'];
const SECTION_NUMBERS = ['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨', '⑩', '⑪', '⑫', '⑬', '⑭', '⑮', '⑯', '⑰', '⑱', '⑲', '⑳'];

/** The editions the brochure declares: [ja], [ko], [ja, ko] → ids ja, ko, ja-ko. */
export function editionsOf(brochure: Brochure): Edition[] {
  return brochure.editions.map((languages) => {
    const [primary, secondary] = languages as [LanguageTag, LanguageTag | undefined];
    return { id: languages.join('-'), languages: [...languages], primary, ...(secondary ? { secondary } : {}) };
  });
}

export interface BuildInput {
  world: World;
  officeId: string;
  officeDir: string;
  data: OfficeData;
  /** Labels for every language of every edition, loaded once per build. */
  labels?: Record<string, LabelTree>;
  /** Metrics and their wording, computed once per build and shared by the editions. */
  metrics?: { series: MetricSeries[]; labels: MetricLabels };
}

export function buildDocument(input: BuildInput, edition: Edition): BrochureDocument {
  const { data, world } = input;
  const labels = input.labels ?? loadLabels(world, edition.languages);
  const t = new EditionText(edition, labels);
  const metrics = input.metrics ?? { series: computeMetrics(data), labels: loadMetricLabels(world) };
  const parts: PartView[] = [];
  let numeralIndex = 0;
  for (const part of data.brochure.parts) {
    const sections: SectionView[] = [];
    let sectionIndex = 0;
    for (const ref of part.sections) {
      const definition = sectionDefinition(ref.id);
      const content = definition.build({ world, data, t, officeDir: input.officeDir, years: ref.fiscalYears ?? {}, metrics });
      if (!content) continue;
      sections.push({
        id: ref.id,
        anchor: `section-${ref.id}`,
        ...(definition.numbered ? { number: SECTION_NUMBERS[sectionIndex++] ?? String(sectionIndex) } : {}),
        title: content.title,
        blocks: content.blocks,
      });
    }
    if (sections.length === 0) continue;
    parts.push({
      ...(part.title ? { numeral: PART_NUMERALS[numeralIndex++] ?? String(numeralIndex), title: t.text(part.title) } : {}),
      ...(part.newPage ? { newPage: true } : {}),
      sections,
    });
  }

  const title = t.text(data.brochure.title);
  const office = t.text(data.office.name);
  const organisation = t.text(data.office.organisation.name);
  return {
    officeId: input.officeId,
    edition,
    labels: {
      contents: t.label('contents'),
      page: t.label('page'),
      continued: t.label('continued'),
      languageName: t.label('languageName'),
      notes: t.label('notes'),
    },
    cover: {
      title, organisation, office,
      organisationJapanese: textIn(data.office.organisation.name, 'ja') ?? '',
      organisationEnglish: data.office.organisation.englishName,
      year: data.brochure.edition,
      yearInTitle: [title.primary, title.secondary ?? []].some((rich) => plain(rich).includes(String(data.brochure.edition))),
      ...(data.brochure.cover?.photo ? {
        photo: photoPath(world, input.officeDir, data.brochure.cover.photo.file),
        ...(data.brochure.cover.photo.focus ? { photoFocus: data.brochure.cover.photo.focus } : {}),
      } : {}),
    },
    backCover: backCoverOf(data, t),
    ...(data.brochure.booklet ? { booklet: true } : {}),
    parts,
    meta: {
      title: plain(title.primary),
      author: `${textIn(data.office.organisation.name, edition.primary) ?? ''} (${data.office.organisation.abbreviation})`,
      subject: plain(t.label('meta.subject', { office: (lang: LanguageTag) => textIn(data.office.name, lang) ?? '' }).primary),
      keywords: [data.office.organisation.abbreviation, plain(office.primary), String(data.brochure.edition)],
      language: edition.primary,
      created: world.buildDate(data.brochure.published),
    },
  };
}
