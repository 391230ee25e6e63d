// `clair new edition [YEAR]`: rolls brochure.yaml forward to next year's brochure — the edition, the year in the
// title, the publication date (marked to be confirmed) and the fiscal years each section shows — keeping the
// file's comments and every earlier year's data, then lists section by section what the new fiscal year still
// lacks. Edits go through the yaml package's document model, so nothing but those values changes in the file.
import { renameSync, writeFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import type { Localized } from '../diagnostics.js';
import { UsageError } from '../i18n/ui.js';
import type { OfficeData, SectionId } from '../schema/index.js';
import { SECTION_DATA } from '../validate/rules/brochure.js';
import type { World } from '../world.js';

export interface SectionStatus {
  section: SectionId;
  /** The data file it is built from, or undefined for a section computed from the others. */
  file?: string;
  /** The latest fiscal year the data has for it, if it has yearly data at all. */
  latest?: number;
  /** Whether the new fiscal year has data. */
  ready: boolean;
  note: Localized;
}

export interface NewEditionResult {
  file: string;
  from: number;
  to: number;
  /** The fiscal year the new brochure reports on. */
  fiscalYear: number;
  changes: Localized[];
  sections: SectionStatus[];
}

/** Where a section's data lies inside its file (support.yaml holds three sections). */
const SECTION_PATH: Partial<Record<SectionId, string>> = {
  'support-cases': 'cases',
  'research-requests': 'researchRequests',
  surveys: 'surveys',
};

/** The fiscal year a date falls in: April to March, named by the year it starts. */
const fiscalYearOf = (date: string) => {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m >= 4 ? y : y - 1;
};

/** Every fiscal year a piece of data is about: `fiscalYear` keys, and dates (YYYY-MM-DD) by their fiscal year. */
export function fiscalYearsIn(value: unknown, found = new Set<number>()): Set<number> {
  if (Array.isArray(value)) for (const item of value) fiscalYearsIn(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'fiscalYear' && typeof child === 'number') found.add(child);
      else fiscalYearsIn(child, found);
    }
  } else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) found.add(fiscalYearOf(value));
  return found;
}

/** What each section of the brochure has for the fiscal year it reports on. */
export function sectionStatus(data: OfficeData, fiscalYear: number): SectionStatus[] {
  const files: Record<string, string> = {
    office: 'office.yaml', events: 'events.yaml', festival: 'festival.yaml', influencerVisits: 'influencer-visits.yaml',
    cookingClasses: 'cooking-classes.yaml', snsChannel: 'sns-channel.yaml', lectures: 'lectures.yaml', jet: 'jet.yaml',
    seminars: 'seminars.yaml', sisterCities: 'sister-cities.yaml', support: 'support.yaml', partners: 'partners.yaml',
    outreach: 'outreach.yaml',
  };
  const statuses: SectionStatus[] = [];
  for (const part of data.brochure.parts) {
    for (const ref of part.sections) {
      const key = SECTION_DATA[ref.id];
      if (!key) {
        statuses.push({ section: ref.id, ready: true, note: { en: 'computed from the other sections’ figures', ja: 'ほかのセクションの数値から作成' } });
        continue;
      }
      const file = files[key]!;
      const whole = (data as unknown as Record<string, unknown>)[key];
      const inner = SECTION_PATH[ref.id];
      const value = inner && whole && typeof whole === 'object' ? (whole as Record<string, unknown>)[inner] : whole;
      const years = [...fiscalYearsIn(value)].filter((y) => y <= fiscalYear + 1).sort((a, b) => a - b);
      if (years.length === 0) {
        statuses.push({ section: ref.id, file, ready: true, note: { en: 'no yearly figures: check its text is still current', ja: '年度ごとの数値はありません（内容が最新か確認してください）' } });
        continue;
      }
      const latest = years[years.length - 1]!;
      const ready = years.includes(fiscalYear);
      statuses.push({
        section: ref.id, file, latest, ready,
        note: ready
          ? { en: `has fiscal year ${fiscalYear}`, ja: `${fiscalYear}年度のデータがあります` }
          : { en: `nothing for fiscal year ${fiscalYear} yet (latest: ${latest})`, ja: `${fiscalYear}年度のデータがまだありません（最新: ${latest}年度）` },
      });
    }
  }
  return statuses;
}

