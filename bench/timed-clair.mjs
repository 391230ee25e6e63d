// One clair command run as a user runs it (its own process, no colour, CI mode), timed, with its peak memory from
// GNU time where /usr/bin/time exists: for the benchmarks that report wall time and resident memory.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const clair = join(root, 'bin', 'clair');

/** Runs clair with `args` in the checkout; returns wall milliseconds and peak RSS in MB (NaN without GNU time). */
export function timedClair(args) {
  const useTime = existsSync('/usr/bin/time');
  const command = useTime ? '/usr/bin/time' : process.execPath;
  const argv = useTime ? ['-f', 'clair-peak-kb=%M', process.execPath, clair, ...args] : [clair, ...args];
  const started = performance.now();
  const run = spawnSync(command, argv, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '1' }, maxBuffer: 64 * 1024 * 1024 });
  const wall = performance.now() - started;
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    throw new Error(`clair ${args.join(' ')} exited ${run.status}`);
  }
  const peak = /clair-peak-kb=(\d+)/.exec(run.stderr ?? '');
  return { wall, peakMb: peak ? Number(peak[1]) / 1024 : NaN };
}
