// Test helpers: the fixture data roots of the metrics tests, loaded the way clair loads real data and checked
// against the schemas, so a fixture that drifts from the data model fails loudly instead of testing nothing.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadOffice, officeData } from '../../load/office.js';
import { DATA_FILES, type OfficeData } from '../../schema/index.js';
import { World } from '../../world.js';

export const FIXTURES = dirname(fileURLToPath(import.meta.url));
/** A data root holding exactly one office: seoul, figures transcribed from the 2026 brochure. */
export const SINGLE = join(FIXTURES, 'single');
/** A data root with two made-up offices: zedland (gaps, zeros, a single-year metric) and alpha (no yearly data). */
export const SEVERAL = join(FIXTURES, 'several');
/** seoul with a YAML syntax error in support.yaml. */
export const BROKEN = join(FIXTURES, 'broken');
/** seoul with text where support.yaml needs a number (a schema error). */
export const INVALID = join(FIXTURES, 'invalid');
/** zedland stating two exchange-programme figures for one fiscal year. */
export const DUPLICATE = join(FIXTURES, 'duplicate');

const ajv = new Ajv.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validators = new Map(DATA_FILES.map((kind) => [kind.key, ajv.compile(kind.schema)]));

/** Loads one fixture office and fails when it does not parse or does not match the schemas. */
export function fixtureOffice(dataRoot: string, officeId: string): OfficeData {
  const world = new World({ dataRoot });
  const loaded = loadOffice(world, officeId);
  if (loaded.diagnostics.length > 0) throw new Error(`fixture ${officeId} does not load: ${JSON.stringify(loaded.diagnostics)}`);
  for (const [key, source] of Object.entries(loaded.sources)) {
    const validate = validators.get(key as keyof OfficeData)!;
    if (!validate(source!.data)) throw new Error(`fixture ${source!.path} does not match its schema: ${ajv.errorsText(validate.errors)}`);
  }
  return officeData(loaded);
}

const GOLDEN = join(FIXTURES, '..', '__golden__');
const update = process.env.UPDATE_GOLDEN === '1';

/** Compares an output with its golden file in src/metrics/__golden__ (UPDATE_GOLDEN=1 rewrites it). */
export function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (update) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`golden file ${name} is missing: run UPDATE_GOLDEN=1 npx vitest run src/metrics`);
  expect(actual, `output differs from __golden__/${name} (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(path, 'utf8'));
}
