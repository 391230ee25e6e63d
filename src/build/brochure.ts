// `clair build brochure` as a pipeline: load → validate → lay out each edition → write all outputs atomically. The
// CLI file only parses options and prints.
//
// Editions are laid out one after the other in this process. Worker threads were measured no faster on the 2-core
// machines this runs on, three times: with fontkit (each thread re-parsed 40 MB of CJK fonts), with harfbuzz (two
// workers 3.0 s and 595 MB for the three Seoul PDFs against 2.3 s and 333 MB in one thread), and with clair's own
// subsetters (the bilingual edition on a worker: 1.61–1.76 s against 1.65 s in 10 alternating runs, 3.0 s of CPU
// against 2.1 s). Each thread pays its own start-up, module loading and JIT warm-up, and the second and third
// editions here reuse the first one's shaped text, subsets and compiled code. Cutting only the font subsets on a
// worker while the next edition is laid out was measured slower too (20 alternating runs: 1.96 s against 1.79 s).
import { join } from 'node:path';
import { editionsOf, type BuildInput } from '../document/build.js';
import { loadLabels } from '../document/text.js';
import type { Edition } from '../document/blocks.js';
import { UsageError } from '../i18n/ui.js';
import { chooseOffice } from '../load/choose-office.js';
import { loadOffice, officeData, type LoadedOffice } from '../load/office.js';
import type { OfficeData } from '../schema/index.js';
import { computeMetrics } from '../metrics/compute.js';
import { loadMetricLabels } from '../metrics/labels.js';
import type { World } from '../world.js';
import { OutputSet } from '../write/outputs.js';
import { subsetterReady } from '../typeset/harfbuzz.js';
import { renderEditionOf, type OutputFormat, type RenderedFile } from './render-edition.js';

export interface BuildOptions {
  officeId?: string;
  year?: number;
  /** Edition ids (ja, ko, ja-ko); default every edition the brochure declares. */
  editions?: string[];
  formats: OutputFormat[];
  /** Output root; files go to <outRoot>/<office>-<year>/. */
  outRoot: string;
}

export interface BuildReporter {
  stage(name: 'load' | 'validate' | 'layout' | 'write', detail?: string): void;
  edition(file: RenderedFile & { edition: string }): void;
}

export interface BuildResult {
  officeId: string;
  year: number;
  dir: string;
  files: (RenderedFile & { edition: string; path: string })[];
}

function selectEditions(all: Edition[], requested: string[] | undefined): Edition[] {
  if (!requested || requested.length === 0) return all;
  // `--lang ja,ja` asks for one edition: built once, reported once.
  return [...new Set(requested)].map((id) => {
    const edition = all.find((e) => e.id === id);
    if (!edition) {
      throw new UsageError({
        en: `edition "${id}" is not declared in brochure.yaml (editions: ${all.map((e) => e.id).join(', ')})`,
        ja: `版「${id}」は brochure.yaml にありません（あるもの: ${all.map((e) => e.id).join(', ')}）`,
      });
    }
    return edition;
  });
}

/**
 * The office's data once checked, without the parsed YAML documents it was read from: those keep every node's
 * place for messages (~25 MB for 10,000 events) and would stay alive through the whole build. A photo that fails
 * at build time reads the files again for its place (render-edition.ts).
 */
async function checkedData(
  world: World, officeId: string, validate: (officeId: string) => Promise<LoadedOffice | void> | LoadedOffice | void,
): Promise<{ data: OfficeData; officeDir: string }> {
  const loaded = (await validate(officeId)) ?? loadOffice(world, officeId);
  return { data: officeData(loaded), officeDir: loaded.dir };
}

/**
 * `validate` checks the office and throws on errors; it may return the office it read so the build does not read
 * the data a second time.
 */
export async function buildBrochure(
  world: World, options: BuildOptions, reporter: BuildReporter,
  validate: (officeId: string) => Promise<LoadedOffice | void> | LoadedOffice | void,
): Promise<BuildResult> {
  reporter.stage('load');
  // For HTML editions, the renderer's modules load and harfbuzz's font subsetter compiles in the background while
  // the data is read and checked. (PDF editions cut their subsets without harfbuzz, unless a font is of a kind
  // clair's subsetters do not know.)
  if (options.formats.includes('html')) {
    void import('../render/html/index.js').catch(() => undefined);
    void subsetterReady().catch(() => undefined);
  }
  const officeId = chooseOffice(world, options.officeId);
  reporter.stage('validate');
  const { data, officeDir } = await checkedData(world, officeId, validate);
  const year = data.brochure.edition;
  if (options.year !== undefined && options.year !== year) {
    throw new UsageError({
      en: `the data of ${officeId} is for the ${year} brochure, not ${options.year} (brochure.yaml: edition)`,
      ja: `${officeId} のデータは ${year} 年版です（${options.year} 年版ではありません。brochure.yaml の edition）`,
    });
  }
  const editions = selectEditions(editionsOf(data.brochure), options.editions);
  reporter.stage('layout');
  // Wording and metrics are read once and shared by every edition.
  const input: BuildInput = {
    world, officeId, officeDir, data,
    labels: loadLabels(world, [...new Set(editions.flatMap((e) => e.languages))]),
    metrics: { series: computeMetrics(data), labels: loadMetricLabels(world) },
  };
  // The edition with the most languages is laid out first: its PDF sets every text once per language and pdfmake
  // holds the whole laid-out edition until it writes it (~300 MB alive for a bilingual edition of 10,000 events).
  // First, it runs before the HTML editions have copied the fonts into harfbuzz's memory and before the other
  // editions' garbage has raised the heap: such a build peaked at 590–598 MB instead of 667–687 MB (614–627 MB
  // since the PDF's JLREQ spacing). The files are
  // reported and written in the order brochure.yaml declares.
  const order = [...editions].sort((a, b) => b.languages.length - a.languages.length);
  const byEdition = new Map<string, RenderedFile[]>();
  for (const [index, edition] of order.entries()) {
    // Says which edition is being laid out: the first one also opens the fonts and may take most of the build.
    reporter.stage('layout', `${edition.id} (${index + 1}/${editions.length})`);
    byEdition.set(edition.id, await renderEditionOf(input, edition, options.formats));
  }
  const rendered = editions.map((edition) => ({ edition: edition.id, files: byEdition.get(edition.id)! }));

  reporter.stage('write');
  const dir = join(options.outRoot, `${officeId}-${year}`);
  const outputs = new OutputSet(dir);
  try {
    for (const { edition, files } of rendered) for (const file of files) outputs.stage(file.name, file.bytes);
    outputs.commit();
  } catch (error) {
    outputs.abandon();
    throw error;
  }
  const files = rendered.flatMap(({ edition, files: list }) => list.map((f) => ({ ...f, edition, path: join(dir, f.name) })));
  for (const file of files) reporter.edition(file);
  return { officeId, year, dir, files };
}
