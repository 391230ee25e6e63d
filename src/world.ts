// The World owns every access to the disk and the clock (the seam Typst calls `World`): loading, building and
// tests go through it, which keeps builds reproducible and lets tests point clair at fixture folders.
import { closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The clair installation: templates, fonts and schemas ship with it. */
export const INSTALL_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Files of clair's own installation (fonts, templates) are read up to this size; the largest, a CJK font
 * collection, is 20 MB. Data files and photos have limits of their own, given by their readers.
 */
export const MAX_INSTALL_FILE_BYTES = 256 * 1024 * 1024;

/**
 * A path that is not a regular file (a named pipe, a device such as /dev/zero, a folder), or a file larger than its
 * reader allows. Checked on the open file before a byte is read, so a pipe never blocks and a huge file is never
 * held in memory. `code` is errno-like, for messages that show the reason.
 */
export class FileLimitError extends Error {
  constructor(
    readonly path: string,
    readonly code: 'ENOTREG' | 'EFBIG',
    /** What the path is (code ENOTREG) or its size in bytes (code EFBIG). */
    readonly kind: 'named pipe' | 'device' | 'socket' | 'folder' | 'file',
    readonly size: number,
    readonly limit: number,
  ) {
    super(code === 'EFBIG' ? `${path}: ${size} bytes, more than ${limit}` : `${path}: a ${kind}, not a file`);
  }

  /** The reason in words, for "cannot read …" messages. */
  get reason(): { en: string; ja: string } {
    if (this.code === 'EFBIG') {
      return { en: `${this.size.toLocaleString('en')} bytes, more than the ${this.limit.toLocaleString('en')} clair reads`, ja: `${this.size.toLocaleString('ja')} バイトあり、読める上限の ${this.limit.toLocaleString('ja')} バイトを超えています` };
    }
    const ja = { 'named pipe': '名前付きパイプ', device: 'デバイス', socket: 'ソケット', folder: 'フォルダ', file: 'ファイル' }[this.kind];
    return { en: `it is a ${this.kind}, not a regular file`, ja: `通常のファイルではなく${ja}です` };
  }
}

function kindOf(stat: Stats): FileLimitError['kind'] {
  if (stat.isFIFO()) return 'named pipe';
  if (stat.isDirectory()) return 'folder';
  if (stat.isSocket()) return 'socket';
  return stat.isFile() ? 'file' : 'device';
}

/** Refuses what is not a regular file or is larger than `limit`, before reading. */
function checkOpened(path: string, stat: Stats, limit: number): void {
  if (!stat.isFile()) throw new FileLimitError(path, 'ENOTREG', kindOf(stat), 0, limit);
  if (stat.size > limit) throw new FileLimitError(path, 'EFBIG', 'file', stat.size, limit);
}

/** Opening with O_NONBLOCK: a named pipe opens at once instead of waiting for a writer; regular files ignore it. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export interface WorldOptions {
  /** The data root: one folder per office. */
  dataRoot: string;
  templatesDir?: string;
  fontsDir?: string;
  /** Working directory used to show paths relative to where the user ran clair. */
  cwd?: string;
}

export class World {
  readonly dataRoot: string;
  readonly templatesDir: string;
  readonly fontsDir: string;
  readonly cwd: string;

  constructor(options: WorldOptions) {
    this.cwd = options.cwd ?? process.cwd();
    this.dataRoot = resolve(this.cwd, options.dataRoot);
    this.templatesDir = options.templatesDir ?? join(INSTALL_ROOT, 'templates');
    this.fontsDir = options.fontsDir ?? join(INSTALL_ROOT, 'fonts');
  }

  /** A path as the user should see it: relative to the working directory when inside it. */
  display(path: string): string {
    const rel = relative(this.cwd, path);
    return rel && !rel.startsWith('..') && !rel.startsWith(sep) ? rel.split(sep).join('/') : path;
  }

  exists(path: string): boolean {
    return existsSync(path);
  }

