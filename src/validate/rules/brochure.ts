// brochure.yaml can only list sections whose data exists, each once, and a section's fiscal years run forwards;
// each edition is listed once (twice, it would be built twice into the same file).
import type { DataKey, SectionId } from '../../schema/index.js';
import type { Segment } from '../paths.js';
import type { Rule } from './rule.js';

/**
 * The data file each section is built from; null for sections computed from the others. A Record, so adding a
 * section id to the schema without saying where its data comes from does not compile.
 */
export const SECTION_DATA: Record<SectionId, DataKey | null> = {
  profile: 'office',
  events: 'events',
  festival: 'festival',
  'influencer-visits': 'influencerVisits',
  'cooking-classes': 'cookingClasses',
  'sns-channel': 'snsChannel',
  lectures: 'lectures',
  jet: 'jet',
  seminars: 'seminars',
  'sister-cities': 'sisterCities',
  'support-cases': 'support',
  'research-requests': 'support',
  surveys: 'support',
  partners: 'partners',
  outreach: 'outreach',
  'at-a-glance': null,
  contact: 'office',
};

export const brochureSections: Rule = {
  id: 'brochure-sections',
  check({ data, present, validators, report }) {
    const brochure = data.brochure;
    if (!brochure) return;
    const editions = new Map<string, number>();
    brochure.editions.forEach((languages, e) => {
      const id = languages.join('-');
      const earlier = editions.get(id);
      if (earlier === undefined) {
        editions.set(id, e);
        return;
      }
      report({
        file: 'brochure', at: ['editions', e], code: 'duplicate-edition',
        message: { en: `the edition "${id}" is listed twice (first at editions[${earlier}])`, ja: `版「${id}」が2回あります（最初は editions[${earlier}]）` },
        found: `[${languages.join(', ')}]`,
        expected: { en: 'each edition once', ja: '各版は1回だけ' },
      });
    });
    const firstSeen = new Map<string, string>();
    brochure.parts.forEach((part, p) => {
      part.sections.forEach((section, s) => {
        const at: Segment[] = ['parts', p, 'sections', s];
        const needs = SECTION_DATA[section.id];
        const entry = validators.dataFiles.find((e) => e.key === needs);
        // A missing required file (office.yaml) is reported as such already.
        if (needs && !present.has(needs) && !entry?.required) {
          const file = entry?.file ?? needs;
          report({
            file: 'brochure', at: [...at, 'id'], code: 'section-without-data',
            message: {
              en: `the section "${section.id}" needs ${file}, which is not in the office folder`,
              ja: `セクション「${section.id}」には ${file} が必要ですが、事務所のフォルダにありません`,
            },
            found: section.id,
            expected: { en: `${file} next to brochure.yaml, or no "${section.id}" section`, ja: `brochure.yaml と同じフォルダの ${file}（または「${section.id}」を外す）` },
          });
        }
        const label = `parts[${p}].sections[${s}]`;
        const earlier = firstSeen.get(section.id);
        if (earlier) {
          report({
            file: 'brochure', at: [...at, 'id'], code: 'duplicate-section',
            message: {
              en: `the section "${section.id}" is listed twice (first at ${earlier})`,
              ja: `セクション「${section.id}」が2回あります（最初は ${earlier}）`,
            },
            found: section.id,
            expected: { en: 'each section once', ja: '各セクションは1回だけ' },
          });
        } else {
          firstSeen.set(section.id, label);
        }
        const years = section.fiscalYears;
        if (years?.from !== undefined && years.to !== undefined && years.from > years.to) {
          report({
            file: 'brochure', at: [...at, 'fiscalYears', 'to'], code: 'range-order',
            message: {
              en: `fiscalYears runs backwards: from ${years.from} to ${years.to}`,
              ja: `fiscalYears の範囲が逆です（from ${years.from}、to ${years.to}）`,
            },
            found: String(years.to),
            expected: { en: `${years.from} or later`, ja: `${years.from} 以降` },
          });
        }
      });
    });
  },
};
