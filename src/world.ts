// The World owns every access to the disk and the clock (the seam Typst calls `World`): loading, building and
// tests go through it, which keeps builds reproducible and lets tests point clair at fixture folders.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The clair installation: templates, fonts and schemas ship with it. */
export const INSTALL_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

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

  /** The path with symbolic links resolved (for checks that a file stays inside a folder). */
  realPath(path: string): string {
    return realpathSync(path);
  }

  readBytes(path: string): Uint8Array {
    return readFileSync(path);
  }

  /** Reads on libuv's threads, for large files read ahead of need (fonts). */
  readBytesLater(path: string): Promise<Uint8Array> {
    return readFile(path);
  }

  readText(path: string): string {
    return readFileSync(path, 'utf8');
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
