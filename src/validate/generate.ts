// Turns the TypeBox data model into the JSON Schemas and ajv validators that `clair validate` runs. Compiling the
// fourteen schemas with ajv costs half a second, far more than the whole 300 ms budget of a validation run, so
// this module also writes them out as standalone JavaScript (ajv "standalone code") once per schema change;
// validators.ts loads that file and only falls back to compiling here when it is missing or out of date.
//
// Shared building blocks (Text, Body, Person, …) become named `$ref`s compiled once instead of being inlined at
// each of their hundreds of uses: that divides the generated code by five and lets the semantic rules recognise
// a Text or a prefecture by its reference name.
import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import { pathToFileURL } from 'node:url';
import {
  BodySchema, CountryCodeSchema, DATA_FILES, DateRangeSchema, FigureSchema, LanguageTagSchema, LANGUAGE_TAGS, PersonSchema, PhotoSchema,
  PrefectureSchema, TextSchema, TimeSlotSchema,
} from '../schema/index.js';
import { FontsFileSchema } from '../schema/fonts.js';
import { SocialAccountSchema } from '../schema/office.js';
import {
  GENERATED_PATH, schemaFingerprint, writeGeneratedValidators,
  type CompiledValidator, type JsonSchema, type SharedSchemaName, type ValidatorSet,
} from './validators.js';

// CommonJS packages: under NodeNext their functions arrive as the `default` of the module object.
const addFormats = addFormatsModule.default;
const standaloneCode = standaloneCodeModule.default;

const SHARED: Record<SharedSchemaName, unknown> = {
  text: TextSchema,
  prefecture: PrefectureSchema,
  body: BodySchema,
  person: PersonSchema,
  photo: PhotoSchema,
  'date-range': DateRangeSchema,
  'time-slot': TimeSlotSchema,
  figure: FigureSchema,
  'social-account': SocialAccountSchema,
  language: LanguageTagSchema,
  country: CountryCodeSchema,
};

export const sharedRef = (name: string) => `clair:${name}`;
const fileSchemaId = (id: string) => `clair-file:${id}`;

/** Plain JSON copy of a TypeBox schema (drops its symbol keys) with shared parts replaced by `$ref`s. */
function withRefs(schema: unknown, sharedByJson: Map<string, string>, isRoot: boolean): JsonSchema {
  const visit = (node: unknown, root: boolean): unknown => {
    if (Array.isArray(node)) return node.map((item) => visit(item, false));
    if (node === null || typeof node !== 'object') return node;
    if (!root) {
      const name = sharedByJson.get(JSON.stringify(node));
      if (name) return { $ref: sharedRef(name) };
    }
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      // `properties` maps names to schemas: the map itself is never a schema to share.
      out[key] = key === 'properties' && value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, visit(sub, false)]))
        : visit(value, false);
    }
    return out;
  };
  return visit(JSON.parse(JSON.stringify(schema)), isRoot) as JsonSchema;
}

export interface SchemaTables {
  shared: Record<SharedSchemaName, JsonSchema>;
  files: Record<string, JsonSchema>;
  /** fonts/fonts.yaml, which is not office data but is checked the same way. */
  fonts: JsonSchema;
}

const FONTS_SCHEMA_ID = 'clair-fonts';

export function schemaTables(): SchemaTables {
  const sharedByJson = new Map<string, string>();
  for (const [name, schema] of Object.entries(SHARED)) sharedByJson.set(JSON.stringify(schema), name);
  const shared = Object.fromEntries(
    Object.entries(SHARED).map(([name, schema]) => [name, { ...withRefs(schema, sharedByJson, true), $id: sharedRef(name) }]),
  ) as Record<SharedSchemaName, JsonSchema>;
  const files = Object.fromEntries(
    DATA_FILES.map((kind) => [kind.id, { ...withRefs(kind.schema, sharedByJson, true), $id: fileSchemaId(kind.id) }]),
  );
  const fonts = { ...withRefs(FontsFileSchema, new Map(), true), $id: FONTS_SCHEMA_ID };
  return { shared, files, fonts };
}

