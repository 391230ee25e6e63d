// The one place that writes build outputs. Files are staged in a hidden folder next to their destination and
// renamed into place only when every edition has rendered, so a failed or interrupted build leaves the previous
// outputs untouched and never a half-written file (rename is atomic within one file system).
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync, fsyncSync, openSync, closeSync } from 'node:fs';
import { dirname, join } from 'node:path';

const STAGING_PREFIX = '.clair-staging-';

export class OutputSet {
  private readonly staged = new Map<string, string>();
  private readonly stagingDir: string;
  private committed = false;
  private readonly onSignal = () => {
    this.abandon();
    process.exit(130);
  };

  /** `dir` is the destination folder, e.g. out/seoul-2026. */
  constructor(readonly dir: string) {
    this.stagingDir = join(dirname(dir), `${STAGING_PREFIX}${process.pid}`);
    removeStaleStaging(dirname(dir));
    mkdirSync(this.stagingDir, { recursive: true });
    process.once('SIGINT', this.onSignal);
    process.once('SIGTERM', this.onSignal);
  }

  /** Writes a file into the staging folder (flushed to disk) under its final name. */
  stage(name: string, bytes: Uint8Array | string): void {
    if (this.committed) throw new Error('outputs already committed');
    const path = join(this.stagingDir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.staged.set(name, path);
  }

  /** Moves every staged file into place. */
  commit(): string[] {
    mkdirSync(this.dir, { recursive: true });
    const written: string[] = [];
    for (const [name, path] of this.staged) {
      const target = join(this.dir, name);
      mkdirSync(dirname(target), { recursive: true });
      renameSync(path, target);
      written.push(target);
    }
    this.committed = true;
    this.cleanup();
    return written;
  }

  /** Drops everything staged; the destination is not touched. */
  abandon(): void {
    this.cleanup();
  }

  private cleanup(): void {
    rmSync(this.stagingDir, { recursive: true, force: true });
    process.removeListener('SIGINT', this.onSignal);
    process.removeListener('SIGTERM', this.onSignal);
  }
}

/** Staging folders of builds that were killed (SIGKILL, power loss) are removed at the next build. */
function removeStaleStaging(parent: string): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(STAGING_PREFIX)) continue;
    const pid = Number(name.slice(STAGING_PREFIX.length));
    if (pid === process.pid || isAlive(pid)) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
