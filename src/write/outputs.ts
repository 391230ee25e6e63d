// The one place that writes build outputs. Files are staged in a hidden folder next to their destination; when
// every edition has rendered, the staged folder (with any other files the destination held) replaces the
// destination in one directory swap, so a failed or interrupted build leaves the previous outputs untouched, never
// a half-written file, and never a mix of old and new editions.
import { closeSync, existsSync, fsyncSync, linkSync, copyFileSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

  /** Puts every staged file into place at once: the staged folder takes the destination's place. */
  commit(): string[] {
    // Files of the destination that this build does not replace stay (hard links: no copy, no change to them).
    if (existsSync(this.dir)) carryOver(this.dir, this.stagingDir, new Set(this.staged.keys()));
    const previous = `${this.stagingDir}-previous`;
    const hadPrevious = existsSync(this.dir);
    if (hadPrevious) renameSync(this.dir, previous);
    try {
      renameSync(this.stagingDir, this.dir);
    } catch (error) {
      if (hadPrevious) renameSync(previous, this.dir);
      throw error;
    }
    this.committed = true;
    if (hadPrevious) rmSync(previous, { recursive: true, force: true });
    this.cleanup();
    return [...this.staged.keys()].map((name) => join(this.dir, name));
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

function carryOver(from: string, to: string, replaced: Set<string>, prefix = ''): void {
  for (const name of readdirSync(from)) {
    const relative = prefix ? `${prefix}/${name}` : name;
    if (replaced.has(relative)) continue;
    const source = join(from, name);
    const target = join(to, name);
    if (statSync(source).isDirectory()) {
      mkdirSync(target, { recursive: true });
      carryOver(source, target, replaced, relative);
    } else if (!existsSync(target)) {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
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
    const pid = Number(name.slice(STAGING_PREFIX.length).replace(/-previous$/, ''));
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
