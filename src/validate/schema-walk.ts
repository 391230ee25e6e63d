// Walks a data file together with its JSON Schema and calls back at every shared building block (a Text, a
// prefecture, a photo, …). The semantic rules find texts and prefectures this way instead of guessing from the
// shape of the data, so a field added to a schema is covered without touching the rules.
import type { Segment } from './paths.js';
import type { JsonSchema, SharedSchemaName } from './validators.js';

export type SharedVisitor = (name: SharedSchemaName, value: unknown, segments: Segment[]) => void;

export function walkShared(
  data: unknown, schema: JsonSchema, shared: Record<SharedSchemaName, JsonSchema>, visit: SharedVisitor,
): void {
  const walk = (value: unknown, node: JsonSchema | undefined, segments: Segment[]): void => {
    if (!node || value === undefined) return;
    if (node.$ref?.startsWith('clair:')) {
      const name = node.$ref.slice('clair:'.length) as SharedSchemaName;
      visit(name, value, segments);
      walk(value, shared[name], segments);
      return;
    }
    if (node.anyOf) {
      for (const branch of node.anyOf) {
        if (branch.type === 'object' && value !== null && typeof value === 'object' && !Array.isArray(value)) walk(value, branch, segments);
        if (branch.type === 'array' && Array.isArray(value)) walk(value, branch, segments);
      }
      return;
    }
    if (Array.isArray(value)) {
      if (node.items) value.forEach((item, index) => walk(item, node.items, [...segments, index]));
      return;
    }
    if (value !== null && typeof value === 'object' && node.properties) {
      for (const [key, child] of Object.entries(value)) walk(child, node.properties[key], [...segments, key]);
    }
  };
  walk(data, schema, []);
}
