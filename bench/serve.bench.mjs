// Benchmark of `clair serve` (run: node bench/serve.bench.mjs, after npm run build; bench/run.mjs runs it too).
// Starts `clair serve` as its own process on a copy of data/seoul (every edition and format), and from this process,
// as a browser showing the Japanese HTML page would, keeps the page's event stream open, then saves brochure.yaml
// with a changed title, again and again, and measures:
//
// - from the save to the reload event of brochure.ja.html (the page being looked at: its HTML is built first);
// - from the save to the reloaded page: the event, then the page's HTML fetched again, as location.reload() does;
// - from the save to the reload event of the last of the six files (three HTML, three PDF);
// - then, for information, saves that each type a character new to the page (its font subsets are cut again):
//   from the save to the reload event of brochure.ja.html.
//
// The server and this client are separate processes, as the server and the browser are: an event counts when it
// reaches the client, not when the server writes it. The clock starts before writeFile, so the watcher's own delay
// (chokidar over fs.watch, plus clair's wait for an editor's second write) is included, as a person saving in an
// editor would see it. Medians of 11 saves after 2 warm-up saves. Fails (exit 1) when a target is missed.
//
//   node bench/serve.bench.mjs [--root DIR]   DIR: another clair checkout to measure (default: this one)
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const rootAt = process.argv.indexOf('--root');
const root = rootAt > 0 ? resolve(process.argv[rootAt + 1]) : here;

const TARGETS = {
  'save → reload event of the HTML (median)': 150,
  'save → all six files rebuilt (median)': 800,
};

const dataRoot = mkdtempSync(join(tmpdir(), 'clair-bench-serve-'));
cpSync(join(here, 'data', 'seoul'), join(dataRoot, 'seoul'), { recursive: true });
const file = join(dataRoot, 'seoul', 'brochure.yaml');
const original = readFileSync(file, 'utf8');

let started = performance.now();
const server = spawn(process.execPath, [join(root, 'bin', 'clair'), '--data', dataRoot, '--ui-lang', 'en', '--no-color', 'serve', '--port', '0'], {
  cwd: dataRoot, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' },
});
let serverOutput = '';
const url = await new Promise((resolveUrl, reject) => {
  let address;
  server.stderr.setEncoding('utf8');
  server.stderr.on('data', (text) => {
    serverOutput += text;
    address ??= /http:\/\/127\.0\.0\.1:\d+\//.exec(serverOutput)?.[0];
    // The first build is done once it says "ready"; the address comes before or after it.
    if (address && /ready in/.test(serverOutput)) resolveUrl(address);
  });
  server.on('exit', (code) => reject(new Error(`clair serve ended (exit ${code}):\n${serverOutput}`)));
  // A first build that fails leaves the server waiting for a fix: the benchmark stops instead of waiting with it.
  const stop = (why) => {
    server.kill('SIGTERM');
    reject(new Error(`${why}:\n${serverOutput}`));
  };
  server.stderr.on('data', () => {
    if (/✖ the data has problems/.test(serverOutput)) stop('the first build of clair serve failed');
  });
  setTimeout(() => stop('clair serve was not ready within 5 minutes'), 300_000).unref();
});
console.log(`  first build (every edition and format, process start included): ${(performance.now() - started).toFixed(0)} ms`);

/** The served page and the version its reload script carries, as a browser gets them. */
async function openPage(name) {
  const html = await (await fetch(new URL(name, url))).text();
  const version = Number(/const version = (\d+);/.exec(html)?.[1]);
  if (!Number.isInteger(version)) throw new Error(`${name}: no reload script in the served page`);
  return { html, version };
}

const page = 'brochure.ja.html';
const { version } = await openPage(page);
const controller = new AbortController();
const response = await fetch(new URL(`/__clair/events?page=${page}&version=${version}`, url), { signal: controller.signal });
const arrivals = [];
let wake = () => {};
void (async () => {
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const chunk of response.body) {
      const at = performance.now();
      buffer += decoder.decode(chunk, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^event: reload\ndata: (.*)$/m.exec(block)?.[1];
        if (data) arrivals.push({ at, ...JSON.parse(data) });
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
    if (performance.now() > deadline) throw new Error(`no reload event within 60 s; the server said:\n${serverOutput}`);
    await new Promise((resolveWait) => {
      wake = resolveWait;
      setTimeout(resolveWait, 50);
    });
  }
}

const event = [];
const reloaded = [];
const all = [];
for (let round = 0; round < 13; round++) {
  // Quiet before each save: the previous rebuild (PDFs included) has ended.
  await new Promise((resolveWait) => setTimeout(resolveWait, 400));
  arrivals.length = 0;
  const title = round % 2 === 0 ? 'クレアソウル 2026 改訂版' : 'クレアソウル 2026';
  started = performance.now();
  writeFileSync(file, original.replace('クレアソウル 2026,', `${title},`));
  await until(() => arrivals.some((a) => a.page === page));
  const firstEvent = arrivals.find((a) => a.page === page).at - started;
  const { html } = await openPage(page);
  const pageAt = performance.now() - started;
  if (!html.includes(title)) throw new Error(`${page} was reloaded without the new title "${title}"`);
  await until(() => new Set(arrivals.map((a) => a.page)).size >= 6);
  const last = Math.max(...arrivals.map((a) => a.at)) - started;
  if (round >= 2) {
    event.push(firstEvent);
    reloaded.push(pageAt);
    all.push(last);
  }
}
// Saves that type a character the page has never shown: its face is subset again before the HTML is ready.
const fresh = [];
for (const character of '鬱薔薇麒麟檸檬') {
  await new Promise((resolveWait) => setTimeout(resolveWait, 400));
  arrivals.length = 0;
  started = performance.now();
  writeFileSync(file, original.replace('クレアソウル 2026,', `クレアソウル 2026 ${character},`));
  await until(() => arrivals.some((a) => a.page === page));
  fresh.push(arrivals.find((a) => a.page === page).at - started);
  await until(() => new Set(arrivals.map((a) => a.page)).size >= 6);
}
controller.abort();
server.kill('SIGTERM');
await new Promise((resolveExit) => server.once('exit', resolveExit));
rmSync(dataRoot, { recursive: true, force: true });

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = {
  'save → reload event of the HTML (median)': median(event),
  'save → page reloaded (median)': median(reloaded),
  'save → all six files rebuilt (median)': median(all),
  'save of a new character → reload event of the HTML (median)': median(fresh),
};
console.log(`  reload event:  ${event.map((ms) => ms.toFixed(0)).join(', ')} ms`);
console.log(`  page reloaded: ${reloaded.map((ms) => ms.toFixed(0)).join(', ')} ms`);
console.log(`  all six:       ${all.map((ms) => ms.toFixed(0)).join(', ')} ms`);
console.log(`  new character: ${fresh.map((ms) => ms.toFixed(0)).join(', ')} ms`);
let failed = false;
for (const [name, value] of Object.entries(results)) {
  const target = TARGETS[name];
  const ok = target === undefined || value <= target;
  failed ||= !ok;
  console.log(`${target === undefined ? ' ' : ok ? '✔' : '✖'} ${name}: ${value.toFixed(1)} ms${target === undefined ? '' : ` (target ${target} ms)`}`);
}
process.exitCode = failed ? 1 : 0;
