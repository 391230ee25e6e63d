// Fuzzing the whole build, not only validation: the Seoul data with values replaced by random text (any Unicode,
// control characters, long unbroken tokens), random numbers, deleted keys and values of the wrong kind, built into
// a folder that holds a previous build. Every run either writes its editions or stops with located data problems
// (a DataError: exit 1) or wrong usage; never another exception, and a refused build leaves the previous outputs
// byte for byte. The seed is fixed so CI runs the same cases; CLAIR_FUZZ_RUNS and CLAIR_FUZZ_SEED run more or
// others (bench/robustness.bench.mjs runs a longer series).
import fc from 'fast-check';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { DataError } from '../diagnostics.js';
import { UsageError } from '../i18n/ui.js';
import { World } from '../world.js';
import { buildChecked, copySeoul, removeDir, SHIPPED_DATA, snapshot, tempDir } from './__fixtures__/offices.js';

const RUNS = Number(process.env.CLAIR_FUZZ_RUNS ?? 8);
const SEED = Number(process.env.CLAIR_FUZZ_SEED ?? 20261206);

const FILES = readdirSync(join(SHIPPED_DATA, 'seoul')).filter((name) => name.endsWith('.yaml')).sort();
const ORIGINAL = Object.fromEntries(FILES.map((name) => [name, readFileSync(join(SHIPPED_DATA, 'seoul', name), 'utf8')]));

type Path = (string | number)[];
/** Every leaf (string, number, boolean) of a file's data, by path. */
function leaves(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  return [path];
}
const LEAVES = Object.fromEntries(FILES.map((name) => [name, leaves(parse(ORIGINAL[name]!))]));

function setAt(data: unknown, path: Path, value: unknown | typeof DELETE): void {
  let node = data as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === DELETE) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
}
const DELETE = Symbol('delete');

/** Text as people and accidents write it: any Unicode, Japanese and Korean, controls, long tokens, markup. */
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.stringMatching(/^[ぁ-んァ-ン一-龯가-힣 、。，「」（）]{1,60}$/),
  fc.integer({ min: 200, max: 3000 }).map((n) => 'x'.repeat(n)),
  fc.constantFrom('=1+1', '**', '<script>alert(1)</script>', '{{x}}', 'a\u202eb', 'bell\u0007', '\u0000', '—', '😀👨‍👩‍👧', '   ', ''),
);
const replacement = fc.oneof(
  text,
  fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 2 ** 53, 1e308, 2026, 1950)),
  fc.constantFrom<unknown>(null, true, [], {}, [1, 2], { ja: 'x' }, DELETE),
);
const edit = fc.record({ file: fc.constantFrom(...FILES), leaf: fc.nat(), value: replacement });

let root: string;
let out: string;
let dataRoot: string;
let officeDir: string;
beforeAll(async () => {
  root = tempDir('fuzz');
  ({ dataRoot, officeDir } = copySeoul(root));
  out = join(root, 'out');
  await buildChecked(new World({ dataRoot }), { formats: ['pdf', 'html'], editions: ['ja-ko'], outRoot: out });
});
afterAll(() => removeDir(root));

describe('the build on fuzzed data', () => {
  it(`writes its editions or stops with located problems, never an exception (${RUNS} runs, seed ${SEED})`, async () => {
    const outcomes = { built: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
        const files = Object.fromEntries(FILES.map((name) => [name, parse(ORIGINAL[name]!) as unknown]));
        for (const { file, leaf, value } of edits) setAt(files[file], LEAVES[file]![leaf % LEAVES[file]!.length]!, value);
        for (const name of FILES) writeFileSync(join(officeDir, name), ORIGINAL[name] === stringify(files[name]) ? ORIGINAL[name]! : stringify(files[name]));
        const before = snapshot(out);
        // Warnings and refusals are printed on stderr as the command does; they are the expected outcome here.
        const quiet = process.stderr.write;
        process.stderr.write = () => true;
        let error: unknown;
        try {
          await buildChecked(new World({ dataRoot }), { formats: ['pdf', 'html'], editions: ['ja-ko'], outRoot: out });
        } catch (caught) {
          error = caught;
        } finally {
          process.stderr.write = quiet;
        }
        if (error === undefined) {
          outcomes.built++;
          return;
        }
        outcomes.refused++;
        if (!(error instanceof DataError) && !(error instanceof UsageError)) throw error;
        if (error instanceof DataError) {
          expect(error.diagnostics.length).toBeGreaterThan(0);
          for (const d of error.diagnostics) {
            expect(d.file).toMatch(/\.(ya?ml|ttc|ttf|otf)$|photos\//);
            expect(d.message.en.length * d.message.ja.length).toBeGreaterThan(0);
          }
        }
        const after = snapshot(out);
        expect([...after.keys()]).toEqual([...before.keys()]);
        for (const [path, bytes] of before) expect(after.get(path)!.equals(bytes), path).toBe(true);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // Both outcomes are exercised: the fuzz is neither all refusals nor all harmless edits.
    if (RUNS >= 8) expect(Object.values(outcomes).every((count) => count > 0), JSON.stringify(outcomes)).toBe(true);
  }, Math.max(60_000, RUNS * 2_000)); // a longer series (the bench's 100 runs and more) needs its time
});
