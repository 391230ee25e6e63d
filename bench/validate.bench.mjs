// Benchmark of `clair validate` (run: node bench/validate.bench.mjs, after npx tsc -p .).
//   (a) the shipped data, validated cold by a whole `node bin/clair validate` process: median wall time, target
//       ≤ 300 ms. The start-up floor of the CLI (`clair --version`, which loads every command) is shown next to
//       it, because that part is shared by all commands and not the validator's.
//   (b) a generated data root of 1,000 files (copies of data/seoul in a temp folder), validated by clair and by
//       ajv-cli with the same JSON Schemas (src/schema/json), one ajv-cli run per schema since it takes one schema
//       per run. ajv-cli reads YAML with js-yaml 3, i.e. YAML 1.1, which turns an unquoted 2025-10-12 into a Date
//       and fails every date; so its copy of the data is converted to JSON beforehand (with the yaml package,
//       YAML 1.2 as clair reads it), outside the timing. Target: clair no slower, although it also parses YAML,
//       checks the semantic rules and locates every problem.
// Exits 1 when a target is missed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const clair = join(root, 'bin', 'clair');
const ajvCli = join(root, 'node_modules', 'ajv-cli', 'dist', 'index.js');
const seoul = join(root, 'data', 'seoul');
const TARGET_SHIPPED_MS = 300;
const FILES = 1000;

