// Every field of every data file has hover help in Japanese and English with an example that is itself valid, and
// the JSON schemas editors read carry it. A field added to a schema fails here until descriptions.yaml describes it.
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
const addFormats = addFormatsModule.default; // a CommonJS module, as in src/validate/generate.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as group, expect, it } from 'vitest';
import { INSTALL_ROOT } from '../world.js';
import { describe, loadDescriptions, schemaFields } from './descriptions.js';
import { jsonSchemaText, JSON_SCHEMA_DIR } from './emit-json.js';
import { DATA_FILES } from './index.js';

const descriptions = loadDescriptions();
const plainSchema = (id: string) => JSON.parse(JSON.stringify(DATA_FILES.find((k) => k.id === id)!.schema)) as Record<string, unknown>;

group('field descriptions (src/schema/descriptions.yaml)', () => {
  it('describe every field of every data file in Japanese and English, with an example', () => {
    const missing: string[] = [];
    for (const kind of DATA_FILES) {
      for (const field of schemaFields(plainSchema(kind.id))) {
        const found = describe(descriptions, kind.id, field);
        const complete = found && typeof found.ja === 'string' && /[\u3040-\u30ff\u4e00-\u9fff]/.test(found.ja) && typeof found.en === 'string' && found.en.length > 0 && found.example !== undefined;
        if (!complete) missing.push(`${kind.id}: ${field.path}`);
      }
    }
    expect(missing, 'add these to src/schema/descriptions.yaml (files: <schema id>: <path>, or common: <field name>)').toEqual([]);
  });

  it('name only fields that exist, and use every common description', () => {
    const stale: string[] = [];
    const usedCommon = new Set<string>();
    for (const [id, fields] of Object.entries(descriptions.files)) {
      const kind = DATA_FILES.find((k) => k.id === id);
      if (!kind) {
        stale.push(`files: ${id} (no such data file)`);
        continue;
      }
      const paths = new Set(schemaFields(plainSchema(id)).map((f) => f.path));
      for (const path of Object.keys(fields)) if (!paths.has(path)) stale.push(`files: ${id}: ${path}`);
    }
    for (const kind of DATA_FILES) {
      for (const field of schemaFields(plainSchema(kind.id))) {
        if (!descriptions.files[kind.id]?.[field.path]) usedCommon.add(field.name);
      }
    }
    for (const name of Object.keys(descriptions.common)) if (!usedCommon.has(name)) stale.push(`common: ${name} (described everywhere by path)`);
    expect(stale).toEqual([]);
  });

  it('give examples the schema accepts', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const invalid: string[] = [];
    for (const kind of DATA_FILES) {
      for (const field of schemaFields(plainSchema(kind.id))) {
        const found = describe(descriptions, kind.id, field);
        if (!found) continue;
        // A field in alternatives (a Japanese body: prefecture, city or name) need only fit one of them.
        if (!field.nodes.some((node) => ajv.validate(node, found.example))) invalid.push(`${kind.id}: ${field.path}: ${JSON.stringify(found.example)} — ${ajv.errorsText()}`);
      }
    }
    expect(invalid).toEqual([]);
  });
});

group('the JSON schemas editors read', () => {
  it('are current (npm run schemas writes them) and carry the descriptions', () => {
    for (const kind of DATA_FILES) {
      const committed = readFileSync(join(INSTALL_ROOT, JSON_SCHEMA_DIR, `${kind.id}.schema.json`), 'utf8');
      expect(committed, `${kind.id}.schema.json is out of date: run npm run schemas`).toBe(jsonSchemaText(kind.id));
    }
    const brochure = JSON.parse(readFileSync(join(INSTALL_ROOT, JSON_SCHEMA_DIR, 'brochure.schema.json'), 'utf8'));
    expect(brochure.properties.edition.description).toBe('表紙の年（版の年）。翌年版は clair new edition で作ります\nThe year on the cover; start next year\'s with clair new edition\n例 / Example: 2026');
    expect(brochure.properties.edition.examples).toEqual([2026]);
    expect(brochure.properties.title.markdownDescription).toContain('例 / Example: `{ja: クレアソウル 2026, ko: 클레어 서울 2026}`');
  });
});
