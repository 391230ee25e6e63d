// Hover help for the editor: every field of every data file described in Japanese and English with an example,
// kept in descriptions.yaml rather than in the TypeBox schemas, so the wording can be edited in one place (and by
// staff) while the schemas change. The JSON Schema writer (emit-json.ts) merges them into the schemas editors read;
// a test flags any field without a description, so a new field gets one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { INSTALL_ROOT } from '../world.js';

export interface FieldDescription {
  ja: string;
  en: string;
  example: unknown;
}

export interface Descriptions {
  /** By a field's own name, for fields that mean the same wherever they appear (fiscalYear, caption, …). */
  common: Record<string, FieldDescription>;
  /** By schema id, then the field's path: `parts[].sections[].id` (`[]` for the items of a list). */
  files: Record<string, Record<string, FieldDescription>>;
}

export const DESCRIPTIONS_FILE = join(INSTALL_ROOT, 'src', 'schema', 'descriptions.yaml');

export function loadDescriptions(path = DESCRIPTIONS_FILE): Descriptions {
  const raw = parse(readFileSync(path, 'utf8')) as Partial<Descriptions> | null;
  return { common: raw?.common ?? {}, files: raw?.files ?? {} };
}

type JsonNode = Record<string, unknown>;

/** A field of a schema: its path and the schema nodes that define it (several when it appears in alternatives). */
export interface SchemaField {
  path: string;
  name: string;
  nodes: JsonNode[];
}

const isTextObject = (keys: string[]) => keys.includes('ja') && keys.includes('en') && keys.includes('ko');

/** Every field of a JSON schema, in document order; a Text's language keys are not fields of their own. */
export function schemaFields(schema: JsonNode): SchemaField[] {
  const fields = new Map<string, SchemaField>();
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== 'object') return;
    const n = node as JsonNode;
    const properties = n.properties as Record<string, unknown> | undefined;
    if (properties && !isTextObject(Object.keys(properties))) {
      for (const [name, child] of Object.entries(properties)) {
        if (name === '$schema') continue;
        const childPath = path ? `${path}.${name}` : name;
        const field = fields.get(childPath) ?? { path: childPath, name, nodes: [] };
        field.nodes.push(child as JsonNode);
        fields.set(childPath, field);
        walk(child, childPath);
      }
    }
    if (n.items) walk(n.items, `${path}[]`);
    for (const key of ['anyOf', 'oneOf', 'allOf']) {
      const list = n[key];
      if (Array.isArray(list)) for (const branch of list) walk(branch, path);
    }
  };
  walk(schema, '');
  return [...fields.values()];
}

/** The description of a field: its own, or the common one for its name. */
export function describe(descriptions: Descriptions, schemaId: string, field: SchemaField): FieldDescription | undefined {
  return descriptions.files[schemaId]?.[field.path] ?? descriptions.common[field.name];
}

/** The example as it would be typed in the YAML file, on one line. */
export function exampleText(example: unknown): string {
  return stringify(example, { collectionStyle: 'flow', lineWidth: 0, flowCollectionPadding: false }).trim();
}

/** Adds each field's description (Japanese, then English), a Markdown version and its example to the schema. */
export function describeSchema(schema: JsonNode, schemaId: string, descriptions: Descriptions): JsonNode {
  for (const field of schemaFields(schema)) {
    const found = describe(descriptions, schemaId, field);
    if (!found) continue;
    const example = exampleText(found.example);
    for (const node of field.nodes) {
      node.description = `${found.ja}\n${found.en}\n例 / Example: ${example}`;
      node.markdownDescription = `${found.ja}\n\n${found.en}\n\n例 / Example: \`${example.replace(/`/g, '\\`')}\``;
      node.examples = [found.example];
    }
  }
  return schema;
}
