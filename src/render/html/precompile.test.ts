import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Handlebars from 'handlebars';
import { afterAll, describe, expect, it } from 'vitest';
import { compileOptions, templateKey, writePrecompiledTemplates, type TemplateSpecification } from './precompile.js';

const templatesDir = join(import.meta.dirname, '..', '..', '..', 'templates');
const dir = mkdtempSync(join(tmpdir(), 'clair-precompile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('precompiled templates', () => {
  it('cover every shipped template under the key the renderer looks it up by, and render as the compiled ones do', async () => {
    const out = join(dir, 'templates.generated.mjs');
    const count = writePrecompiledTemplates(templatesDir, out);
    const { specs } = (await import(pathToFileURL(out).href)) as { specs: Record<string, TemplateSpecification> };
    const files = ['layout.hbs', ...['sections', 'blocks'].flatMap((sub) => readdirSync(join(templatesDir, sub)).filter((n) => n.endsWith('.hbs')).map((n) => join(sub, n)))];
    expect(count).toBe(files.length);
    for (const file of files) {
      const source = readFileSync(join(templatesDir, file), 'utf8');
      expect(specs[templateKey(source)], file).toBeDefined();
    }
    const source = 'Hello {{name}}\n  {{#each items}}<li>{{this}}</li>{{/each}}';
    const hb = Handlebars.create();
    const spec = (0, eval)(`(${Handlebars.precompile(source, compileOptions())})`) as TemplateSpecification;
    const context = { name: '<b>서울</b>', items: ['a', 'b'] };
    expect(hb.template(spec)(context)).toBe(hb.compile(source, compileOptions())(context));
  });

  it('do not match a template once its text changes', () => {
    expect(templateKey('{{txt title}}')).not.toBe(templateKey('{{txt title}} '));
  });
});
