// Renders an edition of an office's brochure in the requested formats: the view model once, then each renderer.
import type { Edition } from '../document/blocks.js';
import { buildDocument, editionsOf, type BuildInput } from '../document/build.js';
import { loadOffice, officeData } from '../load/office.js';
import { renderPdf } from '../render/pdf/index.js';
import { createPdfTypesetter } from '../render/pdf/typesetter.js';
import { World, type WorldOptions } from '../world.js';
import { DataError } from '../diagnostics.js';
import { PhotoError, PhotoErrors } from '../photos/index.js';
import { join } from 'node:path';
import { collectGarbageBetweenFiles } from './garbage.js';

/**
 * Photos that cannot be decoded are problems in the data (exit 1), located at the entry that names each one
 * (file:line:column of its `file:` value). The office's YAML is read again for the positions: only on this path.
 */
function photoDataError(input: BuildInput, errors: readonly PhotoError[]): DataError {
  const { world } = input;
  const sources = Object.values(loadOffice(world, input.officeId).sources).filter((s) => s !== undefined);
  return new DataError(errors.flatMap((error) => {
    const where = sources.flatMap((source) => photoEntries(source.data).filter((e) => join(input.officeDir, e.file) === error.path)
      .map((e) => ({ file: world.display(source.path), ...source.locate([...e.at, 'file']) })));
    return (where.length > 0 ? where : [{ file: world.display(error.path), line: 0, column: 0 }]).map(({ file, line, column }) => ({
      severity: 'error' as const, code: 'photo-not-image', file, line, column, pointer: '',
      message: {
        en: `photo "${world.display(error.path)}" cannot be decoded: ${error.reason}`,
        ja: `写真「${world.display(error.path)}」を読み込めません（${error.reason}）。JPEG で保存し直してください`,
      },
      found: error.reason,
      expected: { en: 'a complete JPEG, PNG, WebP, TIFF or HEIC image', ja: '壊れていない JPEG・PNG・WebP・TIFF・HEIC の画像' },
    }));
  }));
}

/** Every object with a string `file` in a data file (photo entries), with its place. */
function photoEntries(value: unknown, at: (string | number)[] = []): { file: string; at: (string | number)[] }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => photoEntries(item, [...at, i]));
  if (!value || typeof value !== 'object') return [];
  const own = typeof (value as { file?: unknown }).file === 'string' ? [{ file: (value as { file: string }).file, at }] : [];
  return [...own, ...Object.entries(value).flatMap(([key, item]) => photoEntries(item, [...at, key]))];
}

export type OutputFormat = 'pdf' | 'html';

export interface EditionJob {
  world: WorldOptions;
  officeId: string;
  editionId: string;
  formats: OutputFormat[];
}

export interface RenderedFile {
  name: string;
  format: OutputFormat;
  bytes: Uint8Array;
  pages?: number;
  milliseconds: number;
}

/** One edition from data already loaded (the build loads, validates and words the office once for all editions). */
export async function renderEditionOf(input: BuildInput, edition: Edition, formats: readonly OutputFormat[]): Promise<RenderedFile[]> {
  const { world, officeId } = input;
  const doc = buildDocument(input, edition);
  const files: RenderedFile[] = [];
  for (const format of formats) {
    // Each file starts on the heap that is alive, not on the garbage of the one before (garbage.ts).
    collectGarbageBetweenFiles();
    try {
      files.push(await renderFormat(doc, world, officeId, edition, format));
    } catch (error) {
      if (error instanceof PhotoError) throw photoDataError(input, [error]);
      if (error instanceof PhotoErrors) throw photoDataError(input, error.errors);
      throw error;
    }
  }
  return files;
}

async function renderFormat(doc: ReturnType<typeof buildDocument>, world: World, officeId: string, edition: Edition, format: OutputFormat): Promise<RenderedFile> {
  {
    const started = performance.now();
    if (format === 'pdf') {
      const bytes = await renderPdf(doc, world, await createPdfTypesetter(world, officeId));
      return { name: `brochure.${edition.id}.pdf`, format, bytes, pages: countPdfPages(bytes), milliseconds: performance.now() - started };
    } else {
      // Loaded only when asked for: the HTML renderer pulls in Handlebars and the font subsetter.
      const { renderHtml } = await import('../render/html/index.js');
      const bytes = await renderHtml(doc, world);
      return { name: `brochure.${edition.id}.html`, format, bytes, milliseconds: performance.now() - started };
    }
  }
}

/** One edition, reading the office's data itself (for callers outside a build, such as tests). */
export async function renderEdition(job: EditionJob): Promise<RenderedFile[]> {
  const world = new World(job.world);
  const loaded = loadOffice(world, job.officeId);
  const data = officeData(loaded);
  const edition = editionsOf(data.brochure).find((e) => e.id === job.editionId);
  if (!edition) throw new Error(`edition ${job.editionId} is not declared in brochure.yaml`);
  return renderEditionOf({ world, officeId: job.officeId, officeDir: loaded.dir, data }, edition, job.formats);
}

/** Page count from the page tree's /Count, for the progress line. */
function countPdfPages(bytes: Uint8Array): number | undefined {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const match = /\/Type \/Pages[\s\S]*?\/Count (\d+)/.exec(text);
  return match ? Number(match[1]) : undefined;
}
