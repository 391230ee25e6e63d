// For end-to-end tests that spawn the compiled CLI: recompiles dist/ when a source the test depends on is newer
// than the built file it runs.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { INSTALL_ROOT } from '../../world.js';

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('__')) newest = Math.max(newest, newestSource(path));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

/** `built` is a path under dist/; `sourceDirs` are folders under src/ whose sources it depends on. */
export function compileIfStale(built: string, sourceDirs: string[]): void {
  const output = join(INSTALL_ROOT, 'dist', built);
  const sources = Math.max(...sourceDirs.map((dir) => newestSource(join(INSTALL_ROOT, 'src', dir))));
  if (existsSync(output) && statSync(output).mtimeMs >= sources) return;
  // Type errors elsewhere in the tree do not stop tsc from emitting; the spawned CLI shows whether it works.
  try {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: INSTALL_ROOT, stdio: 'pipe' });
  } catch {
    // reported through the tests that run the CLI
  }
}
