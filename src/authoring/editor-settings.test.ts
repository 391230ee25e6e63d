// `clair init` sets up VS Code in a data repository outside the clair checkout: .vscode/settings.json maps every
// data file to a schema file that exists, by patterns that match the files as the YAML extension matches them; a
// settings file the user already has keeps its settings and comments; one that cannot be read is left untouched.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'jsonc-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileIfStale } from '../cli/__fixtures__/compiled.js';
import { runClair } from '../cli/__fixtures__/run.js';
import { DATA_FILE_NAMES } from '../schema/files.js';
import { INSTALL_ROOT, World } from '../world.js';
import { editorWorkspace, writeEditorSettings } from './editor-settings.js';

const made: string[] = [];
/** A data repository of its own: a git repository in the temporary folder, outside the clair checkout. */
function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clair-editor-'));
  made.push(dir);
  expect(spawnSync('git', ['init', '-q'], { cwd: dir }).status).toBe(0);
  return dir;
}

beforeAll(() => compileIfStale('cli/main.js', ['authoring', 'cli', 'validate', 'schema']));
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const clair = (args: string[], cwd: string) => runClair(args, { cwd });

/** How the YAML language server matches a `yaml.schemas` pattern: a regular expression against the end of the URI. */
const matches = (pattern: string, file: string) => new RegExp(`${pattern.replace(/[-\\{}+?|^$.,[\]()#\s]/g, '\\$&').replace(/[*]/g, '.*')}$`).test(pathToFileURL(file).href);

const readJsonc = (path: string) => parse(readFileSync(path, 'utf8'), [], { allowTrailingComma: true }) as Record<string, unknown>;

