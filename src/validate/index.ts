// The validation pipeline shared by `clair validate` and `clair build`: read the office folders, check every file
// against its schema, then run the semantic rules on the files that passed. Both commands print the same
// diagnostics (formatDiagnostics) and `clair build` refuses data with errors (hasErrors).
import type { Diagnostic } from '../diagnostics.js';
import type { LoadedOffice } from '../load/office.js';
import type { LanguageTag } from '../schema/common.js';
import type { DataKey, Office, OfficeData } from '../schema/index.js';
import type { World } from '../world.js';
import { withSourceLines } from '../load/source.js';
import { readOffice, resolveTargets, UNREADABLE, type OfficeTarget } from './discover.js';
import { pointerOf } from './paths.js';
import { RULES, type Issue, type RuleContext, type SharedValue } from './rules/index.js';
import { walkShared } from './schema-walk.js';
import { refResolver, schemaDiagnostics } from './schema-errors.js';
import { loadValidators, type SharedSchemaName, type ValidatorSet } from './validators.js';

export interface ValidateOptions {
  /** Data roots, office folders or data files; default: the World's data root. */
  paths?: readonly string[];
  /** Warnings count as errors (a missing translation, an unknown file). */
  strict?: boolean;
  /** At most this many problems are listed per file (default 100); a last one says how many more there are. */
  maxProblemsPerFile?: number;
}

export interface ValidationResult {
  /** Sorted by file, line and column. */
  diagnostics: Diagnostic[];
  /** Every office read, with its own diagnostics; only use the data of offices without errors. */
  offices: LoadedOffice[];
  /** Display paths of the YAML files that were checked. */
  files: string[];
  /** Seconds spent on each file: reading, parsing and its schema check (rules look at whole offices). */
  fileSeconds: Map<string, number>;
}

