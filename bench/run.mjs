// Runs every bench/*.bench.mjs in turn, each in its own Node process so one benchmark's warm caches and heap do
// not flatter the next, prints their figures as they come and a summary at the end. A benchmark reports a missed
// target with a non-zero exit code; the runner then exits 1.
//
//   npm run bench                  every benchmark (builds first when dist/ is missing)
//   npm run bench -- validate pdf  only those whose file name contains "validate" or "pdf"
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = join(benchDir, '..');
const filters = process.argv.slice(2);

if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
  console.log('dist/ is missing: compiling with tsc first');
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(2);
}

const benches = readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .sort();
if (benches.length === 0) {
  console.error(`no benchmark matches ${filters.join(', ')}`);
  process.exit(2);
}

const results = [];
for (const name of benches) {
  console.log(`\n── ${name} ${'─'.repeat(Math.max(0, 60 - name.length))}`);
  const started = performance.now();
  const run = spawnSync(process.execPath, [join(benchDir, name)], { cwd: root, stdio: 'inherit' });
  const seconds = (performance.now() - started) / 1000;
  const status = run.error ? `failed to start (${run.error.message})` : run.status === 0 ? 'ok' : run.signal ? `killed (${run.signal})` : 'target missed';
  results.push({ name, status, seconds, ok: run.status === 0 });
}

console.log('\n── summary ' + '─'.repeat(52));
const width = Math.max(...results.map((r) => r.name.length));
for (const r of results) console.log(`${r.ok ? '✔' : '✖'} ${r.name.padEnd(width)}  ${r.seconds.toFixed(1).padStart(6)} s  ${r.status}`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