/** The same options for the in-process fallback and the standalone file, so both report identical errors. */
function ajvOptions(source: boolean): Options {
  return {
    allErrors: true,
    verbose: true,
    messages: false,
    inlineRefs: false,
    strict: true,
    code: source ? { source: true, esm: true } : {},
  };
}

function newAjv(tables: SchemaTables, source: boolean) {
  const ajv = new Ajv(ajvOptions(source));
  addFormats(ajv, ['date']);
  for (const schema of Object.values(tables.shared)) ajv.addSchema(schema);
  for (const schema of Object.values(tables.files)) ajv.addSchema(schema);
  ajv.addSchema(tables.fonts);
  return ajv;
}

const dataFileTable = () => DATA_FILES.map(({ key, file, id, required }) => ({ key, file, id, required }));

/**
 * Validators compiled in this process (the slow path) and, when asked, the standalone module text that makes the
 * next process fast. One ajv instance serves both, so the two cannot differ.
 */
export function compileValidators(fingerprint: string, options: { emitModule?: boolean; requireFrom?: string } = {}): {
  validators: ValidatorSet;
  moduleText?: string;
} {
  const tables = schemaTables();
  const ajv = newAjv(tables, Boolean(options.emitModule));
  const validate: Record<string, CompiledValidator> = {};
  for (const kind of DATA_FILES) validate[kind.id] = ajv.getSchema(fileSchemaId(kind.id)) as unknown as CompiledValidator;
  const fonts = { schema: tables.fonts, validate: ajv.getSchema(FONTS_SCHEMA_ID) as unknown as CompiledValidator };
  const validators: ValidatorSet = {
    fingerprint, dataFiles: dataFileTable(), languageTags: [...LANGUAGE_TAGS], schemas: tables.files,
    shared: tables.shared, validate, fonts, origin: 'compiled',
  };
  if (!options.emitModule) return { validators };
  return { validators, moduleText: moduleText(ajv, tables, fingerprint, options.requireFrom) };
}

function moduleText(ajv: Ajv, tables: SchemaTables, fingerprint: string, requireFrom?: string): string {
  const exportNames: Record<string, string> = {};
  DATA_FILES.forEach((kind, index) => { exportNames[`validate${index}`] = fileSchemaId(kind.id); });
  exportNames.validateFonts = FONTS_SCHEMA_ID;
  // ajv's standalone output loads its runtime helpers with require(); an ES module has to create one. They are
  // resolved from the module's own location unless it is written elsewhere (tests write it to a temp folder).
  const code = standaloneCode(ajv, exportNames).replace(/^"use strict";/, '');
  const validateTable = DATA_FILES.map((kind, index) => `${JSON.stringify(kind.id)}: validate${index}`).join(', ');
  return [
    '// Generated by clair (src/validate/generate.ts) from the TypeBox schemas in src/schema: do not edit.',
    '// Rewritten by `node dist/validate/generate.js` and, when the schemas changed, by the next `clair validate`.',
    "import { createRequire } from 'node:module';",
    `const require = createRequire(${requireFrom ? JSON.stringify(requireFrom) : 'import.meta.url'});`,
    code,
    `export const fingerprint = ${JSON.stringify(fingerprint)};`,
    `export const dataFiles = ${JSON.stringify(dataFileTable())};`,
    `export const languageTags = ${JSON.stringify(LANGUAGE_TAGS)};`,
    `export const schemas = ${JSON.stringify(tables.files)};`,
    `export const shared = ${JSON.stringify(tables.shared)};`,
    `export const validate = { ${validateTable} };`,
    `export const fonts = { schema: ${JSON.stringify(tables.fonts)}, validate: validateFonts };`,
    '',
  ].join('\n');
}

// `node dist/validate/generate.js` regenerates the standalone validators, e.g. right after `tsc` in a build.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const fingerprint = schemaFingerprint();
  const { moduleText: text } = compileValidators(fingerprint, { emitModule: true });
  writeGeneratedValidators(text!);
  process.stdout.write(`wrote ${GENERATED_PATH} (${Math.round(text!.length / 1024)} kB, schemas ${fingerprint.slice(0, 8)})\n`);
}
