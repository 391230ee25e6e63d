// Which office folders and files a validation covers, and reading them. Paths may name a data root (one folder per
// office), an office folder, or single data files; all disk access goes through the World.
//
// Reading an office here rather than with load/office.ts's loadOffice keeps TypeBox (90 ms to import) off the
// path of `clair validate`, and adds what only a validator cares about: files that are missing, misnamed, or
// present twice (office.yaml next to office.yml).
import { basename, dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { UsageError } from '../i18n/ui.js';
import { noOfficeData } from '../load/choose-office.js';
import type { LoadedOffice } from '../load/office.js';
import { readDataFile, UNREADABLE } from '../load/source.js';
import type { World } from '../world.js';
import { didYouMean } from './suggest.js';
import type { DataFileEntry } from './validators.js';

export interface OfficeTarget {
  /** Absolute path of the office folder. */
  dir: string;
  /** When only some files were named: their absolute paths. */
  only?: Set<string>;
}

const isYaml = (name: string) => /\.ya?ml$/i.test(name);

export interface Targets {
  offices: OfficeTarget[];
  /** YAML files lying in a data root outside any office folder. */
  strayFiles: Diagnostic[];
}

/** The office folders (and files) that `paths` name; no paths means every office of the data root. */
export function resolveTargets(world: World, paths: readonly string[], dataFiles: readonly DataFileEntry[]): Targets {
  const targets = new Map<string, OfficeTarget>();
  const strayFiles: Diagnostic[] = [];
  const addOffice = (dir: string, file?: string) => {
    const existing = targets.get(dir);
    if (existing && !existing.only) return;
    if (!file) {
      targets.set(dir, { dir });
      return;
    }
    const only = existing?.only ?? new Set<string>();
    only.add(file);
    targets.set(dir, { dir, only });
  };
  const given = paths.length > 0 ? paths.map((p) => resolve(world.cwd, p)) : [world.dataRoot];
  for (const path of given) {
    if (!world.exists(path)) {
      const shown = world.display(path);
      throw new UsageError(paths.length > 0
        ? { en: `no such file or folder: ${shown}`, ja: `ファイルまたはフォルダがありません: ${shown}` }
        : { en: `the data folder ${shown} does not exist (use --data <folder>)`, ja: `データフォルダ ${shown} がありません（--data <フォルダ> で指定できます）` });
    }
    if (!world.isDirectory(path)) {
      if (!isYaml(path)) {
        throw new UsageError({ en: `${world.display(path)} is not a YAML data file (.yaml or .yml)`, ja: `${world.display(path)} は YAML のデータファイル（.yaml / .yml）ではありません` });
      }
      addOffice(dirname(path), path);
      continue;
    }
    // A folder named on the command line may be an office folder; the data root (--data) is always a root, read
    // by the rule every command follows: an office is a folder holding office.yaml.
    if (paths.length > 0 && isOfficeFolder(world, path, dataFiles)) {
      addOffice(path);
      continue;
    }
    const folders = officeFolders(world, path);
    const offices = folders.filter((dir) => holdsOfficeYaml(world, dir));
    if (offices.length === 0) throw noOfficeData(world.display(path));
    for (const office of offices) addOffice(office);
    for (const dir of folders.filter((folder) => !offices.includes(folder) && world.list(folder).some(isYaml))) {
      strayFiles.push(fileProblem(world.display(dir), 'not-an-office', 'warning',
        { en: `${world.display(dir)} holds YAML files but no office.yaml, so it is not an office and is not read`, ja: `${world.display(dir)} には YAML ファイルがありますが office.yaml がないため、事務所として読み込まれません` },
        { en: `an office.yaml in ${world.display(dir)}`, ja: `${world.display(dir)} に office.yaml` }));
    }
    for (const name of world.list(path).filter(isYaml)) {
      const file = world.display(join(path, name));
      strayFiles.push(fileProblem(file, 'stray-file', 'warning',
        { en: `${name} lies in the data root, outside any office folder, and is not read`, ja: `${name} はデータルートにあり、どの事務所のフォルダにも入っていないため読み込まれません` },
        { en: 'data files inside an office folder, e.g. seoul/office.yaml', ja: '事務所のフォルダ内のデータファイル（例: seoul/office.yaml）' }));
    }
  }
  return { offices: [...targets.values()], strayFiles };
}

/**
 * A folder of office folders is a data root, even with a stray data file in it; a folder with data files (or
 * with nothing at all) is an office.
 */
function isOfficeFolder(world: World, dir: string, dataFiles: readonly DataFileEntry[]): boolean {
  const subfolders = officeFolders(world, dir);
  const hasOffices = subfolders.some((sub) => holdsOfficeYaml(world, sub));
  if (hasOffices) return false;
  const known = new Set(dataFiles.flatMap((entry) => [entry.file, entry.file.replace(/\.yaml$/, '.yml')]));
  return world.list(dir).some((name) => known.has(name)) || subfolders.length === 0;
}

const holdsOfficeYaml = (world: World, dir: string) => world.exists(join(dir, 'office.yaml')) || world.exists(join(dir, 'office.yml'));

export function officeFolders(world: World, root: string): string[] {
  return world.list(root).filter((name) => !name.startsWith('.') && world.isDirectory(join(root, name))).map((name) => join(root, name));
}

export interface ReadOffice {
  office: LoadedOffice;
  /** Data files that exist, whether or not they could be read and parsed. */
  present: Set<DataFileEntry['key']>;
  /** Display paths of the YAML files looked at, for summaries and JUnit suites. */
  files: string[];
  /** Seconds spent reading and parsing each file, by display path (JUnit's time). */
  seconds: Map<string, number>;
}

/** Reads every YAML file of an office folder; problems with the folder itself become diagnostics. */
export function readOffice(world: World, dir: string, dataFiles: readonly DataFileEntry[]): ReadOffice {
  const office: LoadedOffice = { id: basename(dir), dir, sources: {}, unknownFiles: [], diagnostics: [] };
  const files: string[] = [];
  const present = new Set<DataFileEntry['key']>();
  const seconds = new Map<string, number>();
  const names = world.list(dir).filter((name) => isYaml(name) && !world.isDirectory(join(dir, name)));
  const known = dataFiles.map((entry) => entry.file);
  for (const name of names) {
    const path = join(dir, name);
    const shown = world.display(path);
    files.push(shown);
    const canonical = name.replace(/\.yml$/, '.yaml');
    const entry = dataFiles.find((e) => e.file === canonical);
    if (!entry) {
      office.unknownFiles.push(path);
      const suggestion = didYouMean(name.replace(/\.ya?ml$/i, ''), known.map((file) => file.replace(/\.yaml$/, '')));
      office.diagnostics.push(fileProblem(shown, 'unknown-file', 'warning', suggestion
        ? { en: `clair does not read ${name}; did you mean ${suggestion}.yaml?`, ja: `${name} は clair のデータファイルではありません。${suggestion}.yaml の間違いではありませんか？` }
        : { en: `clair does not read ${name}: it is not one of the data files`, ja: `${name} は clair のデータファイルではありません（読み込まれません）` },
      { en: `one of: ${known.join(', ')}`, ja: `次のいずれか: ${known.join(', ')}` }));
      continue;
    }
    if (name !== entry.file && names.includes(entry.file)) {
      office.diagnostics.push(fileProblem(shown, 'duplicate-file', 'error',
        { en: `both ${entry.file} and ${name} exist; keep one of them`, ja: `${entry.file} と ${name} の両方があります。どちらか一方にしてください` },
        { en: `only ${entry.file}`, ja: `${entry.file} だけ` }));
      continue;
    }
    present.add(entry.key);
    const started = performance.now();
    const read = readDataFile(world, path);
    seconds.set(shown, (performance.now() - started) / 1000);
    if (read.ok) {
      office.sources[entry.key] = read.source;
      office.diagnostics.push(...(read.source.warnings ?? []));
    } else office.diagnostics.push(...read.diagnostics);
  }
  for (const entry of dataFiles) {
    if (!entry.required) continue;
    if (names.some((name) => name.replace(/\.yml$/, '.yaml') === entry.file)) continue;
    office.diagnostics.push(fileProblem(world.display(join(dir, entry.file)), 'missing-file', 'error',
      { en: `the office folder ${world.display(dir)} has no ${entry.file}; every office needs one`, ja: `事務所のフォルダ ${world.display(dir)} に ${entry.file} がありません（必須です）` },
      { en: `a file ${entry.file} in ${world.display(dir)}`, ja: `${world.display(dir)} に ${entry.file}` }));
  }
  return { office, files, present, seconds };
}

function fileProblem(file: string, code: string, severity: Diagnostic['severity'], message: Diagnostic['message'], expected?: Diagnostic['expected']): Diagnostic {
  return { severity, code, file, line: 0, column: 0, pointer: '', message, ...(expected ? { expected } : {}) };
}

export { UNREADABLE };
