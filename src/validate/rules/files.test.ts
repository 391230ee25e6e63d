import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateOffices } from '../index.js';
import { officeVariant, replaceOnce, removeVariants, validateVariant } from '../__fixtures__/variants.js';

afterAll(removeVariants);

describe('the office folder', () => {
  it('is named after the office id', async () => {
    const { diagnostics } = await validateVariant({ 'office.yaml': replaceOnce(/^id: seoul$/m, 'id: busan') });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'office-id', line: 2, column: 5, message: { en: 'the office id "busan" differs from its folder name "seoul"' } });
  });

  it('holds every photo a data file names', async () => {
    const { world, dir } = officeVariant({
      'partners.yaml': replaceOnce('activity: {ja: 光州 AI クラスター視察, ko: 광주 AI 클러스터 시찰}', 'activity: {ja: 視察, ko: 시찰}\n            photo: {file: photos/gwangju.jpg, caption: {ja: 視察, ko: 시찰}}'),
      'events.yaml': (text) => `${text}photos:\n  - {file: photos/fair.png, caption: {ja: 出展, ko: 출전}}\n  - {file: ../../secret.jpg, caption: {ja: 外, ko: 외}}\n`,
    });
    mkdirSync(join(dir, 'photos'));
    // A photo is read up to its first bytes: it must look like a PNG or JPEG (photoProblem in files.ts).
    writeFileSync(join(dir, 'photos', 'fair.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const { diagnostics } = await validateOffices(world);
    expect(diagnostics.map((d) => [d.file, d.code, d.found])).toEqual([
      ['seoul/events.yaml', 'photo-outside-office', '../../secret.jpg'],
      ['seoul/partners.yaml', 'missing-photo', 'photos/gwangju.jpg'],
    ]);
    expect(diagnostics[1]!.expected?.en).toBe('a file at seoul/photos/gwangju.jpg');
  });
});
