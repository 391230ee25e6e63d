// Loads an office folder: every known data file parsed with source positions. Checking is the validator's job;
// this module only reads, so `clair validate` and `clair build` see exactly the same data.
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { DATA_FILE_NAMES, dataFileNamed } from '../schema/files.js';
import type { DataKey, OfficeData } from '../schema/index.js';
import type { World } from '../world.js';
import { readDataFile, type SourceFile } from './source.js';

export interface LoadedOffice {
  id: string;
  dir: string;
  /** Parsed files by data key; a file that failed to parse is absent and has diagnostics. */
  sources: Partial<Record<DataKey, SourceFile>>;
  /** Paths of YAML files in the folder that are not clair data files. */
  unknownFiles: string[];
  diagnostics: Diagnostic[];
}

export function loadOffice(world: World, officeId: string): LoadedOffice {
  const dir = world.officeDir(officeId);
  const loaded: LoadedOffice = { id: officeId, dir, sources: {}, unknownFiles: [], diagnostics: [] };
  const names = world.isDirectory(dir) ? world.list(dir) : [];
  for (const name of names) {
    if (!/\.ya?ml$/.test(name)) continue;
    const path = join(dir, name);
    const kind = dataFileNamed(name);
    if (!kind) {
      loaded.unknownFiles.push(path);
      continue;
    }
    const result = readDataFile(world, path);
    if (result.ok) {
      loaded.sources[kind.key] = result.source;
      loaded.diagnostics.push(...(result.source.warnings ?? []));
    } else loaded.diagnostics.push(...result.diagnostics);
  }
  return loaded;
}

/** The typed data of a loaded office. Only call after validation reported no errors. */
export function officeData(loaded: LoadedOffice): OfficeData {
  const data: Partial<OfficeData> = {};
  for (const kind of DATA_FILE_NAMES) {
    const source = loaded.sources[kind.key];
    if (source) (data as Record<string, unknown>)[kind.key] = source.data;
  }
  return data as OfficeData;
}
