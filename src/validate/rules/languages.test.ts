import { afterAll, describe, expect, it } from 'vitest';
import { replaceOnce, removeVariants, validateVariant } from '../__fixtures__/variants.js';

afterAll(removeVariants);

describe('every text in every language of the office', () => {
  it('warns about a text without one of the office\'s languages', async () => {
    const { diagnostics } = await validateVariant({ 'events.yaml': replaceOnce('location: {ja: 京畿道, ko: 경기도}', 'location: {ja: 京畿道}') });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      severity: 'warning', code: 'missing-language', pointer: '/events/0/location', line: 10, column: 15, found: 'ja',
      message: { en: 'no ko text here; the office publishes in ja, ko', ja: 'ko のテキストがありません（事務所の言語: ja, ko）' },
    });
  });

  it('makes it an error with --strict', async () => {
    const { diagnostics } = await validateVariant({ 'events.yaml': replaceOnce('location: {ja: 京畿道, ko: 경기도}', 'location: {ja: 京畿道}') }, { strict: true });
    expect(diagnostics[0]).toMatchObject({ severity: 'error', code: 'missing-language' });
  });

  it('accepts a plain string as language-neutral, and a reading in some languages only', async () => {
    const { diagnostics } = await validateVariant({ 'events.yaml': replaceOnce('location: {ja: 京畿道, ko: 경기도}', 'location: Gyeonggi') });
    expect(diagnostics).toEqual([]);
    // seminars.yaml has `reading: {ja: ユク・ドンイル}` and sns-channel.yaml `channelReading: {ja: トランドラン}`.
  });

  it('follows the languages the office declares, whatever they are', async () => {
    const { diagnostics } = await validateVariant({
      'office.yaml': replaceOnce('languages: [ja, ko]', 'languages: [ja, ko, en]'),
      'brochure.yaml': replaceOnce('editions: [[ja], [ko], [ja, ko]]', 'editions: [[ja]]'),
    });
    expect(diagnostics.length).toBeGreaterThan(50);
    expect(new Set(diagnostics.map((d) => d.message.en))).toEqual(new Set(['no en text here; the office publishes in ja, ko, en']));
  });

  it('reports an edition in a language the office does not declare', async () => {
    const { diagnostics } = await validateVariant({ 'brochure.yaml': replaceOnce('editions: [[ja], [ko], [ja, ko]]', 'editions: [[ja], [fr]]') });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'edition-language', pointer: '/editions/1/0', found: 'fr' });
  });
});
