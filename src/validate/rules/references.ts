// Nothing points at nothing: a note, heading or reference is printed only together with what it refers to, so data
// that has the one without the other would lose it silently. These warnings say so where the data is written.
// - "※は都道府県が提携" (prefectureMarkNote) explains a ※ in the list of partnerships: without a marked entry it
//   explains nothing;
// - a publication heading (機関紙「自治体国際化フォーラム」) needs something under it: its address, a description,
//   topics or a revision date;
// - a survey's printed sentence must name the fiscal years the survey is counted in, or the figures and the sentence
//   disagree.
import type { Rule } from './rule.js';

export const danglingReferences: Rule = {
  id: 'dangling-references',
  check({ data, report }) {
    const sister = data.sisterCities;
    if (sister?.prefectureMarkNote && !(sister.partnerships.list ?? []).some((entry) => entry.prefectureLevel)) {
      report({
        file: 'sisterCities', at: ['prefectureMarkNote'], code: 'note-without-subject', severity: 'warning',
        message: {
          en: 'this note explains a ※ mark, but no partnership in partnerships.list carries one (prefectureLevel: true); it is not printed',
          ja: 'この注記は※印を説明していますが、partnerships.list に※の付く提携（prefectureLevel: true）がありません。印刷されません',
        },
        expected: { en: 'partnerships.list with the marked partnerships, or no note', ja: '※の付く提携を含む partnerships.list、または注記なし' },
      });
    }

    (data.outreach?.publications ?? []).forEach((publication, index) => {
      const hasContent = publication.url || publication.revised || publication.description || (publication.topics?.length ?? 0) > 0;
      if (hasContent) return;
      report({
        file: 'outreach', at: ['publications', index, 'title'], code: 'heading-without-content', severity: 'warning',
        message: {
          en: 'a publication with only a title: a heading with nothing under it is not printed; give its url (and a QR code is drawn), a description or topics',
          ja: 'タイトルだけの刊行物です。下に何もない見出しは印刷されません。url（QR コードも付きます）、description または topics を書いてください',
        },
        expected: { en: 'url, description, topics or revised', ja: 'url、description、topics または revised' },
      });
    });

    (data.support?.surveys?.surveys ?? []).forEach((survey, index) => {
      const description = survey.description;
      if (description === undefined) return;
      const texts = typeof description === 'string' ? { '': description } : description;
      for (const [lang, text] of Object.entries(texts)) {
        if (text === undefined) continue;
        const missing = survey.fiscalYears.filter((year) => !text.includes(String(year)));
        if (missing.length === 0) continue;
        report({
          file: 'support', at: ['surveys', 'surveys', index, 'description', ...(lang ? [lang] : [])], code: 'sentence-without-year',
          severity: 'warning',
          message: {
            en: `the sentence does not name fiscal year ${missing.join(', ')}, which fiscalYears lists`,
            ja: `文に fiscalYears にある ${missing.map((y) => `${y}年度`).join('、')} が書かれていません`,
          },
          found: text,
          expected: { en: `a sentence naming ${survey.fiscalYears.join(', ')}`, ja: `${survey.fiscalYears.join('、')} を含む文` },
        });
      }
    });
  },
};