  isDirectory(path: string): boolean {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  }

  /**
   * What changes whenever a file's content may have: size, modification and status-change times (ns), inode and
   * device. Caches keyed by content use it, as git's index does, to skip reading a file that has not changed.
   */
  stamp(path: string): string {
    const s = statSync(path, { bigint: true });
    return [s.size, s.mtimeNs, s.ctimeNs, s.ino, s.dev].join(':');
  }

  /** The path with symbolic links resolved (for checks that a file stays inside a folder). */
  realPath(path: string): string {
    return realpathSync(path);
  }

  /**
   * The bytes of a regular file of at most `limit` bytes; anything else throws FileLimitError before a byte is
   * read (see there), and a file that grows while it is read stops at the limit instead of filling the memory.
   */
  readBytes(path: string, limit = MAX_INSTALL_FILE_BYTES): Uint8Array {
    const fd = openSync(path, OPEN_FLAGS);
    try {
      const stat = fstatSync(fd);
      checkOpened(path, stat, limit);
      const buffer = Buffer.allocUnsafe(Math.min(stat.size, limit) + 1);
      let length = 0;
      for (let read = -1; read !== 0 && length < buffer.length;) {
        read = readSync(fd, buffer, length, buffer.length - length, null);
        length += read;
      }
      if (length > limit) throw new FileLimitError(path, 'EFBIG', 'file', length, limit);
      return buffer.subarray(0, length);
    } finally {
      closeSync(fd);
    }
  }

  /**
   * The first `count` bytes of a regular file of at most `limit` bytes and its size, with readBytes' checks: enough
   * to tell a file's type without reading all of it.
   */
  readHead(path: string, count: number, limit: number): { size: number; head: Uint8Array } {
    const fd = openSync(path, OPEN_FLAGS);
    try {
      const stat = fstatSync(fd);
      checkOpened(path, stat, limit);
      const head = Buffer.alloc(Math.min(count, stat.size));
      const read = readSync(fd, head, 0, head.length, 0);
      return { size: stat.size, head: head.subarray(0, read) };
    } finally {
      closeSync(fd);
    }
  }

  /** Reads on libuv's threads, for large files read ahead of need (fonts); the same checks as readBytes. */
  async readBytesLater(path: string, limit = MAX_INSTALL_FILE_BYTES): Promise<Uint8Array> {
    const file = await open(path, OPEN_FLAGS);
    try {
      checkOpened(path, await file.stat(), limit);
      return await file.readFile();
    } finally {
      await file.close();
    }
  }

  /**
   * What `make` derives from the file at `path` alone (a data file's parsed YAML and its own problems). This World
   * makes it on every call; the World of `clair serve` keeps it until the watcher says the file changed.
   */
  derived<T>(_path: string, _kind: string, make: () => T): T {
    return make();
  }

  readText(path: string, limit = MAX_INSTALL_FILE_BYTES): string {
    return new TextDecoder().decode(this.readBytes(path, limit));
  }

  list(dir: string): string[] {
    return readdirSync(dir).sort();
  }

  /** Office ids: folders of the data root that hold an office.yaml. */
  offices(): string[] {
    if (!this.isDirectory(this.dataRoot)) return [];
    return this.list(this.dataRoot).filter(
      (name) => this.isDirectory(join(this.dataRoot, name)) && (this.exists(join(this.dataRoot, name, 'office.yaml')) || this.exists(join(this.dataRoot, name, 'office.yml'))),
    );
  }

  officeDir(officeId: string): string {
    return join(this.dataRoot, officeId);
  }

  /**
   * The build's timestamp: SOURCE_DATE_EPOCH when set (reproducible-builds.org), otherwise the given fallback
   * from the data (the brochure's publication date). Never the wall clock, so outputs are byte-identical.
   */
  buildDate(fallbackIsoDate: string): Date {
    const epoch = process.env.SOURCE_DATE_EPOCH;
    if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
    return new Date(`${fallbackIsoDate}T00:00:00Z`);
  }
}
