// `clair build brochure` as a pipeline: load → validate → lay out each edition → write all outputs atomically. The
// CLI file only parses options and prints.
//
// Editions are laid out one after the other in this process. Worker threads were measured slower on the 2-core
// machines this runs on (each thread re-reads and re-parses 40 MB of CJK fonts, and two layouts compete for memory
// bandwidth): 5.5–6.5 s and 556 MB for the three Seoul PDFs against 4.0 s in one thread, where the second and third
// editions reuse the first one's parsed fonts.
import { join } from 'node:path';
import { editionsOf } from '../document/build.js';
import type { Edition } from '../document/blocks.js';
import { UsageError } from '../i18n/ui.js';
import { loadOffice, officeData } from '../load/office.js';
import type { World } from '../world.js';
import { OutputSet } from '../write/outputs.js';
import { renderEdition, type EditionJob, type OutputFormat, type RenderedFile } from './render-edition.js';

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

/** The single office of the data root, or the one asked for; a usage error otherwise. */
export function resolveOffice(world: World, requested?: string): string {
  const offices = world.offices();
  if (requested) {
    if (!offices.includes(requested)) {
      throw new UsageError({
        en: `no office "${requested}" under ${world.display(world.dataRoot)} (offices: ${offices.join(', ') || 'none'})`,
        ja: `${world.display(world.dataRoot)} に事務所「${requested}」がありません（あるもの: ${offices.join(', ') || 'なし'}）`,
      });
    }
    return requested;
  }
  if (offices.length === 1) return offices[0]!;
  if (offices.length === 0) {
    throw new UsageError({
      en: `no office data under ${world.display(world.dataRoot)} (expected a folder per office holding office.yaml; use --data DIR)`,
      ja: `${world.display(world.dataRoot)} に事務所のデータがありません（事務所ごとに office.yaml を含むフォルダが必要です。--data DIR で指定できます）`,
    });
  }
  throw new UsageError({
    en: `the data root holds several offices (${offices.join(', ')}); choose one with --office`,
    ja: `データに複数の事務所があります（${offices.join(', ')}）。--office で指定してください`,
  });
}

function selectEditions(all: Edition[], requested: string[] | undefined): Edition[] {
  if (!requested || requested.length === 0) return all;
  return requested.map((id) => {
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

export async function buildBrochure(world: World, options: BuildOptions, reporter: BuildReporter, validate: (officeId: string) => Promise<void> | void): Promise<BuildResult> {
  reporter.stage('load');
  const officeId = resolveOffice(world, options.officeId);
  reporter.stage('validate');
  await validate(officeId);
  const data = officeData(loadOffice(world, officeId));
  const year = data.brochure.edition;
  if (options.year !== undefined && options.year !== year) {
    throw new UsageError({
      en: `the data of ${officeId} is for the ${year} brochure, not ${options.year} (brochure.yaml: edition)`,
      ja: `${officeId} のデータは ${year} 年版です（${options.year} 年版ではありません。brochure.yaml の edition）`,
    });
  }
  const editions = selectEditions(editionsOf(data.brochure), options.editions);
  reporter.stage('layout');
  const worldOptions = { dataRoot: world.dataRoot, templatesDir: world.templatesDir, fontsDir: world.fontsDir, cwd: world.cwd };
  const jobs: EditionJob[] = editions.map((e) => ({ world: worldOptions, officeId, editionId: e.id, formats: options.formats }));
  const rendered = await renderInProcess(jobs);

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

async function renderInProcess(jobs: EditionJob[]): Promise<{ edition: string; files: RenderedFile[] }[]> {
  const out = [];
  for (const job of jobs) out.push({ edition: job.editionId, files: await renderEdition(job) });
  return out;
}
