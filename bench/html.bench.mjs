// Benchmark of the HTML renderer (run: node bench/html.bench.mjs, after npx tsc -p .; bench/run.mjs runs it
// too). Renders the three editions of the Seoul brochure (ja, ko, ja-ko) from data/seoul, font subsetting
// included, and reports their sizes. Fails (exit 1) when a target is missed.
//
// - "in a whole build": what the issue's target is about. `clair build brochure` (PDF and HTML) in a fresh process,
//   five times; the time spent on the three HTML editions (font subsetting included), as the build measures each
//   file; the median. Work the HTML editions share with the PDF ones (reading the data and the fonts) is not
//   counted again.
// - "first build": a fresh World, as `clair build brochure` starts: reads the 40 MB of CJK fonts, extracts the
//   faces from their collections, starts harfbuzz, then renders and subsets.
// - "three editions": the fonts are open (watch mode, or the second office of a build), every subset is cut
//   again (the subset cache is emptied before each run); the median of several runs.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { World } = await import(join(root, 'dist', 'world.js'));
const { loadOffice, officeData } = await import(join(root, 'dist', 'load', 'office.js'));
const { buildDocument, editionsOf } = await import(join(root, 'dist', 'document', 'build.js'));
const { renderHtmlWithReport, forgetFontSubsets } = await import(join(root, 'dist', 'render', 'html', 'index.js'));

const TARGETS = {
  'HTML editions in a whole build (median of 5 processes)': 400,
  'three editions with font subsetting, fonts open (median)': 400,
  'first build: three editions, fonts read from disk': 3000,
  'largest edition (bytes)': 1.5 * 1024 * 1024,
};

const world = new World({ dataRoot: join(root, 'data') });
const loaded = loadOffice(world, 'seoul');
const data = officeData(loaded);
const documents = editionsOf(data.brochure).map((edition) => buildDocument({ world, officeId: 'seoul', officeDir: loaded.dir, data }, edition));

async function renderAll() {
  const reports = [];
  for (const doc of documents) reports.push(await renderHtmlWithReport(doc, world));
  return reports;
}

const results = {};

// 1. The HTML editions inside whole builds, each in its own process.
{
  const { spawnSync } = await import('node:child_process');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const out = mkdtempSync(join(tmpdir(), 'clair-bench-html-'));
  const shares = [];
  for (let i = 0; i < 6; i++) {
    const run = spawnSync(process.execPath, [join(root, 'bench', 'build-timings.mjs'), out, 'pdf,html'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`build failed: ${run.stderr}`);
    const { files, total } = JSON.parse(run.stdout);
    const html = files.filter((f) => f.format === 'html').reduce((sum, f) => sum + f.milliseconds, 0);
    if (i > 0) shares.push({ html, total }); // the first run warms the OS file cache
  }
  rmSync(out, { recursive: true, force: true });
  shares.sort((a, b) => a.html - b.html);
  const median = shares[Math.floor(shares.length / 2)];
  results['HTML editions in a whole build (median of 5 processes)'] = median.html;
  console.log(`  whole builds: HTML ${shares.map((s) => s.html.toFixed(0)).join(', ')} ms of ${shares.map((s) => s.total.toFixed(0)).join(', ')} ms`);
}

let start = performance.now();
let reports = await renderAll();
results['first build: three editions, fonts read from disk'] = performance.now() - start;

const runs = [];
for (let i = 0; i < 7; i++) {
  forgetFontSubsets();
  start = performance.now();
  reports = await renderAll();
  runs.push(performance.now() - start);
}
runs.sort((a, b) => a - b);
results['three editions with font subsetting, fonts open (median)'] = runs[Math.floor(runs.length / 2)];
results['largest edition (bytes)'] = Math.max(...reports.map((r) => r.html.length));

const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
documents.forEach((doc, i) => {
  const report = reports[i];
  const fonts = report.fonts.reduce((sum, f) => sum + f.bytes, 0);
  console.log(`  ${doc.edition.id.padEnd(6)} ${kb(report.html.length).padStart(7)}  (fonts ${kb(fonts)} in ${report.fonts.length} faces: ` +
    `${report.fonts.map((f) => `${f.faceId} ${f.characters.length} chars ${kb(f.bytes)}`).join(', ')})`);
});
console.log(`  runs: ${runs.map((ms) => ms.toFixed(0)).join(', ')} ms`);

let failed = false;
for (const [name, target] of Object.entries(TARGETS)) {
  const value = results[name];
  const ok = value <= target;
  failed ||= !ok;
  const shown = name.endsWith('(bytes)') ? `${kb(value)} (target ${kb(target)})` : `${value.toFixed(1)} ms (target ${target} ms)`;
  console.log(`${ok ? '✔' : '✖'} ${name}: ${shown}`);
}
process.exitCode = failed ? 1 : 0;
