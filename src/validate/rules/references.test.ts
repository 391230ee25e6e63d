// Nothing points at nothing: a note without its mark, a heading without content, a sentence without its years.
import { afterAll, describe, expect, it } from 'vitest';
import { replaceOnce, removeVariants, validateVariant } from '../__fixtures__/variants.js';

afterAll(removeVariants);

const codes = ['note-without-subject', 'heading-without-content', 'sentence-without-year'];
const referenceProblems = async (...args: Parameters<typeof validateVariant>) =>
  (await validateVariant(...args)).diagnostics.filter((d) => codes.includes(d.code));

describe('references that refer to nothing', () => {
  it('warns about "※は都道府県が提携" when no partnership carries the ※', async () => {
    const note = 'prefectureMarkNote: {ja: ※は都道府県が提携, ko: ※는 도도부현 결연}\n';
    const problems = await referenceProblems({ 'sister-cities.yaml': replaceOnce('definition:\n', `${note}definition:\n`) });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'warning', code: 'note-without-subject', pointer: '/prefectureMarkNote', line: 5 });
    expect(problems[0]!.message.ja).toContain('※');

    const withList = await referenceProblems({
      'sister-cities.yaml': replaceOnce('  asOf: 2026-03-05\n', `  asOf: 2026-03-05\n  list:\n    - {japan: {prefecture: 神奈川県}, partner: {ja: 京畿道, ko: 경기도}, prefectureLevel: true}\n${note}`),
    });
    expect(withList).toEqual([]);
  });

  it('warns about a publication heading with nothing under it, and makes it an error with --strict', async () => {
    const edit = { 'outreach.yaml': replaceOnce('publications:\n', 'publications:\n  - title: {ja: 機関紙「自治体国際化フォーラム」, ko: 기관지 “자치체 국제화 포럼”}\n') };
    const problems = await referenceProblems(edit);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'heading-without-content', pointer: '/publications/0/title', line: 10 });
    const strict = await referenceProblems(edit, { strict: true });
    expect(strict[0]).toMatchObject({ severity: 'error' });
  });

  it('warns when a survey sentence does not name a fiscal year the survey is counted in', async () => {
    const sentence = '      description: {ja: 2020年度、2021年度及び2025年度に意識調査を実施, ko: "2020년도, 2021년도, 2023년도 및 2025년도에 의식 조사를 실시"}\n';
    const problems = await referenceProblems({ 'support.yaml': replaceOnce('      fiscalYears: [2020, 2021, 2023, 2025]\n', `      fiscalYears: [2020, 2021, 2023, 2025]\n${sentence}`) });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'sentence-without-year', pointer: '/surveys/surveys/0/description/ja' });
    expect(problems[0]!.message.en).toContain('2023');
  });

  it('finds nothing in the shipped fixture', async () => {
    expect(await referenceProblems({})).toEqual([]);
  });
});
