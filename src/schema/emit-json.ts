// Writes the JSON Schema files that editors use (the `# yaml-language-server: $schema=…` line of each data file)
// and that ajv-cli reads in the benchmark. Run by `npm run schemas`; a test keeps the committed files current.
import { describeSchema, loadDescriptions, type Descriptions } from './descriptions.js';
import { DATA_FILES } from './index.js';

export const SCHEMA_DIALECT = 'http://json-schema.org/draft-07/schema#';

/** The JSON text of one data file's schema, with the fields' descriptions (descriptions.yaml), stable across runs. */
export function jsonSchemaText(id: string, descriptions: Descriptions = loadDescriptions()): string {
  const kind = DATA_FILES.find((k) => k.id === id);
  if (!kind) throw new Error(`unknown schema id ${id}`);
  const schema = describeSchema({ $schema: SCHEMA_DIALECT, ...JSON.parse(JSON.stringify(kind.schema)) }, id, descriptions);
  schema.$id = `https://clair.invalid/schema/${id}.schema.json`;
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** Where the committed JSON Schema files live. */
export const JSON_SCHEMA_DIR = 'src/schema/json';
