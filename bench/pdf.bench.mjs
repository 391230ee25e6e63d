// Benchmark of the PDF editions (run: node bench/pdf.bench.mjs after npx tsc -p .; bench/run.mjs runs it too).
//
// - The whole `clair build brochure --format pdf` (three editions of the Seoul data) as a process: median wall time
//   and peak memory (GNU time's maximum resident set size, worker threads included).
// - Side by side: headless Chromium (Debian's, through playwright-core) printing the three HTML editions to PDF,
//   from browser launch to the last file, in turns with clair (BENCH_RUNS rounds, default 5), and `node -e 0` as a
//   gauge of the host's speed in those rounds (a shared host runs up to half slower at times).
// - The size of each edition (the data has no photos).
// - Scaling: a generated events table of 500 and 5,000 rows built into the Japanese PDF; the time per row should
//   stay flat (linear growth).
// Fails (exit 1) when a target is missed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { dataWithEvents } from './events-archive.mjs';
import { timedClair } from './timed-clair.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'clair-bench-pdf-'));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (bytes) => `${Math.round(bytes / 1024)} KB`;

// 1. Three PDF editions, whole process.
const pdfOut = join(work, 'pdf');
const htmlOut = join(work, 'html');
timedClair(['build', 'brochure', '--format', 'pdf', '--out', pdfOut]); // warms the OS file cache
timedClair(['build', 'brochure', '--format', 'html', '--out', htmlOut]);
const htmlFiles = readdirSync(join(htmlOut, 'seoul-2026')).filter((f) => f.endsWith('.html')).map((f) => join(htmlOut, 'seoul-2026', f));

/** Headless Chromium printing the three HTML editions, launch included, or undefined when it is not installed. */
let printAll;
if (existsSync('/usr/bin/chromium')) {
  const { chromium } = await import('playwright-core');
  printAll = async () => {
    const started = performance.now();
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage();
    for (const file of htmlFiles) {
      await page.goto(`file://${file}`, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      await page.pdf({ path: file.replace(/\.html$/, '.chromium.pdf'), preferCSSPageSize: true, printBackground: true });
    }
    await browser.close();
    return performance.now() - started;
  };
  await printAll(); // warms the OS file cache
}

// clair and Chromium take turns, round by round, so that both meet the same machine: on a shared host the speed of
// one run can differ from the next by half. The ratio is the median of the rounds' ratios.
const builds = [];
const prints = [];
// `node -e 0` in the same rounds says how fast the host is running: ~80 ms on this machine at its usual speed.
const nodeStarts = [];
for (let i = 0; i < RUNS; i++) {
  builds.push(timedClair(['build', 'brochure', '--format', 'pdf', '--out', pdfOut]));
  if (printAll) prints.push(await printAll());
  const started = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  nodeStarts.push(performance.now() - started);
}
const pdfWall = median(builds.map((b) => b.wall));
const pdfFastest = Math.min(...builds.map((b) => b.wall));
const peakMb = Math.max(...builds.map((b) => b.peakMb));
const chromiumWall = printAll ? median(prints) : NaN;
const ratio = printAll ? median(builds.map((b, i) => b.wall / prints[i])) : NaN;
const pdfDir = join(pdfOut, 'seoul-2026');
const sizes = Object.fromEntries(readdirSync(pdfDir).filter((f) => f.endsWith('.pdf')).map((f) => [f, statSync(join(pdfDir, f)).size]));

const scaling = {};
for (const rows of [500, 5000]) {
  const dataRoot = dataWithEvents(root, work, rows);
  const baseline = timedClair(['--data', join(root, 'data'), 'build', 'brochure', '--lang', 'ja', '--format', 'pdf', '--out', join(work, 'base')]);
  const run = timedClair(['--data', dataRoot, 'build', 'brochure', '--lang', 'ja', '--format', 'pdf', '--out', join(work, `rows-${rows}`)]);
  scaling[rows] = { wall: run.wall, extra: run.wall - baseline.wall, peakMb: run.peakMb };
}
const perRow500 = scaling[500].extra / 500;
const perRow5000 = scaling[5000].extra / 5000;

rmSync(work, { recursive: true, force: true });

const checks = [
  ['three PDF editions, whole process (median)', `${Math.round(pdfWall)} ms (fastest ${Math.round(pdfFastest)} ms)`, pdfWall <= 1500, '≤ 1,500 ms'],
  ['Chromium printing the three HTML editions (median)', Number.isNaN(chromiumWall) ? 'chromium not installed' : `${Math.round(chromiumWall)} ms`, true, 'reference'],
  ['host speed: `node -e 0` in the same rounds (median)', `${Math.round(median(nodeStarts))} ms`, true, 'reference'],
  ['clair ÷ Chromium (median of the rounds)', Number.isNaN(ratio) ? '—' : ratio.toFixed(2), Number.isNaN(ratio) || ratio <= 0.5, '≤ 0.5'],
  ['peak memory (RSS)', `${Math.round(peakMb)} MB`, !(peakMb > 400), '≤ 400 MB'],
  ...Object.entries(sizes).map(([name, size]) => [`size of ${name}`, kb(size), size <= 800 * 1024, '≤ 800 KB']),
  ['events table, 500 rows (ja PDF)', `${Math.round(scaling[500].wall)} ms (+${Math.round(scaling[500].extra)} ms over the shipped data)`, true, ''],
  ['events table, 5,000 rows (ja PDF)', `${Math.round(scaling[5000].wall)} ms (+${Math.round(scaling[5000].extra)} ms), peak ${Math.round(scaling[5000].peakMb)} MB`, true, ''],
  ['time per row, 5,000 ÷ 500', `${(perRow5000 / perRow500).toFixed(2)} (${perRow500.toFixed(2)} → ${perRow5000.toFixed(2)} ms/row)`, perRow5000 / perRow500 <= 1.5, '≤ 1.5 (linear)'],
];

const width = Math.max(...checks.map(([label]) => label.length));
for (const [label, value, ok, target] of checks) {
  console.log(`${ok ? '✔' : '✖'} ${label.padEnd(width)}  ${value}${target ? `   (target ${target})` : ''}`);
}
process.exit(checks.every(([, , ok]) => ok) ? 0 : 1);