describe('clair init: VS Code settings', () => {
  it('maps every data file of the new office to an installed schema that exists', () => {
    const repo = repository();
    const run = clair(['init', 'london', '--languages', 'ja,en', '--year', '2027'], repo);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(".vscode/settings.json (VS Code finds clair's schemas)");
    const schemas = readJsonc(join(repo, '.vscode', 'settings.json'))['yaml.schemas'] as Record<string, string[]>;
    expect(Object.keys(schemas)).toHaveLength(DATA_FILE_NAMES.length);
    for (const entry of DATA_FILE_NAMES) {
      const [key, patterns] = Object.entries(schemas).find(([schema]) => schema.endsWith(`/${entry.id}.schema.json`))!;
      // The YAML extension resolves a relative schema path from the workspace folder, the repository.
      const schema = resolve(repo, key);
      expect(existsSync(schema)).toBe(true);
      expect(JSON.parse(readFileSync(schema, 'utf8')).$id).toContain(`/${entry.id}.schema.json`);
      expect(patterns.some((pattern) => matches(pattern, join(repo, 'data', 'london', entry.file)))).toBe(true);
      expect(patterns.some((pattern) => matches(pattern, join(repo, 'data', 'paris', entry.file.replace(/\.yaml$/, '.yml'))))).toBe(true);
      expect(patterns.some((pattern) => matches(pattern, join(repo, 'elsewhere', entry.file)))).toBe(false);
    }
    // The created files are the ones mapped: office.yaml to the office schema.
    const office = Object.entries(schemas).find(([schema]) => schema.endsWith('/office.schema.json'))![1];
    expect(office.some((pattern) => matches(pattern, join(repo, 'data', 'london', 'office.yaml')))).toBe(true);
    expect(readJsonc(join(repo, '.vscode', 'extensions.json'))).toEqual({ recommendations: ['redhat.vscode-yaml'] });

    // A second office: the settings are already right and are not rewritten.
    const before = readFileSync(join(repo, '.vscode', 'settings.json'));
    const again = clair(['init', 'paris', '--languages', 'ja,fr', '--year', '2027'], repo);
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('.vscode/settings.json (already set up)');
    expect(readFileSync(join(repo, '.vscode', 'settings.json'))).toEqual(before);
  });

  it('merges into the settings a user has, keeping their settings, comments and indentation', () => {
    const repo = repository();
    mkdirSync(join(repo, '.vscode'));
    const settings = [
      '// Team settings',
      '{',
      '\t"editor.fontSize": 14, // larger for reading Japanese',
      '\t"yaml.schemas": {',
      '\t\t"https://json.schemastore.org/github-workflow.json": "/.github/workflows/*",',
      '\t\t"../old-place/clair/src/schema/json/office.schema.json": ["/data/*/office.yaml"],',
      '\t},',
      '}',
      '',
    ].join('\n');
    writeFileSync(join(repo, '.vscode', 'settings.json'), settings);
    writeFileSync(join(repo, '.vscode', 'extensions.json'), '{\n  // ours\n  "recommendations": ["esbenp.prettier-vscode"]\n}\n');
    const run = clair(['init', 'sydney', '--languages', 'ja,en'], repo);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('your other settings kept');
    const text = readFileSync(join(repo, '.vscode', 'settings.json'), 'utf8');
    expect(text.startsWith('// Team settings\n{\n\t"editor.fontSize": 14, // larger for reading Japanese\n')).toBe(true);
    expect(text).toMatch(/^\t\t"\.\.\/[^"]+\/src\/schema\/json\/office\.schema\.json": \[$/m);
    const merged = readJsonc(join(repo, '.vscode', 'settings.json'));
    expect(merged['editor.fontSize']).toBe(14);
    const schemas = merged['yaml.schemas'] as Record<string, unknown>;
    expect(schemas['https://json.schemastore.org/github-workflow.json']).toBe('/.github/workflows/*');
    // The entry of an earlier clair install elsewhere is replaced, not kept beside the new one.
    expect(Object.keys(schemas).some((key) => key.startsWith('../old-place/'))).toBe(false);
    expect(Object.keys(schemas)).toHaveLength(DATA_FILE_NAMES.length + 1);
    const extensions = readFileSync(join(repo, '.vscode', 'extensions.json'), 'utf8');
    expect(extensions).toContain('// ours');
    expect(readJsonc(join(repo, '.vscode', 'extensions.json'))).toEqual({ recommendations: ['esbenp.prettier-vscode', 'redhat.vscode-yaml'] });
  });

  it('leaves a settings file it cannot read untouched, says where it stopped and what to add by hand', () => {
    const repo = repository();
    mkdirSync(join(repo, '.vscode'));
    const broken = '{\n  "editor.fontSize": 14,,\n}\n';
    writeFileSync(join(repo, '.vscode', 'settings.json'), broken);
    const run = clair(['init', 'beijing', '--languages', 'ja,zh-Hans'], repo);
    // The office is made all the same: the editor set-up is a convenience.
    expect(run.status).toBe(0);
    expect(existsSync(join(repo, 'data', 'beijing', 'office.yaml'))).toBe(true);
    expect(run.stderr).toContain('warning: .vscode/settings.json:2:25: not JSON with comments (PropertyNameExpected, found ","); left as it is');
    expect(run.stderr).toContain('add this by hand:');
    expect(run.stderr).toContain('"yaml.schemas": {');
    expect(readFileSync(join(repo, '.vscode', 'settings.json'), 'utf8')).toBe(broken);
    const ja = clair(['--ui-lang', 'ja', 'init', 'seoul', '--languages', 'ja,ko'], repo);
    expect(ja.stderr).toContain('.vscode/settings.json:2:25: コメント付き JSON として読めません');
  });

  it('writes nothing with --no-vscode, nor in the clair checkout itself', () => {
    const repo = repository();
    expect(clair(['init', 'london', '--languages', 'ja,en', '--no-vscode'], repo).status).toBe(0);
    expect(existsSync(join(repo, '.vscode'))).toBe(false);
    expect(editorWorkspace(new World({ dataRoot: join(INSTALL_ROOT, 'data'), cwd: INSTALL_ROOT }))).toBeUndefined();
  });

  it('takes the repository as the workspace, wherever clair runs from', () => {
    const repo = repository();
    const world = new World({ dataRoot: join(repo, 'offices'), cwd: tmpdir() });
    expect(editorWorkspace(world)).toBe(repo);
    const setup = writeEditorSettings(world, repo);
    expect(setup.files.map((f) => f.outcome)).toEqual(['created', 'created']);
    const schemas = readJsonc(join(repo, '.vscode', 'settings.json'))['yaml.schemas'] as Record<string, string[]>;
    expect(Object.values(schemas)[0]).toEqual(['/offices/*/office.yaml', '/offices/*/office.yml']);
  });
});
