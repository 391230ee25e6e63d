import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../i18n/ui.js';
import { officeData } from '../load/office.js';
import { World } from '../world.js';
import { VALID_ROOT, officeVariant, replaceOnce, removeVariants, validateVariant } from './__fixtures__/variants.js';
import { hasErrors, hasIoFailures, validateOffices } from './index.js';

afterAll(removeVariants);

describe('validateOffices', () => {
  it('finds nothing wrong with the valid fixture, and hands over its data for building', async () => {
    const world = new World({ dataRoot: VALID_ROOT, cwd: VALID_ROOT });
    const result = await validateOffices(world);
    expect(result.diagnostics).toEqual([]);
    expect(result.files).toHaveLength(14);
    expect(result.offices.map((o) => o.id)).toEqual(['seoul']);
    const data = officeData(result.offices[0]!);
    expect(data.office.staff?.total).toBe(11);
    expect(data.festival?.editions[0]?.booths.exhibitors).toHaveLength(16);
  });

  it('validates every office of a data root, each against its own languages', async () => {
    const { root, world } = officeVariant();
    const busan = join(root, 'busan');
    mkdirSync(busan);
    copyFileSync(join(root, 'seoul', 'office.yaml'), join(busan, 'office.yaml'));
    const result = await validateOffices(world);
    expect(result.offices.map((o) => o.id)).toEqual(['busan', 'seoul']);
    expect(result.diagnostics.map((d) => [d.file, d.code])).toEqual([
      ['busan/brochure.yaml', 'missing-file'],
      ['busan/office.yaml', 'office-id'],
    ]);
    expect(hasErrors(result.diagnostics)).toBe(true);
    expect(result.offices[0]!.diagnostics).toHaveLength(2);
    expect(result.offices[1]!.diagnostics).toEqual([]);
  });

  it('warns about a data file lying in the data root outside any office', async () => {
    const { root, world } = officeVariant();
    copyFileSync(join(root, 'seoul', 'office.yaml'), join(root, 'office.yaml'));
    const result = await validateOffices(world);
    expect(result.offices.map((o) => o.id)).toEqual(['seoul']);
    expect(result.diagnostics).toEqual([expect.objectContaining({
      severity: 'warning', code: 'stray-file', file: 'office.yaml', line: 0,
      message: { en: 'office.yaml lies in the data root, outside any office folder, and is not read', ja: 'office.yaml はデータルートにあり、どの事務所のフォルダにも入っていないため読み込まれません' },
    })]);
  });

  it('validates one file, reading the rest of its office for context', async () => {
    const { world } = officeVariant({
      'events.yaml': replaceOnce('location: {ja: 京畿道, ko: 경기도}', 'location: {ja: 京畿道}'),
      'jet.yaml': replaceOnce('total: 47', 'total: 48'),
    });
    const result = await validateOffices(world, { paths: ['seoul/events.yaml'] });
    // The missing translation is found because office.yaml was read; jet.yaml's problem is not reported.
    expect(result.diagnostics.map((d) => [d.file, d.code])).toEqual([['seoul/events.yaml', 'missing-language']]);
    expect(result.files).toEqual(['seoul/events.yaml']);
  });

  it('takes an office folder as well as a data root', async () => {
    const { world } = officeVariant({ 'office.yaml': replaceOnce('total: 11', 'total: 10') });
    const result = await validateOffices(world, { paths: ['seoul'] });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['sum-mismatch']);
  });

  it('refuses a path that does not exist or is not YAML, as wrong usage', async () => {
    const { world } = officeVariant();
    await expect(validateOffices(world, { paths: ['nowhere'] })).rejects.toThrow(UsageError);
    await expect(validateOffices(world, { paths: ['nowhere'] })).rejects.toMatchObject({ localized: { en: 'no such file or folder: nowhere' } });
    await expect(validateOffices(new World({ dataRoot: '/nonexistent-data-root' }))).rejects.toMatchObject({
      localized: { en: 'the data folder /nonexistent-data-root does not exist (use --data <folder>)' },
    });
  });

  it('lists at most a hundred problems per file and says how many more there are', async () => {
    const many = Array.from({ length: 150 }, (_, i) => `extra${i}: ${i}`).join('\n');
    const { world } = officeVariant({ 'events.yaml': (text) => `${text}${many}\n` });
    const result = await validateOffices(world);
    expect(result.diagnostics).toHaveLength(101);
    expect(result.diagnostics.at(0)!.code).toBe('more-problems');
    expect(result.diagnostics.at(0)!.message.en).toBe('… and 50 more problems in this file (the first 100 are shown)');
  });
});

describe('the files of an office folder', () => {
  it('warns about a YAML file clair does not read, with the name probably meant', async () => {
    const { world } = officeVariant({ 'sistercities.yaml': 'title: x\n' });
    const { diagnostics } = await validateOffices(world);
    expect(diagnostics).toEqual([expect.objectContaining({
      severity: 'warning', code: 'unknown-file', file: 'seoul/sistercities.yaml', line: 0,
      message: { en: 'clair does not read sistercities.yaml; did you mean sister-cities.yaml?', ja: 'sistercities.yaml は clair のデータファイルではありません。sister-cities.yaml の間違いではありませんか？' },
    })]);
  });

  it('needs office.yaml and brochure.yaml', async () => {
    // Named on the command line, a folder of data files is an office; in a data root, one without office.yaml is not.
    const { world } = officeVariant({ 'office.yaml': null });
    const { diagnostics } = await validateOffices(world, { paths: ['seoul'] });
    expect(diagnostics.map((d) => [d.file, d.code, d.line])).toEqual([['seoul/office.yaml', 'missing-file', 0]]);
  });

  it('accepts .yml, but not the same file twice', async () => {
    const { world, dir } = officeVariant();
    copyFileSync(join(dir, 'jet.yaml'), join(dir, 'jet.yml'));
    const { diagnostics } = await validateOffices(world);
    expect(diagnostics.map((d) => [d.file, d.code])).toEqual([['seoul/jet.yml', 'duplicate-file']]);
  });

  it('reports a file it cannot read as an I/O failure', async () => {
    const { root } = officeVariant();
    class LockedWorld extends World {
      override readBytes(path: string): Uint8Array {
        if (path.endsWith('jet.yaml')) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
        return super.readBytes(path);
      }
    }
    const { diagnostics } = await validateOffices(new LockedWorld({ dataRoot: root, cwd: root }));
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'seoul/jet.yaml', code: 'unreadable', message: { en: 'cannot read the file (EACCES)', ja: 'ファイルを読めません（EACCES）' } })]);
    expect(hasIoFailures(diagnostics)).toBe(true);
  });
});

describe('all the problems of a file in one run', () => {
  it('reports a missing translation and a misspelt prefecture next to a schema problem of the same file', async () => {
    try {
      const { diagnostics } = await validateVariant({
        'events.yaml': (text) => replaceOnce('location: {ja: 京畿道, ko: 경기도}', 'location: {ja: 京畿道}')(replaceOnce(/^tableTitle: .*$/m, 'tableTitle: 2025')(text)),
      });
      expect(diagnostics.map((d) => [d.code, d.pointer])).toEqual([['schema-type', '/tableTitle'], ['missing-language', '/events/0/location']]);
      // The value a schema problem is about gets the schema's message only.
      const typo = await validateVariant({ 'events.yaml': replaceOnce('location: {ja: 京畿道, ko: 경기도}', 'location: {ja: 京畿道, kr: 경기도}') });
      expect(typo.diagnostics.map((d) => d.code)).toEqual(['schema-unknown-key']);
    } finally {
      removeVariants();
    }
  });
});
