// The one place that writes build outputs, so that at every instant the output folder holds either the complete
// previous set of files or the complete new one, and never a half-written file.
//
// Layout under the output root (e.g. out/):
//   seoul-2026                 a symbolic link to .clair/seoul-2026/<n>: the folder readers open
//   .clair/seoul-2026/<n>/     one complete set of outputs per build; only the one linked is kept
//   .clair/seoul-2026.lock     the process id of the build writing that folder
//
// Why a link: rename(2) replaces a link in one step, but no call reachable from Node replaces a non-empty folder
// by another in one step (Linux's RENAME_EXCHANGE is not exposed). Swapping two folders by name takes two renames,
// and a build killed between them left no output folder at all. A build writes its files into a new numbered
// folder nobody reads yet, then renames a new link over the old one; a killed build only ever leaves an unlinked
// numbered folder, which the next build removes. The one exception is a real folder left by an older clair: it is
// moved aside and replaced by the link in two steps, and a build killed between them has it put back by the next.
//
// Where no link can be made (Windows without Developer Mode or administrator rights, a FAT or exFAT drive, some
// network shares: symlink fails with EPERM or ENOTSUP), or where rename cannot replace a folder's name (Windows
// refuses to rename over an existing folder or link), the new set is swapped in by two renames: the output folder
// is moved aside to .clair/seoul-2026/legacy, then this build's folder takes its name. Both sets stay complete on
// disk at every instant, but between the two renames the output folder's name is missing; a build killed there has
// the previous set put back by the next build (or `clair build` run), before it writes anything. (A junction would
// not help: Windows cannot rename over a junction either, and a junction stores an absolute path.)
import {
  closeSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, renameSync,
  rmSync, symlinkSync, writeFileSync, copyFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { IoError } from '../i18n/ui.js';

/** Clair's bookkeeping folder in the output root. */
export const BOOKKEEPING = '.clair';
/** Where a folder written by an older clair (a real folder, not a link) is kept while it is replaced. */
const LEGACY = 'legacy';
/** Staging folders of clair versions before this layout; removed when their build is no longer running. */
const OLD_STAGING_PREFIX = '.clair-staging-';

export class OutputSet {
  private readonly staged = new Map<string, string>();
  private readonly root: string;
  private readonly folder: string;
  private readonly versions: string;
  private readonly lock: string;
  private readonly nextLink: string;
  private version: string | undefined;
  private state: 'open' | 'committed' | 'closed' = 'open';

  /** `dir` is the destination folder, e.g. out/seoul-2026. Takes the folder's lock and cleans what killed builds left. */
  constructor(readonly dir: string) {
    this.root = dirname(dir);
    this.folder = basename(dir);
    this.versions = join(this.root, BOOKKEEPING, this.folder);
    this.lock = join(this.root, BOOKKEEPING, `${this.folder}.lock`);
    this.nextLink = join(this.root, BOOKKEEPING, `${this.folder}.next`);
    guard(this.root, () => {
      if (!exists(this.versions)) mkdirSync(this.versions, { recursive: true });
    });
    // No signal handlers: a build killed at any instant leaves a complete set (and the next build cleans up), while
    // a handler would keep Ctrl-C or SIGTERM waiting until the event loop turns.
    guard(this.root, () => takeLock(this.lock, dir));
    try {
      guard(this.root, () => {
        this.recover();
        this.version = join(this.versions, String(nextNumber(this.versions)));
        mkdirSync(this.version);
      });
    } catch (error) {
      this.abandon();
      throw error;
    }
  }

  /** Writes a file (flushed to disk) under its final name into this build's own folder, which nobody reads yet. */
  stage(name: string, bytes: Uint8Array | string): void {
    if (this.state !== 'open') throw new Error('outputs already committed');
    const path = join(this.version!, name);
    guard(this.root, () => {
      if (name.includes('/')) mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, bytes);
      syncPath(path);
    });
    this.staged.set(name, path);
  }

  /** Puts every staged file into place at once by pointing the output folder's link at this build's folder. */
  commit(): string[] {
    if (this.state !== 'open') throw new Error('outputs already committed');
    const version = this.version!;
    guard(this.root, () => {
      const current = this.currentTarget();
      // Files of the destination that this build does not replace stay (hard links: no copy, no change to them).
      if (current !== undefined) carryOver(current, version, new Set(this.staged.keys()));
      syncPath(version);
      // (No link is left at nextLink: recover() removed it, and this build holds the lock.)
      if (makeLink(join(BOOKKEEPING, this.folder, basename(version)), this.nextLink, 'dir')) {
        if (current !== undefined && !isLink(this.dir)) {
          // A real folder from an older clair (or from a swap): moved aside first (see the top of this file).
          renameSync(this.dir, join(this.versions, LEGACY));
        }
        this.replace(this.nextLink);
      } else {
        this.swapIn(version);
      }
      syncPath(this.root);
    });
    this.state = 'committed';
    // The previous sets are no longer linked: nobody can open them by the output folder's name any more.
    this.removeUnlinked();
    this.close();
    return [...this.staged.keys()].map((name) => join(this.dir, name));
  }

  /** Renames `from` to the output folder's name: in one step where the system replaces names, else in two. */
  private replace(from: string): void {
    try {
      renameSync(from, this.dir);
      return;
    } catch (error) {
      if (!CANNOT_REPLACE.has((error as NodeJS.ErrnoException).code ?? '') || !exists(this.dir)) throw error;
    }
    this.swapIn(from);
  }

  /**
   * The two-rename swap (see the top of this file): the output folder moved aside, then `from` given its name. If
   * the second rename fails, the first is undone at once; if the build is killed between them, recover() undoes it.
   */
  private swapIn(from: string): void {
    const aside = join(this.versions, LEGACY);
    if (exists(this.dir)) {
      try {
        renameSync(this.dir, aside);
      } catch (error) {
        // The folder was writable a moment ago (this build wrote beside it): Windows will not move a folder while a
        // program holds a file in it open.
        if (!IN_USE.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
        throw new IoError({
          en: `cannot replace ${this.dir}: a file in it is open in another program (a PDF viewer?); close it and build again (the previous outputs are untouched)`,
          ja: `${this.dir} を置き換えられません。中のファイルが別のプログラム（PDF ビューアーなど）で開かれています。閉じてからもう一度ビルドしてください（以前の出力はそのままです）`,
        });
      }
    }
    try {
      renameSync(from, this.dir);
    } catch (error) {
      if (exists(aside) && !exists(this.dir)) renameSync(aside, this.dir);
      throw error;
    }
  }

  /** Drops everything staged; the destination is not touched. */
  abandon(): void {
    if (this.state === 'closed') return;
    if (this.state === 'open' && this.version) rmSync(this.version, { recursive: true, force: true });
    if (exists(this.nextLink)) rmSync(this.nextLink, { force: true });
    this.close();
  }

  /** The folder the output folder's name shows now: a numbered folder, a real folder, or undefined if none. */
  private currentTarget(): string | undefined {
    let stat;
    try {
      stat = lstatSync(this.dir);
    } catch {
      return undefined;
    }
    if (stat.isSymbolicLink()) {
      const target = readlinkSync(this.dir);
      return resolve(this.root, target);
    }
    return stat.isDirectory() ? this.dir : undefined;
  }

  /** The linked set of a build killed half-way (a real folder moved aside and not yet replaced) is put back. */
  private recover(): void {
    const legacy = join(this.versions, LEGACY);
    if (this.currentTarget() === undefined && exists(legacy)) renameSync(legacy, this.dir);
    if (exists(this.nextLink)) rmSync(this.nextLink, { force: true });
    this.removeUnlinked();
    removeOldStaging(this.root);
  }

  /** Removes every numbered folder the output folder does not link to (sets of killed builds, previous sets). */
  private removeUnlinked(): void {
    const current = this.currentTarget();
    for (const name of list(this.versions)) {
      const path = join(this.versions, name);
      if (path === current || path === this.version && this.state === 'open') continue;
      rmSync(path, { recursive: true, force: true });
    }
  }

  private close(): void {
    this.state = 'closed';
    releaseLock(this.lock);
  }
}

/** symlink(2) errors that mean links cannot be made here (not a folder clair may not write to: that is EACCES/EROFS). */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);
/** rename(2) errors when the new name exists and the system will not replace it (Windows: EPERM for any folder). */
const CANNOT_REPLACE = new Set(['EPERM', 'EACCES', 'EEXIST', 'ENOTEMPTY', 'EISDIR', 'ENOTDIR']);

