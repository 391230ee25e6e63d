// The cover's year and the edition agree: a title that names a year names the edition's. After changing
// `edition` to 2027 by hand, a cover still saying 2026 is an error, not something the printer finds.
import type { Rule } from './rule.js';

const YEARS = /(?<!\d)(?:19|20|21)\d{2}(?!\d)/g;

export const titleYear: Rule = {
  id: 'title-year',
  check({ data, report }) {
    const brochure = data.brochure;
    if (!brochure) return;
    const edition = brochure.edition;
    const title: unknown = brochure.title;
    const texts: [string[], string][] = typeof title === 'string'
      ? [[[], title]]
      : Object.entries(title as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === 'string').map(([lang, text]) => [[lang], text]);
    for (const [at, text] of texts) {
      const years: string[] = [...(text.match(YEARS) ?? [])];
      if (years.length === 0 || years.includes(String(edition))) continue;
      report({
        file: 'brochure', at: ['title', ...at], code: 'title-year',
        message: {
          en: `the title says ${years.join(', ')} but this is the ${edition} edition (brochure.yaml: edition)`,
          ja: `題名の年（${years.join('、')}）が版の年 ${edition}（brochure.yaml の edition）と違います`,
        },
        found: text,
        expected: { en: `the year ${edition} in the title, or edition: ${years[0]}`, ja: `題名に ${edition}、または edition: ${years[0]}` },
      });
    }
  },
};
