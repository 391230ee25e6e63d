// Helper for the benchmarks (not a benchmark itself): one `clair build brochure` as the CLI runs it (checks, then
// every edition), in this fresh process, printing how long each output file took as JSON on stdout.
//   node bench/build-timings.mjs OUT_DIR [pdf,html]
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [outRoot, formats = 'pdf,html'] = process.argv.slice(2);
const started = performance.now();
const { World } = await import(join(root, 'dist', 'world.js'));
const { buildBrochure } = await import(join(root, 'dist', 'build', 'brochure.js'));
const { checkBeforeBuild } = await import(join(root, 'dist', 'build', 'check.js'));
const world = new World({ dataRoot: join(root, 'data') });
const result = await buildBrochure(world, { formats: formats.split(','), outRoot }, { stage() {}, edition() {} },
  (officeId) => checkBeforeBuild(world, officeId, 'en'));
console.log(JSON.stringify({
  total: performance.now() - started,
  files: result.files.map((f) => ({ name: f.name, format: f.format, milliseconds: f.milliseconds, bytes: f.bytes.byteLength })),
}));