/** rename(2) errors on Windows when a program holds a file in the folder open. */
const IN_USE = new Set(['EBUSY', 'EPERM', 'EACCES']);

/** Makes a relative symbolic link; false when this system or file system does not let clair make one. */
function makeLink(target: string, path: string, type?: 'dir'): boolean {
  try {
    // On Windows a link to a folder must say so ('dir'); elsewhere the type is ignored.
    symlinkSync(target, path, type);
    return true;
  } catch (error) {
    if (NO_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) return false;
    throw error;
  }
}

/**
 * One lock per output folder: a file created only if it does not exist (O_EXCL), holding the pid of the build
 * writing the folder. A build killed before writing its pid leaves an empty lock, which the next build takes.
 */
function takeLock(lock: string, dir: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(readText(lock)?.trim());
    if (holder === process.pid) return;
    if (isAlive(holder)) {
      throw new IoError({
        en: `another clair build (process ${holder}) is writing ${dir}; try again when it has finished (or delete ${lock} if no build is running)`,
        ja: `別の clair のビルド（プロセス ${holder}）が ${dir} に書き込み中です。終わってからやり直してください（ビルドが動いていなければ ${lock} を削除してください）`,
      });
    }
    // The lock of a build that was killed: nobody holds it.
    rmSync(lock, { force: true });
  }
  writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
}

