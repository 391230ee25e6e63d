// Benchmark of clair under large and hostile input (run: node bench/robustness.bench.mjs after npx tsc -p .;
// bench/run.mjs runs it too).
//
// - Scaling of the whole `clair build brochure` (every edition, PDF and HTML) with an events archive of 1,000 and
//   10,000 rows: wall time and peak memory (GNU time's maximum resident set size). Targets from issue #17: memory
//   ≤ 600 MB, time per row flat (10,000 ÷ 1,000 ≤ 1.5). The bilingual PDF alone is reported too, to show where the
//   memory goes: pdfmake holds the whole laid-out edition until it writes it, and that edition sets every text twice.
//   The figure is the build's own process (`bin/clair`, as a user runs it), measured by GNU time from outside:
//   nothing in the build knows it is measured. It moves by ±15 MB with the host's load (the garbage collector's
//   concurrent marking keeps pace with the build less well on busy cores).
// - The longest text one field may hold (5,000 characters, load/content.ts) built into every edition.
// - A longer series of the build fuzz test (src/build/fuzz.test.ts): BENCH_FUZZ_RUNS runs (default 100) with a
//   seed of the day, so each day meets new cases; the seed is printed to replay a failure.
// Fails (exit 1) when a target is missed. Figures measured on a shared machine vary with its load: compare runs
// made together.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { dataWithEvents } from './events-archive.mjs';
import { timedClair } from './timed-clair.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'clair-bench-robustness-'));

// 1. Scaling with the number of events.
const baseline = timedClair(['build', 'brochure', '--out', join(work, 'base')]);
const scaling = {};
for (const rows of [1000, 10000]) {
  const dataRoot = dataWithEvents(root, work, rows, { compact: true });
  const all = timedClair(['--data', dataRoot, 'build', 'brochure', '--out', join(work, `rows-${rows}`)]);
  const bilingualPdf = timedClair(['--data', dataRoot, 'build', 'brochure', '--lang', 'ja-ko', '--format', 'pdf', '--out', join(work, `rows-${rows}-ja-ko`)]);
  scaling[rows] = { ...all, extra: all.wall - baseline.wall, bilingualPdf };
}
const perRow1k = scaling[1000].extra / 1000;
const perRow10k = scaling[10000].extra / 10000;

// 2. The longest text a field may hold, in every edition.
const longRoot = join(work, 'data-long');
cpSync(join(root, 'data'), longRoot, { recursive: true });
const officeFile = join(longRoot, 'seoul', 'office.yaml');
const office = parseDocument(readFileSync(officeFile, 'utf8'));
const longest = (word) => Array.from({ length: 5000 }, (_, i) => `${word}${i}`).join(' ').slice(0, 5000);
office.setIn(['description', 0], { ja: longest('地域交流'), ko: longest('지역 교류') });
writeFileSync(officeFile, office.toString());
const longText = timedClair(['--data', longRoot, 'build', 'brochure', '--out', join(work, 'long')]);

// 3. A longer fuzz of the build.
const fuzzRuns = Number(process.env.BENCH_FUZZ_RUNS ?? 100);
const fuzzSeed = Number(process.env.CLAIR_FUZZ_SEED ?? Math.floor(Date.now() / 86_400_000));
const fuzzStarted = performance.now();
const fuzz = spawnSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'src/build/fuzz.test.ts'], {
  cwd: root, encoding: 'utf8', env: { ...process.env, CLAIR_FUZZ_RUNS: String(fuzzRuns), CLAIR_FUZZ_SEED: String(fuzzSeed), NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024,
});
const fuzzSeconds = (performance.now() - fuzzStarted) / 1000;
if (fuzz.status !== 0) console.error(fuzz.stdout.slice(-4000), fuzz.stderr.slice(-2000));

rmSync(work, { recursive: true, force: true });

const checks = [
  ['shipped data, every edition and format', `${Math.round(baseline.wall)} ms, peak ${Math.round(baseline.peakMb)} MB`, true, ''],
  ...[1000, 10000].flatMap((rows) => [
    [`${rows.toLocaleString('en')} events, every edition and format`, `${Math.round(scaling[rows].wall)} ms (+${Math.round(scaling[rows].extra)} ms), peak ${Math.round(scaling[rows].peakMb)} MB`, !(scaling[rows].peakMb > 600), '≤ 600 MB'],
    [`${rows.toLocaleString('en')} events, bilingual PDF alone`, `${Math.round(scaling[rows].bilingualPdf.wall)} ms, peak ${Math.round(scaling[rows].bilingualPdf.peakMb)} MB`, true, 'reference'],
  ]),
  ['time per row, 10,000 ÷ 1,000', `${(perRow10k / perRow1k).toFixed(2)} (${perRow1k.toFixed(2)} → ${perRow10k.toFixed(2)} ms/row)`, perRow10k / perRow1k <= 1.5, '≤ 1.5 (linear)'],
  ['a 5,000-character text, every edition and format', `${Math.round(longText.wall)} ms, peak ${Math.round(longText.peakMb)} MB`, !(longText.peakMb > 600), '≤ 600 MB'],
  [`build fuzz, ${fuzzRuns} runs, seed ${fuzzSeed}`, `${fuzz.status === 0 ? 'no failure' : 'FAILED (output above)'} in ${fuzzSeconds.toFixed(0)} s`, fuzz.status === 0, 'no failure'],
];

const width = Math.max(...checks.map(([label]) => label.length));
for (const [label, value, ok, target] of checks) {
  console.log(`${ok ? '✔' : '✖'} ${label.padEnd(width)}  ${value}${target ? `   (target ${target})` : ''}`);
}
process.exit(checks.every(([, , ok]) => ok) ? 0 : 1);
