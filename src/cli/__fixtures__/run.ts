// For end-to-end tests: clair run as a user runs it, as its own process, in a UTF-8 locale with colour off.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { INSTALL_ROOT } from '../../world.js';

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs bin/clair with `args` in `cwd` (the checkout by default); `env` adds to or overrides the environment. */
export function runClair(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const result = spawnSync(process.execPath, [join(INSTALL_ROOT, 'bin', 'clair'), ...args], {
    cwd: options.cwd ?? INSTALL_ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', NO_COLOR: '1', ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