function run(command, args, options = {}) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  return { ms: performance.now() - started, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function measure(times, fn) {
  const runs = [];
  for (let i = 0; i < times; i++) runs.push(fn());
  return { median: median(runs.map((r) => r.ms)), runs };
}

// The standalone validators are part of the build (`node dist/validate/generate.js`); a first run would
// otherwise generate them and be measured as "cold".
const generated = run(process.execPath, [join(root, 'dist', 'validate', 'generate.js')]);
if (generated.status !== 0) {
  console.error(`cannot generate the validators:\n${generated.stderr}`);
  process.exit(2);
}

// (a) The shipped data.
run(process.execPath, [clair, 'validate']); // fills the disk cache, as an editor's second run would
const shipped = measure(9, () => run(process.execPath, [clair, 'validate', '--format', 'json']));
const shippedReport = JSON.parse(shipped.runs[0].stdout);
const floor = measure(9, () => run(process.execPath, [clair, '--version']));
// The validator without the CLI around it: what `clair validate` costs beyond the start-up of the CLI.
const alone = `const { validateOffices, formatDiagnostics } = await import(${JSON.stringify(new URL('../dist/validate/index.js', import.meta.url).href)});
const { World } = await import(${JSON.stringify(new URL('../dist/world.js', import.meta.url).href)});
const result = await validateOffices(new World({ dataRoot: 'data' }));
process.stdout.write(formatDiagnostics(result.diagnostics, 'text', 'en', { files: result.files }));`;
const validatorAlone = measure(9, () => run(process.execPath, ['--input-type=module', '-e', alone]));
const nodeAlone = measure(9, () => run(process.execPath, ['-e', '0']));

// (b) 1,000 files: copies of the Seoul office, the last one cut down to reach the count exactly.
const work = mkdtempSync(join(tmpdir(), 'clair-bench-'));
const dataRoot = join(work, 'data');
const seoulFiles = readdirSync(seoul).filter((name) => name.endsWith('.yaml')).sort();
let written = 0;
for (let n = 0; written < FILES; n++) {
  const id = `office-${String(n).padStart(3, '0')}`;
  const dir = join(dataRoot, id);
  mkdirSync(dir, { recursive: true });
  const room = FILES - written;
  const names = room >= seoulFiles.length
    ? seoulFiles
    : ['office.yaml', 'brochure.yaml', ...seoulFiles.filter((f) => !['office.yaml', 'brochure.yaml'].includes(f)).slice(0, room - 2)];
  for (const name of names) {
    if (name === 'office.yaml') {
      writeFileSync(join(dir, name), readFileSync(join(seoul, name), 'utf8').replace(/^id: seoul$/m, `id: ${id}`));
    } else if (name === 'brochure.yaml' && names !== seoulFiles) {
      // A brochure that only lists the sections whose data this smaller office has.
      const sections = { 'events.yaml': 'events', 'festival.yaml': 'festival', 'jet.yaml': 'jet', 'lectures.yaml': 'lectures', 'cooking-classes.yaml': 'cooking-classes' };
      const listed = ['profile', ...names.map((f) => sections[f]).filter(Boolean), 'contact'];
      writeFileSync(join(dir, name), `title: {ja: ベンチ, ko: 벤치}\nedition: 2026\npublished: 2026-03-05\neditions: [[ja], [ko]]\nparts:\n  - sections:\n${listed.map((s) => `      - id: ${s}`).join('\n')}\n`);
    } else {
      copyFileSync(join(seoul, name), join(dir, name));
    }
  }
  written += names.length;
}
// ajv-cli's copy, as JSON.
const jsonRoot = join(work, 'json');
for (const office of readdirSync(dataRoot)) {
  mkdirSync(join(jsonRoot, office), { recursive: true });
  for (const name of readdirSync(join(dataRoot, office))) {
    const data = parseYaml(readFileSync(join(dataRoot, office, name), 'utf8'), { version: '1.2' });
    writeFileSync(join(jsonRoot, office, name.replace(/\.yaml$/, '.json')), JSON.stringify(data));
  }
}
const clairLarge = measure(3, () => run(process.execPath, [clair, '--data', dataRoot, 'validate', '--format', 'json']));
const largeReport = JSON.parse(clairLarge.runs[0].stdout);
const schemaIds = readdirSync(join(root, 'src', 'schema', 'json')).map((f) => f.replace(/\.schema\.json$/, '')).sort();
let ajvFiles = 0;
let ajvFailures = 0;
const ajvLarge = measure(3, () => {
  let ms = 0;
  ajvFiles = 0;
  ajvFailures = 0;
  for (const id of schemaIds) {
    const result = run(process.execPath, [
      ajvCli, 'validate', '--spec=draft7', '-c', 'ajv-formats', '--all-errors', '--errors=line',
      '-s', join(root, 'src', 'schema', 'json', `${id}.schema.json`), '-d', join(jsonRoot, '*', `${id}.json`),
    ]);
    ms += result.ms;
    ajvFiles += (result.stdout + result.stderr).split('\n').filter((line) => / (valid|invalid)$/.test(line)).length;
    if (result.status !== 0) ajvFailures++;
  }
  return { ms };
});
rmSync(work, { recursive: true, force: true });

const rows = [
  ['(a) clair validate, shipped data, cold process', shipped.median, `≤ ${TARGET_SHIPPED_MS}`, `${shippedReport.summary.filesChecked} files, ${shippedReport.summary.errors} errors`],
  ['    clair --version (CLI start-up floor)', floor.median, '', 'loads every command'],
  ['    the validator alone, cold process (no CLI)', validatorAlone.median, '', 'import + read + check + format'],
  ['    node -e 0', nodeAlone.median, '', 'Node.js itself'],
  [`(b) clair validate, ${FILES} files`, clairLarge.median, `≤ ajv-cli`, `${largeReport.summary.filesChecked} files, ${largeReport.summary.errors} errors`],
  [`    ajv-cli, same schemas, ${schemaIds.length} runs (JSON copy)`, ajvLarge.median, '', `${ajvFiles} files, ${ajvFailures} runs found invalid files`],
];
console.log(`${'measure'.padEnd(50)} ${'median'.padStart(9)}  ${'target'.padEnd(10)}  notes`);
for (const [name, ms, target, notes] of rows) console.log(`${name.padEnd(50)} ${`${ms.toFixed(0)} ms`.padStart(9)}  ${target.padEnd(10)}  ${notes}`);
console.log(`runs (a): ${shipped.runs.map((r) => r.ms.toFixed(0)).join(', ')} ms; floor: ${floor.runs.map((r) => r.ms.toFixed(0)).join(', ')} ms`);
console.log(`runs (b): clair ${clairLarge.runs.map((r) => r.ms.toFixed(0)).join(', ')} ms; ajv-cli ${ajvLarge.runs.map((r) => r.ms.toFixed(0)).join(', ')} ms`);
if (shipped.median > floor.median) console.log(`validation itself (a − floor): ${(shipped.median - floor.median).toFixed(0)} ms`);

const checks = [
  ['shipped data validates within target', shipped.median <= TARGET_SHIPPED_MS],
  ['shipped data is valid', shipped.runs[0].status === 0],
  [`${FILES} generated files are valid`, clairLarge.runs[0].status === 0 && largeReport.summary.filesChecked === FILES],
  ['clair no slower than ajv-cli', clairLarge.median <= ajvLarge.median],
];
let failed = false;
for (const [name, ok] of checks) {
  console.log(`${ok ? '✔' : '✖'} ${name}`);
  failed ||= !ok;
}
process.exitCode = failed ? 1 : 0;
