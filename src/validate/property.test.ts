// Property: whatever happens to valid files — keys deleted, values of the wrong kind, garbage bytes, duplicated
// lines, truncation — validation ends normally (exit 0 or 1, never an exception or an I/O failure) and every
// problem is located and worded in both languages.
import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { damage, FILES, ORIGINAL, WHOLE_FILE } from './__fixtures__/damage.js';
import { officeVariant, removeVariants } from './__fixtures__/variants.js';
import { formatDiagnostics, hasIoFailures, validateOffices, OUTPUT_FORMATS } from './index.js';

afterAll(removeVariants);

describe('validating damaged files', () => {
  it('always ends with located problems in both languages, never an exception', async () => {
    const { world, dir } = officeVariant();
    await fc.assert(
      fc.asyncProperty(damage, async (edits) => {
        for (const name of FILES) writeFileSync(join(dir, name), ORIGINAL[name]!);
        for (const [name, mutations] of edits) {
          let bytes: Uint8Array = new Uint8Array(readFileSync(join(dir, name)));
          for (const mutate of mutations) bytes = mutate(bytes);
          writeFileSync(join(dir, name), bytes);
        }
        const result = await validateOffices(world, { strict: true });
        expect(hasIoFailures(result.diagnostics)).toBe(false);
        for (const d of result.diagnostics) {
          expect(d.file).toMatch(/^seoul\/[\w-]+\.ya?ml$/);
          if (!WHOLE_FILE.has(d.code)) {
            expect(d.line, d.code).toBeGreaterThanOrEqual(1);
            expect(d.column, d.code).toBeGreaterThanOrEqual(1);
          }
          expect(d.message.en.length).toBeGreaterThan(0);
          expect(d.message.ja.length).toBeGreaterThan(0);
        }
        for (const format of OUTPUT_FORMATS) {
          const text = formatDiagnostics(result.diagnostics, format, 'ja', { files: result.files });
          if (format === 'json') JSON.parse(text);
          if (format === 'junit') {
            const errors: string[] = [];
            new DOMParser({ onError: (level, message) => { if (level !== 'warning') errors.push(message); } }).parseFromString(text, 'text/xml');
            expect(errors).toEqual([]);
          }
        }
      }),
      { numRuns: Number(process.env.CLAIR_PROPERTY_RUNS ?? 150) },
    );
  });
});
