import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { VALID_OFFICE } from './__fixtures__/variants.js';
import { compileValidators } from './generate.js';
import { schemaFingerprint, type ValidatorSet } from './validators.js';

const temp = mkdtempSync(join(tmpdir(), 'clair-validators-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const packageRoot = pathToFileURL(join(process.cwd(), 'package.json')).href;

describe('the standalone validators', () => {
  it('accept and reject exactly what the validators compiled in process do', async () => {
    const { validators: compiled, moduleText } = compileValidators('test', { emitModule: true, requireFrom: packageRoot });
    const path = join(temp, 'validators.generated.mjs');
    writeFileSync(path, moduleText!);
    const standalone = (await import(pathToFileURL(path).href)) as Omit<ValidatorSet, 'origin'>;
    expect(standalone.fingerprint).toBe('test');
    expect(standalone.dataFiles).toEqual(compiled.dataFiles);
    expect(standalone.schemas).toEqual(compiled.schemas);

    const office = parse(readFileSync(join(VALID_OFFICE, 'office.yaml'), 'utf8'), { version: '1.2' });
    const samples = [
      office,
      { ...office, staff: { total: '11名', roles: [] }, name: 5, country: 'kr', extra: true },
      { ...office, languages: ['kr'], established: '1993-13', organisation: { ...office.organisation, purpose: { jp: 'x' } } },
      'not a mapping',
    ];
    for (const sample of samples) {
      const a = compiled.validate.office!;
      const b = standalone.validate.office!;
      expect(b(sample)).toBe(a(sample));
      const strip = (errors: typeof a.errors) => (errors ?? []).map(({ instancePath, schemaPath, keyword, params }) => ({ instancePath, schemaPath, keyword, params }));
      expect(strip(b.errors)).toEqual(strip(a.errors));
    }
  });

  it('share the building blocks by reference instead of repeating them', () => {
    const { validators } = compileValidators('test');
    expect(validators.schemas.office!.properties!.name).toEqual({ $ref: 'clair:text' });
    expect(validators.shared.body.properties!.prefecture).toEqual({ $ref: 'clair:prefecture' });
  });
});

describe('schemaFingerprint', () => {
  it('changes when a schema module changes, so a stale generated file is not used', () => {
    const dir = join(temp, 'schema');
    cpSync(join(process.cwd(), 'src', 'schema'), dir, { recursive: true });
    const before = schemaFingerprint(dir);
    expect(schemaFingerprint(dir)).toBe(before);
    appendFileSync(join(dir, 'jet.ts'), '\n// a change\n');
    expect(schemaFingerprint(dir)).not.toBe(before);
  });
});