/** The brochure's latest fiscal year with data, up to the one before its edition year (the Seoul 2026 brochure reports on 2025). */
function reportedFiscalYear(data: OfficeData): number {
  const edition = data.brochure.edition;
  const years = [...fiscalYearsIn({ ...data, brochure: undefined, office: undefined })].filter((y) => y < edition);
  return years.length > 0 ? Math.max(...years) : edition - 1;
}

function replaceYear(text: string, from: number, to: number): string {
  return text.replace(new RegExp(`(?<!\\d)${from}(?!\\d)`, 'g'), String(to));
}

export function newEdition(world: World, data: OfficeData, sourcePath: string, year?: number): NewEditionResult {
  const from = data.brochure.edition;
  const to = year ?? from + 1;
  if (to <= from) {
    throw new UsageError({
      en: `the new edition must come after ${from} (brochure.yaml: edition), not ${to}`,
      ja: `新しい版は ${from} 年版（brochure.yaml の edition）より後の年です（${to} が指定されました）`,
    });
  }
  const shift = to - from;
  const doc: Document = parseDocument(world.readText(sourcePath), { keepSourceTokens: false });
  const changes: Localized[] = [];

  doc.set('edition', to);
  changes.push({ en: `edition: ${from} → ${to}`, ja: `edition: ${from} → ${to}` });

  const title = doc.get('title', true);
  if (isScalar(title) && typeof title.value === 'string') {
    const next = replaceYear(title.value, from, to);
    if (next !== title.value) {
      title.value = next;
      changes.push({ en: `title: ${next}`, ja: `title: ${next}` });
    }
  } else if (isMap(title)) {
    for (const pair of title.items) {
      if (isScalar(pair.value) && typeof pair.value.value === 'string') {
        const next = replaceYear(pair.value.value, from, to);
        if (next !== pair.value.value) {
          pair.value.value = next;
          changes.push({ en: `title (${String(isScalar(pair.key) ? pair.key.value : pair.key)}): ${next}`, ja: `title（${String(isScalar(pair.key) ? pair.key.value : pair.key)}）: ${next}` });
        }
      }
    }
  }

  // The publication date is not known yet: a year later, marked to be confirmed (a comment on the value).
  const published = doc.get('published', true);
  if (isScalar(published) && typeof published.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(published.value)) {
    const [y, rest] = [Number(published.value.slice(0, 4)), published.value.slice(4)];
    const next = `${y + shift}${rest === '-02-29' ? '-02-28' : rest}`;
    published.value = next;
    published.comment = ` TODO: confirm the publication date (rolled forward from ${y}${rest})`;
    changes.push({ en: `published: ${next} (to be confirmed)`, ja: `published: ${next}（要確認）` });
  }

  // Sections limited to some fiscal years show as many years as before, ending a year (or more) later.
  const parts = doc.get('parts', true);
  if (isSeq(parts)) {
    for (const part of parts.items) {
      const sections = isMap(part) ? part.get('sections', true) : undefined;
      if (!isSeq(sections)) continue;
      for (const section of sections.items) {
        if (!isMap(section)) continue;
        const years = section.get('fiscalYears', true);
        if (!isMap(years)) continue;
        for (const bound of ['from', 'to']) {
          const node = years.get(bound, true);
          if (isScalar(node) && typeof node.value === 'number') {
            const before = node.value;
            node.value = before + shift;
            changes.push({ en: `${String(section.get('id'))}: fiscalYears.${bound} ${before} → ${before + shift}`, ja: `${String(section.get('id'))}: fiscalYears.${bound} ${before} → ${before + shift}` });
          }
        }
      }
    }
  }

  const fiscalYear = reportedFiscalYear(data) + shift;
  // Written beside, then renamed over: a failure leaves the old brochure.yaml whole.
  writeFileSync(`${sourcePath}.clair-tmp`, doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
  renameSync(`${sourcePath}.clair-tmp`, sourcePath);
  return { file: sourcePath, from, to, fiscalYear, changes, sections: sectionStatus(data, fiscalYear) };
}
