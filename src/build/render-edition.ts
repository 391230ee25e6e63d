// Renders an edition of an office's brochure in the requested formats: the view model once, then each renderer.
import type { Edition } from '../document/blocks.js';
import { buildDocument, editionsOf, type BuildInput } from '../document/build.js';
import { loadOffice, officeData } from '../load/office.js';
import { renderPdf } from '../render/pdf/index.js';
import { createPdfTypesetter } from '../render/pdf/typesetter.js';
import { World, type WorldOptions } from '../world.js';

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
    const started = performance.now();
    if (format === 'pdf') {
      const bytes = await renderPdf(doc, world, await createPdfTypesetter(world, officeId));
      files.push({ name: `brochure.${edition.id}.pdf`, format, bytes, pages: countPdfPages(bytes), milliseconds: performance.now() - started });
    } else {
      // Loaded only when asked for: the HTML renderer pulls in Handlebars and the font subsetter.
      const { renderHtml } = await import('../render/html/index.js');
      const bytes = await renderHtml(doc, world);
      files.push({ name: `brochure.${edition.id}.html`, format, bytes, milliseconds: performance.now() - started });
    }
  }
  return files;
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
