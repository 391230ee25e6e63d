// Office folders for the build tests: a fresh copy of the Seoul data in a temporary folder that a test may break
// or extend (invalid values, photos), plus real image files made on the spot and helpers to compare output trees.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { parseDocument, type Document } from 'yaml';
import { INSTALL_ROOT, type World } from '../../world.js';
import { buildBrochure, type BuildOptions, type BuildReporter, type BuildResult } from '../brochure.js';
import { checkBeforeBuild } from '../check.js';

/** The data root shipped with clair: the Seoul office, the reference brochure. */
export const SHIPPED_DATA = join(INSTALL_ROOT, 'data');

/** A new empty folder under the system's temporary folder; remove it with `removeDir`. */
export function tempDir(purpose: string): string {
  return mkdtempSync(join(tmpdir(), `clair-${purpose}-`));
}

export function removeDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

export interface OfficeCopy {
  /** The data root to pass as --data / World.dataRoot. */
  dataRoot: string;
  /** The office folder inside it (data/seoul). */
  officeDir: string;
}

/** Copies data/seoul into `<root>/data/seoul`. */
export function copySeoul(root: string): OfficeCopy {
  const officeDir = join(root, 'data', 'seoul');
  cpSync(join(SHIPPED_DATA, 'seoul'), officeDir, { recursive: true });
  return { dataRoot: join(root, 'data'), officeDir };
}

/** Edits one YAML file of an office copy in place, keeping its comments and layout. */
export function editYaml(file: string, edit: (doc: Document) => void): void {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  edit(doc);
  writeFileSync(file, doc.toString());
}

/** A real PNG (8-bit RGB, unfiltered rows) of one colour: small enough to write by hand, valid for any decoder. */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type RGB, deflate, no filter, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A real JPEG: the first page of a PDF rasterised by poppler's pdftoppm at a tiny resolution. */
export function jpegOfFirstPage(pdfPath: string, outDir: string): Buffer {
  const prefix = join(outDir, 'first-page');
  execFileSync('pdftoppm', ['-jpeg', '-r', '10', '-f', '1', '-l', '1', '-singlefile', pdfPath, prefix]);
  return readFileSync(`${prefix}.jpg`);
}

export function writeFile(path: string, bytes: Uint8Array | string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}

/**
 * Every file and folder under `dir`, as sorted relative paths (folders end with /), as a reader sees them: through
 * the output folder's link, without clair's own bookkeeping folder (.clair: the sets behind the links, the locks).
 */
export function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      if (at === dir && name === '.clair') continue;
      const path = join(at, name);
      if (statSync(path).isDirectory()) {
        out.push(`${relative(dir, path)}/`);
        walk(path);
      } else out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}

/** The bytes of every file under `dir`, by relative path: compare two snapshots to prove nothing changed. */
export function snapshot(dir: string): Map<string, Buffer> {
  return new Map(tree(dir).filter((p) => !p.endsWith('/')).map((p) => [p, readFileSync(join(dir, p))]));
}

export const SILENT: BuildReporter = { stage() {}, edition() {} };

/**
 * `clair build brochure` without the command line: the same pipeline and the same check of the data before
 * rendering (which prints its diagnostics on stderr, as the command does, and throws a DataError).
 */
export function buildChecked(world: World, options: BuildOptions): Promise<BuildResult> {
  return buildBrochure(world, options, SILENT, (officeId) => checkBeforeBuild(world, officeId, 'en'));
}
