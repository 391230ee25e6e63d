// The compiled schema validators, loaded once per process. The fast path imports standalone code generated from
// the schemas (dist/validate/validators.generated.js, ~20 ms); when that file is missing or was generated from
// other schemas, the validators are compiled here instead (~0.5–1 s) and the file is rewritten for the next run.
// Nothing on the fast path imports TypeBox or compiles ajv: together they would take most of the time budget of
// `clair validate` (see bench/validate.bench.mjs).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LanguageTag } from '../schema/common.js';
import type { DataKey } from '../schema/index.js';

/** A JSON Schema node as clair's schemas use them. */
export interface JsonSchema {
  $ref?: string;
  $id?: string;
  type?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  [keyword: string]: unknown;
}

/** Building blocks shared by several data files, compiled once and referenced as `clair:<name>`. */
export type SharedSchemaName =
  | 'text' | 'prefecture' | 'body' | 'person' | 'photo' | 'date-range' | 'time-slot' | 'figure' | 'social-account'
  | 'language' | 'country';

/** An ajv error as produced with `verbose: true`. */
export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  schema?: unknown;
  parentSchema?: JsonSchema;
  data?: unknown;
  message?: string;
}

export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

export interface DataFileEntry {
  key: DataKey;
  file: string;
  id: string;
  required: boolean;
}

export interface ValidatorSet {
  fingerprint: string;
  /** DATA_FILES without the TypeBox schemas. */
  dataFiles: DataFileEntry[];
  languageTags: LanguageTag[];
  /** JSON Schema of each data file by id, shared parts as `$ref: clair:<name>`. */
  schemas: Record<string, JsonSchema>;
  shared: Record<SharedSchemaName, JsonSchema>;
  validate: Record<string, CompiledValidator>;
  /** fonts/fonts.yaml's schema and validator (typeset/config.ts). */
  fonts: { schema: JsonSchema; validate: CompiledValidator };
  origin: 'generated' | 'compiled';
}

/** Bumped when the shape of the generated module changes, so older generated files are not trusted. */
export const GENERATOR_VERSION = 2;

const here = import.meta.url;
/** Under vitest this module runs from src/*.ts: never write generated code into the source tree. */
const runningFromDist = !here.endsWith('.ts');
export const GENERATED_PATH = fileURLToPath(new URL('./validators.generated.js', here));

/**
 * A digest of the schema modules next to this file (dist/schema/*.js after `tsc`), of ajv's version and of the
 * generator's. Reading a dozen small files takes a millisecond, much less than importing TypeBox to compare the
 * schemas themselves.
 */
export function schemaFingerprint(dir = fileURLToPath(new URL('../schema/', here))): string {
  const hash = createHash('sha256');
  hash.update(`generator ${GENERATOR_VERSION}\n`);
  try {
    const ajvPackage = fileURLToPath(import.meta.resolve('ajv/package.json'));
    hash.update(`ajv ${JSON.parse(readFileSync(ajvPackage, 'utf8')).version}\n`);
  } catch {
    hash.update('ajv unknown\n');
  }
  const names = readdirSync(dir).filter((name) => /\.(js|ts)$/.test(name) && !/\.test\.ts$/.test(name)).sort();
  for (const name of names) {
    hash.update(`${name}\n`);
    hash.update(readFileSync(`${dir}/${name}`));
  }
  return hash.digest('hex').slice(0, 32);
}

/** Writes the generated module atomically: concurrent clair processes may race to refresh it. */
export function writeGeneratedValidators(text: string, path = GENERATED_PATH): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

let loading: Promise<ValidatorSet> | undefined;

/** The validators for the schemas this clair was built with; the same object for every call in a process. */
export function loadValidators(): Promise<ValidatorSet> {
  loading ??= load();
  return loading;
}

async function load(): Promise<ValidatorSet> {
  const fingerprint = schemaFingerprint();
  if (runningFromDist) {
    try {
      const generated = (await import(new URL('./validators.generated.js', here).href)) as Omit<ValidatorSet, 'origin'>;
      if (generated.fingerprint === fingerprint) return { ...generated, origin: 'generated' };
    } catch {
      // Missing or unreadable: compile below.
    }
  }
  const { compileValidators } = await import('./generate.js');
  const { validators, moduleText } = compileValidators(fingerprint, { emitModule: runningFromDist });
  if (moduleText) {
    try {
      writeGeneratedValidators(moduleText);
    } catch {
      // A read-only installation only loses the speed-up.
    }
  }
  return validators;
}