/** By file, line and column; plain code-unit order so the first sort does not wait for ICU collation data. */
export function byLocation(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

export const hasErrors = (diagnostics: readonly Diagnostic[]) => diagnostics.some((d) => d.severity === 'error');
/** A file that exists but could not be read is an I/O failure (exit code 2), not a problem in the data. */
export const hasIoFailures = (diagnostics: readonly Diagnostic[]) => diagnostics.some((d) => d.code === UNREADABLE);

export async function validateOffices(world: World, options: ValidateOptions = {}): Promise<ValidationResult> {
  const validators = await loadValidators();
  const targets = resolveTargets(world, options.paths ?? [], validators.dataFiles);
  const result: ValidationResult = { diagnostics: [], offices: [], files: [], fileSeconds: new Map() };
  for (const stray of targets.strayFiles) {
    result.diagnostics.push(options.strict ? { ...stray, severity: 'error' } : stray);
    result.files.push(stray.file);
  }
  for (const target of targets.offices) {
    const checked = checkOffice(world, target, validators, options);
    result.offices.push(checked.office);
    result.files.push(...checked.files);
    for (const [file, seconds] of checked.seconds) result.fileSeconds.set(file, seconds);
    result.diagnostics.push(...checked.office.diagnostics);
  }
  result.diagnostics.sort(byLocation);
  result.files.sort();
  return result;
}

function checkOffice(world: World, target: OfficeTarget, validators: ValidatorSet, options: ValidateOptions) {
  const { office, files, present, seconds } = readOffice(world, target.dir, validators.dataFiles);
  const diagnostics = [...office.diagnostics];
  const resolveRef = refResolver(validators.shared);
  const data: Partial<OfficeData> = {};
  const sourceByKey = office.sources;
  const maxPerFile = options.maxProblemsPerFile ?? 100;
  /** Problems left out per file before they were even worded (see schemaDiagnostics). */
  const omitted = new Map<string, number>();
  /** Files that failed their schema, with the places of their schema problems. */
  const failed = new Map<DataKey, string[]>();
  for (const entry of validators.dataFiles) {
    const source = sourceByKey[entry.key];
    if (!source) continue;
    const validate = validators.validate[entry.id]!;
    const started = performance.now();
    const valid = validate(source.data);
    seconds.set(source.path, (seconds.get(source.path) ?? 0) + (performance.now() - started) / 1000);
    if (valid) {
      (data as Record<string, unknown>)[entry.key] = source.data;
      continue;
    }
    const found = schemaDiagnostics(validate.errors ?? [], source, source.path, resolveRef, maxPerFile);
    diagnostics.push(...found.diagnostics);
    if (found.omitted > 0) omitted.set(source.path, found.omitted);
    // A file with too many problems to word them all is not walked further: '*' stands for everywhere.
    failed.set(entry.key, found.omitted > 0 ? ['*'] : found.diagnostics.map((d) => d.pointer));
  }

  const report = (issue: Issue) => {
    const source = sourceByKey[issue.file];
    if (!source) return;
    const { line, column } = source.locate(issue.at, issue.where ?? 'value');
    diagnostics.push({
      severity: issue.severity ?? 'error', code: issue.code, file: source.path, line, column, pointer: pointerOf(issue.at),
      message: issue.message,
      ...(issue.found !== undefined ? { found: issue.found } : {}),
      ...(issue.expected ? { expected: issue.expected } : {}),
    });
  };
  let sharedValues: Map<SharedSchemaName, SharedValue[]> | undefined;
  const shared = (name: SharedSchemaName) => {
    sharedValues ??= collectShared(data, validators, sourceByKey, failed);
    return sharedValues.get(name) ?? [];
  };
  const context: RuleContext = {
    officeId: office.id, dir: office.dir, data, world, validators, report, shared,
    present,
    languages: declaredLanguages(sourceByKey.office?.data, validators),
  };
  for (const rule of RULES) rule.check(context);

  let kept = diagnostics;
  let shownFiles = files;
  if (target.only) {
    const only = new Set([...target.only].map((path) => world.display(path)));
    kept = kept.filter((d) => only.has(d.file));
    shownFiles = files.filter((file) => only.has(file));
  }
  if (options.strict) kept = kept.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' as const } : d));
  office.diagnostics = capPerFile(kept.sort(byLocation), maxPerFile, omitted).map((d) => withSourceLine(d, sourceByKey));
  return { office, files: shownFiles, seconds };
}

/** The line a diagnostic points at, from the file it is in, for the caret display. */
function withSourceLine(d: Diagnostic, sources: LoadedOffice['sources']): Diagnostic {
  if (d.sourceLine !== undefined || d.line < 1) return d;
  const source = Object.values(sources).find((s) => s?.path === d.file);
  return source ? withSourceLines([d], source.text)[0]! : d;
}

/**
 * Every shared building block of the office's files. A file that failed its schema is walked too, so that its
 * missing translations, texts in the wrong script and misspelt prefectures are reported in the same run as its
 * schema problems (one round of fixes, not one per phase); a value at or around a schema problem is left out, since
 * the schema's message already speaks of it.
 */
function collectShared(
  data: Partial<OfficeData>, validators: ValidatorSet, sources: LoadedOffice['sources'], failed: ReadonlyMap<DataKey, string[]>,
): Map<SharedSchemaName, SharedValue[]> {
  const found = new Map<SharedSchemaName, SharedValue[]>();
  for (const entry of validators.dataFiles) {
    const problems = failed.get(entry.key);
    const value = problems ? sources[entry.key]?.data : data[entry.key];
    const schema = validators.schemas[entry.id];
    if (value === undefined || !schema) continue;
    // A problem at the root (a key missing from the file) says nothing about the values inside it.
    const overlaps = (pointer: string) => problems?.some((p) => p === '*' || pointer === p
      || (p !== '' && pointer.startsWith(`${p}/`)) || (pointer !== '' && p.startsWith(`${pointer}/`))) ?? false;
    walkShared(value, schema, validators.shared, (name, shared, at) => {
      if (problems && overlaps(pointerOf(at))) return;
      const list = found.get(name);
      const item = { file: entry.key, at, value: shared };
      if (list) list.push(item);
      else found.set(name, [item]);
    });
  }
  return found;
}

/**
 * The office's languages, also when office.yaml has problems elsewhere: one typo in the office's address should
 * not hide every missing translation in the other files.
 */
function declaredLanguages(office: unknown, validators: ValidatorSet): LanguageTag[] | undefined {
  const languages = (office as Partial<Office> | null | undefined)?.languages;
  if (!Array.isArray(languages) || languages.length === 0) return undefined;
  const known = new Set<unknown>(validators.languageTags);
  if (!languages.every((tag) => known.has(tag)) || new Set(languages).size !== languages.length) return undefined;
  return languages;
}

/** A file full of garbage yields thousands of errors; the first hundred say what is wrong. */
function capPerFile(diagnostics: Diagnostic[], max: number, omitted: ReadonlyMap<string, number>): Diagnostic[] {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const out: Diagnostic[] = [];
  for (const [file, list] of byFile) {
    out.push(...list.slice(0, max));
    const rest = list.slice(max);
    const more = rest.length + (omitted.get(file) ?? 0);
    if (more === 0) continue;
    out.push({
      severity: rest.some((d) => d.severity === 'error') || omitted.has(file) ? 'error' : rest.some((d) => d.severity === 'warning') ? 'warning' : 'note', code: 'more-problems', file,
      line: 0, column: 0, pointer: '',
      message: { en: `… and ${more} more problems in this file (the first ${max} are shown)`, ja: `…ほかに ${more} 件の問題があります（最初の ${max} 件を表示）` },
    });
  }
  return out;
}

export { formatDiagnostics, summarize, type OutputFormat, OUTPUT_FORMATS } from './format/index.js';
export type { LoadedOffice };
