import { describe, expect, it } from 'vitest';
import type { BrochureDocument } from '../../document/blocks.js';
import { languageRules, pageFooterRules } from './styles.js';

describe('languageRules: what each language profile asks of the browser', () => {
  it('gives the HTML the marks the PDF prints for the edition\'s language', () => {
    expect(languageRules('ja', ['ja'])).toContain('.list-bullet li::before{content:"・" / ""}');
    expect(languageRules('ja', ['ja'])).toContain('.list-note li::before{content:"※" / ""}');
    expect(languageRules('en', ['en'])).toContain('.list-bullet li::before{content:"•" / ""}');
    expect(languageRules('th', ['th'])).toContain('.list-note li::before{content:"*" / ""}');
    // The second side of a bilingual pair carries its own language's mark (• in Korean), as in the PDF.
    expect(languageRules('ja', ['ja', 'ko'])).toContain('.list-bullet li.pair>.t-sec[lang="ko"]{--pair-mark:"•"}');
    expect(languageRules('ja', ['ja'])).not.toContain('--pair-mark');
    // A note paragraph prints as the data writes it, in the HTML as in the PDF: no mark is added to it.
    expect(languageRules('ja', ['ja'])).not.toMatch(/(^|\})\.note[^{]*::before/u);
  });

  it('sets line breaking per language: keep-all for Korean, strict kinsoku and autospace for Japanese, hyphens for English', () => {
    const css = languageRules('ja', ['ja', 'ko', 'en', 'th']);
    expect(css).toContain(':where([lang="ko"]){word-break:keep-all;line-break:strict;');
    expect(css).toContain(':where([lang="ja"]){word-break:normal;line-break:strict;hyphens:manual;text-autospace:normal}');
    expect(css).toContain(':where([lang="en"]){word-break:normal;line-break:auto;hyphens:auto;');
    expect(css).toContain(':where([lang="th"]){word-break:normal;line-break:auto;');
  });
});

describe('pageFooterRules: the running footer of the printed HTML', () => {
  const doc = (secondary: boolean) => ({
    edition: { primary: 'ja' },
    cover: { title: { primary: [{ text: 'クレアソウル 2026', lang: 'ja' }], ...(secondary ? { secondary: [{ text: '클레어 서울 2026', lang: 'ko' }] } : {}) } },
    labels: { page: { primary: [{ text: '{n}', lang: 'ja' }] } },
  }) as unknown as BrochureDocument;

  it('names the brochure in both languages of a bilingual edition, as the PDF footer does', () => {
    expect(pageFooterRules(doc(true)).css).toContain('@bottom-left{content:"クレアソウル 2026／클레어 서울 2026"}');
    expect(pageFooterRules(doc(false)).css).toContain('@bottom-left{content:"クレアソウル 2026"}');
    expect(pageFooterRules(doc(true)).css).toContain('@bottom-right{content:counter(page)}');
  });
});
