// Regenerates src/schema/json/*.schema.json from the TypeBox schemas (run: npm run schemas).
import { writeFileSync, mkdirSync } from 'node:fs';
import { DATA_FILES } from '../dist/schema/index.js';
import { jsonSchemaText, JSON_SCHEMA_DIR } from '../dist/schema/emit-json.js';

mkdirSync(JSON_SCHEMA_DIR, { recursive: true });
for (const kind of DATA_FILES) writeFileSync(`${JSON_SCHEMA_DIR}/${kind.id}.schema.json`, jsonSchemaText(kind.id));
console.log(`wrote ${DATA_FILES.length} schemas to ${JSON_SCHEMA_DIR}`);
