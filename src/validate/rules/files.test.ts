import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateOffices } from '../index.js';
import { solidPng } from '../../build/__fixtures__/offices.js';
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
      'partners.yaml': replaceOnce('activity: {ja: 光州AIクラスター視察, ko: 광주 AI 클러스터 시찰}', 'activity: {ja: 視察, ko: 시찰}\n            photo: {file: photos/gwangju.jpg, caption: {ja: 視察, ko: 시찰}}'),
      'events.yaml': (text) => `${text}photos:\n  - {file: photos/fair.png, caption: {ja: 出展, ko: 출전}}\n  - {file: ../../secret.jpg, caption: {ja: 外, ko: 외}}\n`,
    });
    mkdirSync(join(dir, 'photos'));
    writeFileSync(join(dir, 'photos', 'fair.png'), solidPng(1200, 900, [10, 20, 30]));
    const { diagnostics } = await validateOffices(world);
    expect(diagnostics.map((d) => [d.file, d.code, d.found])).toEqual([
      ['seoul/events.yaml', 'photo-outside-office', '../../secret.jpg'],
      ['seoul/partners.yaml', 'missing-photo', 'photos/gwangju.jpg'],
    ]);
    expect(diagnostics[1]!.expected?.en).toBe('a file at seoul/photos/gwangju.jpg');
  });

  it('checks the cover photo too, against the page width it is printed at', async () => {
    const { world, dir } = officeVariant({ 'brochure.yaml': (text) => `${text}cover:\n  photo: {file: photos/cover.png}\n` });
    mkdirSync(join(dir, 'photos'));
    // Read as if EXIF might stand it upright (the header check does not read EXIF), 1500 pixels across 595 pt
    // print at 181 ppi: sharp in a 240 pt column (450 ppi), soft across the page.
    writeFileSync(join(dir, 'photos', 'cover.png'), solidPng(2000, 1500, [10, 20, 30]));
    const { diagnostics } = await validateOffices(world);
    expect(diagnostics.map((d) => [d.file, d.code, d.severity, d.found])).toEqual([['seoul/brochure.yaml', 'photo-low-resolution', 'warning', '2000×1500']]);
    expect(diagnostics[0]!.message.en).toMatch(/would print at 181 ppi/);
    expect(diagnostics[0]!.expected?.en).toBe('at least 1654 pixels across the 4:3 frame');
    const missing = officeVariant({ 'brochure.yaml': (text) => `${text}cover:\n  photo: {file: photos/none.jpg}\n` });
    expect((await validateOffices(missing.world)).diagnostics.map((d) => d.code)).toEqual(['missing-photo']);
  });

  it('lists a photo entry without a file as a note at its line, in English and Japanese, which --strict leaves a note', async () => {
    const edit = { 'events.yaml': (text: string) => `${text}photos:\n  - {file: photos/fair.png, caption: {ja: 出展, ko: 출전}}\n  - caption: {ja: 交流会の様子, ko: 교류회 모습}\n` };
    const { world, dir } = officeVariant(edit);
    mkdirSync(join(dir, 'photos'));
    writeFileSync(join(dir, 'photos', 'fair.png'), solidPng(1200, 900, [10, 20, 30]));
    for (const strict of [false, true]) {
      const { diagnostics } = await validateOffices(world, { strict });
      expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['photo-without-file', 'note']]);
      const text = readFileSync(join(dir, 'events.yaml'), 'utf8').split('\n');
      expect(text[diagnostics[0]!.line - 1]).toContain('caption: {ja: 交流会の様子');
      expect(diagnostics[0]!.message).toEqual({
        en: 'the photo "交流会の様子" has no file, so nothing is printed for it',
        ja: '写真「交流会の様子」にはファイルがないため、何も印刷されません',
      });
    }
  });

  it('holds photos clair can decode, sharp enough to print: HEIC and non-images are errors, < 200 ppi a warning', async () => {
    const { world, dir } = officeVariant({
      'events.yaml': (text) => `${text}photos:\n  - {file: photos/phone.HEIC, caption: {ja: 出展, ko: 출전}}\n  - {file: photos/notes.jpg, caption: {ja: 出展, ko: 출전}}\n  - {file: photos/thumb.png, caption: {ja: 出展, ko: 출전}}\n  - {file: photos/sharp.PNG, caption: {ja: 出展, ko: 출전}}\n`,
    });
    mkdirSync(join(dir, 'photos'));
    const heic = Buffer.alloc(32);
    heic.write('ftypheic', 4, 'latin1');
    writeFileSync(join(dir, 'photos', 'phone.HEIC'), heic);
    writeFileSync(join(dir, 'photos', 'notes.jpg'), 'meeting notes, not a photo');
    writeFileSync(join(dir, 'photos', 'thumb.png'), solidPng(320, 240, [10, 20, 30]));
    writeFileSync(join(dir, 'photos', 'sharp.PNG'), solidPng(1200, 900, [10, 20, 30]));
    const { diagnostics } = await validateOffices(world);
    expect(diagnostics.map((d) => [d.code, d.severity, d.found])).toEqual([
      ['photo-not-image', 'error', 'photos/phone.HEIC'],
      ['photo-not-image', 'error', 'photos/notes.jpg'],
      ['photo-low-resolution', 'warning', '320×240'],
    ]);
    expect(diagnostics[0]!.message.en).toContain('save it as JPEG');
    // Each is located at its file: line in events.yaml.
    expect(new Set(diagnostics.map((d) => d.file))).toEqual(new Set(['seoul/events.yaml']));
    expect(diagnostics.every((d) => d.line > 0 && d.column > 0)).toBe(true);
    expect(diagnostics[2]!.message.en).toMatch(/would print at 72 ppi/);
  });
});
