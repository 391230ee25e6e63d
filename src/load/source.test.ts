import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { INSTALL_ROOT } from '../world.js';
import { parseYaml } from './source.js';

const seoul = join(INSTALL_ROOT, 'data', 'seoul');
const files = readdirSync(seoul).filter((f) => f.endsWith('.yaml'));

describe('reading a data file', () => {
  it.each(files)('gives the same data for %s as the position-keeping parser', (file) => {
    const text = readFileSync(join(seoul, file), 'utf8');
    const result = parseYaml(file, new TextEncoder().encode(text));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.source.data).toEqual(parseDocument(text, { version: '1.2' }).toJS());
  });

  it('still places a value at its line and column when asked', () => {
    const text = '# comment\ntitle: {ja: タイトル, ko: 제목}\nyears:\n  - fiscalYear: 2025\n    count: 83\n';
    const result = parseYaml('x.yaml', new TextEncoder().encode(text));
    if (!result.ok) throw new Error('expected a valid file');
    expect(result.source.locate(['years', 0, 'count'])).toEqual({ line: 5, column: 12 });
    expect(result.source.locate(['title', 'ko'])).toEqual({ line: 2, column: 23 });
    expect(result.source.locate(['years', 0, 'count'], 'key')).toEqual({ line: 5, column: 5 });
  });

  it('keeps dates as text and reads numbers, booleans and nulls as YAML 1.2 does', () => {
    const text = 'date: 2025-10-12\nyes: yes\non: true\nn: 0o17\nx: ~\n';
    const result = parseYaml('x.yaml', new TextEncoder().encode(text));
    if (!result.ok) throw new Error('expected a valid file');
    expect(result.source.data).toEqual({ date: '2025-10-12', yes: 'yes', on: true, n: 15, x: null });
  });
});
