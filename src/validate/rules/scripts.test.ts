import { afterAll, describe, expect, it } from 'vitest';
import { replaceOnce, removeVariants, validateVariant } from '../__fixtures__/variants.js';
import { foreignScript } from './scripts.js';

afterAll(removeVariants);

const withEnglish = {
  'office.yaml': replaceOnce('languages: [ja, ko]', 'languages: [ja, ko, en]'),
  'brochure.yaml': replaceOnce('editions: [[ja], [ko], [ja, ko]]', 'editions: [[ja]]'),
};

describe('each language\'s text in its own script', () => {
  it('finds Hangul or kana in English, kana in Korean, and leaves Japanese alone', () => {
    expect(foreignScript('Hanbok 한복 workshop', 'en')?.run).toBe('한복');
    expect(foreignScript('Takoyaki たこ焼き', 'en')?.run).toBe('たこ');
    expect(foreignScript('오사카 たこ焼き', 'ko')?.run).toBe('たこ');
    expect(foreignScript('한자 漢字', 'ko')).toBeUndefined();
    expect(foreignScript('ソウル 가나다順', 'ja')).toBeUndefined();
    expect(foreignScript('Oyama City, Tochigi', 'en')).toBeUndefined();
  });

  it('warns about kana in a Korean field, in English and Japanese, and --strict makes it an error', async () => {
    const edit = { 'events.yaml': replaceOnce('location: {ja: 京畿道, ko: 경기도}', 'location: {ja: 京畿道, ko: けいきどう}') };
    const { diagnostics } = await validateVariant(edit);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      severity: 'warning', code: 'wrong-script', pointer: '/events/0/location/ko', found: 'けいきどう',
      message: {
        en: 'the Korean text (ko) contains kana "けいきどう"; if it was pasted into the wrong field, move it; if it is meant (a proper name), list "けいきどう" in office.yaml scriptExceptions',
        ja: '韓国語（ko）のテキストに仮名「けいきどう」があります。別の欄に貼り付けたものなら移し、意図したもの（固有名詞など）なら office.yaml の scriptExceptions に「けいきどう」を加えてください',
      },
    });
    const strict = await validateVariant(edit, { strict: true });
    expect(strict.diagnostics[0]).toMatchObject({ severity: 'error', code: 'wrong-script' });
  });

  it('takes a proper name listed in scriptExceptions as meant', async () => {
    const text = 'location: {ja: 京畿道, ko: 경기도, en: Gyeonggi (경기도)}';
    const warned = await validateVariant({ ...withEnglish, 'events.yaml': replaceOnce('location: {ja: 京畿道, ko: 경기도}', text) });
    expect(warned.diagnostics.filter((d) => d.code === 'wrong-script').map((d) => d.found)).toEqual(['경기도']);
    const kept = await validateVariant({
      'office.yaml': (office) => withEnglish['office.yaml'](office).replace('languages: [ja, ko, en]', 'languages: [ja, ko, en]\nscriptExceptions: [경기도]'),
      'brochure.yaml': withEnglish['brochure.yaml'],
      'events.yaml': replaceOnce('location: {ja: 京畿道, ko: 경기도}', text),
    });
    expect(kept.diagnostics.filter((d) => d.code === 'wrong-script')).toEqual([]);
  });
});