function releaseLock(lock: string): void {
  if (Number(readText(lock)?.trim()) === process.pid) rmSync(lock, { force: true });
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Copies the entries of `from` that this build does not write into `to`: files as hard links, folders walked,
 * symbolic links as links (never followed, so a link pointing outside is not copied and a loop is not walked).
 */
function carryOver(from: string, to: string, replaced: Set<string>, prefix = ''): void {
  for (const name of list(from)) {
    const relative = prefix ? `${prefix}/${name}` : name;
    if (replaced.has(relative)) continue;
    const source = join(from, name);
    const target = join(to, name);
    const stat = lstatSync(source);
    if (stat.isSymbolicLink()) {
      if (!exists(target) && !makeLink(readlinkSync(source), target)) {
        throw new IoError({
          en: `cannot keep the link ${source} in the new outputs: this system does not let clair make links (on Windows, Developer Mode allows them); move the link out of the output folder`,
          ja: `リンク ${source} を新しい出力に残せません。このシステムではリンクを作れません（Windows では開発者モードで作れます）。リンクを出力フォルダーの外へ移してください`,
        });
      }
    } else if (stat.isDirectory()) {
      mkdirSync(target, { recursive: true });
      carryOver(source, target, replaced, relative);
    } else if (stat.isFile() && !exists(target)) {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

/** The next folder number: one more than any number seen, so a new build never reuses a killed build's folder. */
function nextNumber(versions: string): number {
  let highest = 0;
  for (const name of list(versions)) if (/^\d+$/.test(name)) highest = Math.max(highest, Number(name));
  return highest + 1;
}

/** Staging folders of older clair versions whose build was killed (SIGKILL, power loss). */
function removeOldStaging(root: string): void {
  for (const name of list(root)) {
    if (!name.startsWith(OLD_STAGING_PREFIX)) continue;
    const pid = Number(name.slice(OLD_STAGING_PREFIX.length).replace(/-previous$/, ''));
    if (pid === process.pid || isAlive(pid)) continue;
    rmSync(join(root, name), { recursive: true, force: true });
  }
}

/** Flushes a file or a folder (its entries) to disk. */
function syncPath(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    // Windows cannot open a folder as a file (EISDIR, EPERM); NTFS journals the folder's entries itself.
    const code = (error as NodeJS.ErrnoException).code;
    if ((code === 'EISDIR' || code === 'EPERM') && lstatSync(path).isDirectory()) return;
    throw error;
  }
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A folder clair may not write to is an I/O problem worded for people, not an errno from deep inside a call. */
function guard<T>(root: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new IoError({
        en: `cannot write to ${root} (read-only): ${code === 'EROFS' ? 'the file system is mounted read-only' : 'no permission to write there'}`,
        ja: `${root} に書き込めません（読み取り専用）: ${code === 'EROFS' ? '読み取り専用のファイルシステムです' : '書き込みの権限がありません'}`,
      });
    }
    if (code === 'ENOSPC' || code === 'EDQUOT') {
      throw new IoError({ en: `cannot write to ${root}: the disk is full`, ja: `${root} に書き込めません: ディスクがいっぱいです` });
    }
    throw error;
  }
}

/** For tests: the bookkeeping paths of an output folder. */
export function bookkeepingOf(dir: string): { versions: string; lock: string } {
  return { versions: join(dirname(dir), BOOKKEEPING, basename(dir)), lock: join(dirname(dir), BOOKKEEPING, `${basename(dir)}.lock`) };
}
