// Benchmark of `clair serve` (run: node bench/serve.bench.mjs, after npx tsc -p .; bench/run.mjs runs it too).
// Serves a copy of data/seoul with every edition and format, keeps an event stream open as the Japanese HTML page
// would, then saves brochure.yaml with a changed title, again and again, and measures:
//
// - from the save to the reload event of brochure.ja.html (the page being looked at: its HTML is built first);
// - from the save to the reload event of the last of the six files (three HTML, three PDF).
//
// The clock starts before writeFile, so the watcher's own delay (chokidar over fs.watch, plus clair's 15 ms wait
// for an editor's second write) is included, as a person saving in an editor would see it. Medians of 11 saves
// after 2 warm-up saves. Fails (exit 1) when a target is missed.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { startPreview } = await import(join(root, 'dist', 'serve', 'index.js'));

const TARGETS = {
  'save → reload event of the HTML (median)': 150,
  'save → all six files rebuilt (median)': 800,
};

const dataRoot = mkdtempSync(join(tmpdir(), 'clair-bench-serve-'));
cpSync(join(root, 'data', 'seoul'), join(dataRoot, 'seoul'), { recursive: true });
const file = join(dataRoot, 'seoul', 'brochure.yaml');
const original = readFileSync(file, 'utf8');

let started = performance.now();
const preview = await startPreview({ dataRoot, officeId: 'seoul', formats: ['html', 'pdf'], host: '127.0.0.1', port: 0, uiLang: 'en' });
await preview.ready;
console.log(`  first build (every edition and format): ${(performance.now() - started).toFixed(0)} ms`);

// The event stream of an open Japanese page.
const controller = new AbortController();
const response = await fetch(new URL(`/__clair/events?page=brochure.ja.html&version=${preview.session.version}`, preview.url), { signal: controller.signal });
const arrivals = [];
let wake = () => {};
void (async () => {
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^event: reload\ndata: (.*)$/m.exec(block)?.[1];
        if (data) arrivals.push({ at: performance.now(), ...JSON.parse(data) });
        wake();
      }
    }
  } catch {
    // aborted at the end
  }
})();

async function until(predicate) {
  const deadline = performance.now() + 60_000;
  while (!predicate()) {
    if (performance.now() > deadline) throw new Error('no reload event within 60 s');
    await new Promise((resolve) => {
      wake = resolve;
      setTimeout(resolve, 50);
    });
  }
}

const html = [];
const all = [];
for (let round = 0; round < 13; round++) {
  await preview.session.idle();
  await new Promise((resolve) => setTimeout(resolve, 150));
  arrivals.length = 0;
  const title = round % 2 === 0 ? 'クレアソウル 2026 改訂版' : 'クレアソウル 2026';
  started = performance.now();
  writeFileSync(file, original.replace('クレアソウル 2026,', `${title},`));
  await until(() => arrivals.some((a) => a.page === 'brochure.ja.html'));
  const firstHtml = arrivals.find((a) => a.page === 'brochure.ja.html').at - started;
  await until(() => new Set(arrivals.map((a) => a.page)).size >= 6);
  const last = Math.max(...arrivals.map((a) => a.at)) - started;
  if (round >= 2) {
    html.push(firstHtml);
    all.push(last);
  }
}
controller.abort();
await preview.close();
writeFileSync(file, original);
rmSync(dataRoot, { recursive: true, force: true });

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = {
  'save → reload event of the HTML (median)': median(html),
  'save → all six files rebuilt (median)': median(all),
};
console.log(`  HTML reload: ${html.map((ms) => ms.toFixed(0)).join(', ')} ms`);
console.log(`  all six:     ${all.map((ms) => ms.toFixed(0)).join(', ')} ms`);
let failed = false;
for (const [name, target] of Object.entries(TARGETS)) {
  const value = results[name];
  const ok = value <= target;
  failed ||= !ok;
  console.log(`${ok ? '✔' : '✖'} ${name}: ${value.toFixed(1)} ms (target ${target} ms)`);
}
process.exitCode = failed ? 1 : 0;
