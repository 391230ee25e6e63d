// Benchmark of the photo pipeline (run: node bench/photos.bench.mjs after npm run build; bench/run.mjs runs it too).
//
// 20 phone-size photos (4032×3024 JPEG, quality 95, generated noise so they weigh 3–6 MB like a camera's) are put
// into a copy of the Seoul data (the festival, events and other sections' photo entries), then the Japanese
// edition is built as PDF and HTML: once cold (an empty photo cache), once cached. Reported: what the photos add
// to each file against the same build without them, and the time they add, cold and cached, in wall-clock time
// and in CPU time (user + system of the build process, which a shared host's load does not inflate as much).
// Targets (issue #13): ≤ 8 MB added to a PDF edition, ≤ 3 MB to an HTML edition, ≤ 3 s added cold, ≤ 0.3 s cached.
// Fails (exit 1) when a target is missed. Figures measured on a shared host run slower at times.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { parseDocument } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const clair = join(root, 'bin', 'clair');
const work = mkdtempSync(join(tmpdir(), 'clair-bench-photos-'));
const PHOTOS = 20;

/** CPU seconds used by finished child processes (Linux: cutime + cstime of /proc/self/stat, in 1/100 s). */
function childCpu() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return NaN;
  }
}

function build(dataRoot, out, format, cacheDir) {
  const cpuBefore = childCpu();
  const started = performance.now();
  const run = spawnSync(process.execPath, [clair, '--data', dataRoot, 'build', 'brochure', '--lang', 'ja', '--format', format, '--out', out], {
    cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '1', CLAIR_CACHE_DIR: cacheDir },
  });
  const ms = performance.now() - started;
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    throw new Error(`build exited ${run.status}`);
  }
  return { ms, cpu: childCpu() - cpuBefore };
}

// The data: a copy of Seoul with PHOTOS photo files given to the photo entries that exist (captions from the seed).
const plainData = join(work, 'plain');
const photoData = join(work, 'photos');
cpSync(join(root, 'data'), plainData, { recursive: true });
cpSync(join(root, 'data'), photoData, { recursive: true });
const office = join(photoData, 'seoul');
mkdirSync(join(office, 'photos'), { recursive: true });
let made = 0;
const sizes = [];
for (let i = 0; i < PHOTOS; i++) {
  // Coarse noise scaled up has the detail of a photo: a 4032×3024 JPEG of it weighs 3–6 MB, as a phone's does.
  const noise = Buffer.alloc(336 * 252 * 3);
  let seed = 12345 + i;
  for (let k = 0; k < noise.length; k++) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; noise[k] = seed >> 23; }
  const jpeg = await sharp(noise, { raw: { width: 336, height: 252, channels: 3 } }).resize(4032, 3024, { kernel: 'cubic' }).jpeg({ quality: 95 }).toBuffer();
  writeFileSync(join(office, 'photos', `phone-${i + 1}.JPG`), jpeg);
  sizes.push(jpeg.length);
}
for (const file of ['events.yaml', 'festival.yaml', 'influencer-visits.yaml', 'cooking-classes.yaml', 'lectures.yaml', 'jet.yaml', 'seminars.yaml', 'support.yaml']) {
  const path = join(office, file);
  const doc = parseDocument(readFileSync(path, 'utf8'));
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (node.items) for (const item of node.items) visit(item.value ?? item);
    if (node.get && node.has?.('caption') && node.has('caption') && made < PHOTOS && !node.has('file')) {
      made++;
      node.set('file', `photos/phone-${made}.JPG`);
    }
  };
  visit(doc.contents);
  writeFileSync(path, String(doc));
}
console.log(`${made} photos of ${(sizes.reduce((a, b) => a + b, 0) / made / 1024 / 1024).toFixed(1)} MB on average given to photo entries`);

const cache = join(work, 'cache');
const results = {};
const seconds = (ms) => `${ms >= 0 ? '+' : ''}${(ms / 1000).toFixed(2)} s`;
for (const format of ['pdf', 'html']) {
  const plain = build(plainData, join(work, `out-plain-${format}`), format, cache);
  rmSync(cache, { recursive: true, force: true });
  const cold = build(photoData, join(work, `out-cold-${format}`), format, cache);
  const cached = build(photoData, join(work, `out-cached-${format}`), format, cache);
  const plainAgain = build(plainData, join(work, `out-plain2-${format}`), format, cache);
  // The faster of the two builds without photos is the base (the host's load varies from minute to minute).
  const base = plain.ms <= plainAgain.ms ? plain : plainAgain;
  const file = `brochure.ja.${format}`;
  const coldBytes = readFileSync(join(work, `out-cold-${format}`, 'seoul-2026', file));
  const added = coldBytes.length - statSync(join(work, `out-plain-${format}`, 'seoul-2026', file)).size;
  // Cached and uncached photos must give the same file.
  const same = coldBytes.equals(readFileSync(join(work, `out-cached-${format}`, 'seoul-2026', file)));
  results[format] = { added, cold: cold.ms - base.ms, cached: cached.ms - base.ms, same };
  console.log(`${format}: +${(added / 1024 / 1024).toFixed(2)} MB, ${seconds(cold.ms - base.ms)} cold (CPU ${seconds(cold.cpu - base.cpu)}), `
    + `${seconds(cached.ms - base.ms)} cached (CPU ${seconds(cached.cpu - base.cpu)}); build without photos ${(base.ms / 1000).toFixed(2)} s `
    + `(CPU ${(base.cpu / 1000).toFixed(2)} s); cold and cached builds ${same ? 'byte-identical' : 'DIFFER'}`);
}
if (process.env.KEEP_BENCH_DATA) console.log(`data kept in ${work}`); else rmSync(work, { recursive: true, force: true });

const misses = [];
if (made < PHOTOS) misses.push(`only ${made} photo entries in the data`);
if (results.pdf.added > 8 * 1024 * 1024) misses.push('PDF grows by more than 8 MB');
if (results.html.added > 3 * 1024 * 1024) misses.push('HTML grows by more than 3 MB');
for (const format of ['pdf', 'html']) if (!results[format].same) misses.push(`${format}: cached and uncached builds differ`);
for (const format of ['pdf', 'html']) {
  if (results[format].cold > 3000) misses.push(`${format}: photos add more than 3 s cold`);
  if (results[format].cached > 300) misses.push(`${format}: photos add more than 0.3 s cached`);
}
if (misses.length > 0) {
  console.log(`targets missed: ${misses.join('; ')}`);
  process.exitCode = 1;
} else console.log('targets met');
