// `clair init` and `clair new edition` on temporary folders, as staff would run them: a new office outside the
// clair checkout validates at once and its modelines reach the installed schemas; next year's brochure is rolled
// forward without touching any other file, and validate catches a cover year left behind.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileIfStale } from '../cli/__fixtures__/compiled.js';
import { runClair } from '../cli/__fixtures__/run.js';
import { INSTALL_ROOT, World } from '../world.js';
import { validateOffices } from '../validate/index.js';

const made: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};

beforeAll(() => compileIfStale('cli/main.js', ['authoring', 'cli', 'validate', 'schema']));
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const clair = (args: string[], cwd: string) => runClair(args, { cwd });

describe('clair init', () => {
  it('creates an office outside the checkout that validates at once, with modelines reaching the schemas', () => {
    const repo = temp('clair-data-repo-');
    const run = clair(['init', 'london', '--languages', 'ja,en', '--year', '2027'], repo);
    expect(run.stderr).toContain('created data/london');
    expect(run.status).toBe(0);
    const dir = join(repo, 'data', 'london');
    expect(readdirSync(dir).sort()).toEqual(['brochure.yaml', 'office.yaml']);
    for (const file of ['office', 'brochure']) {
      const text = readFileSync(join(dir, `${file}.yaml`), 'utf8');
      const schema = /^# yaml-language-server: \$schema=(.+)$/m.exec(text)![1]!;
      expect(text.startsWith('# yaml-language-server: $schema=')).toBe(true);
      expect(existsSync(resolve(dir, schema))).toBe(true);
      expect(JSON.parse(readFileSync(resolve(dir, schema), 'utf8')).$id).toContain(`/${file}.schema.json`);
    }
    const office = readFileSync(join(dir, 'office.yaml'), 'utf8');
    expect(office).toContain('name: {ja: "クレア (CLAIR) ロンドン事務所", en: "CLAIR London"}');
    expect(office).toContain('country: GB');
    expect(readFileSync(join(dir, 'brochure.yaml'), 'utf8')).toContain('editions: [[ja], [en], [ja, en]]');

    // Valid at once: only the placeholders are reported, as warnings; --strict refuses them.
    const check = clair(['validate'], repo);
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/0 errors, \d+ warnings/);
    expect(check.stdout.match(/placeholder$/gm)!.length).toBeGreaterThan(0);
    expect(check.stdout.split('\n').filter((line) => /\s(error|warning)\s/.test(line)).every((line) => line.endsWith('placeholder'))).toBe(true);
    const strict = clair(['validate', '--strict'], repo);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain('found: todo@example.org');
  });

  it('fills in what it knows only for CLAIR’s own offices, and marks the rest', async () => {
    const root = temp('clair-init-');
    const { initOffice } = await import('./init.js');
    const world = new World({ dataRoot: root, cwd: root });
    const result = initOffice(world, { officeId: 'osaka-desk', languages: ['ja', 'ko'], year: 2027 });
    expect(result.placeholders.map((p) => p.en)).toEqual([
      expect.stringContaining('the office name, short name, city and country'),
      'what the office does', 'the postal address', 'the title on the cover (brochure.yaml)',
      'the phone and e-mail (+00 0000 0000, todo@example.org)', 'the publication date (brochure.yaml: published)',
    ]);
    const validation = await validateOffices(world);
    expect(validation.diagnostics.filter((d) => d.code !== 'placeholder')).toEqual([]);
    expect(validation.diagnostics.map((d) => d.found)).toContain('XX');
    expect(validation.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('never overwrites, and refuses bad ids and languages (exit 2)', () => {
    const repo = temp('clair-init-refuse-');
    expect(clair(['init', 'seoul', '--languages', 'ja,ko'], repo).status).toBe(0);
    const again = clair(['init', 'seoul', '--languages', 'ja,ko'], repo);
    expect(again).toMatchObject({ status: 2 });
    expect(again.stderr).toContain('already exists and is not empty');
    expect(clair(['init', 'Seoul Office'], repo).stderr).toContain('an office id is lower-case letters');
    // Any BCP 47 tag is a language (German needs no code change); a name that is not a tag is refused.
    const lang = clair(['init', 'paris', '--languages', 'ja,German'], repo);
    expect(lang.status).toBe(2);
    expect(lang.stderr).toContain('not German');
    expect(clair(['--ui-lang=ja', 'init', 'paris', '--languages', 'ja,German'], repo).stderr).toContain('--languages には');
  });
});

describe('clair new edition', () => {
  let root: string;
  const hashes = (dir: string) => Object.fromEntries(readdirSync(dir).filter((f) => f !== 'brochure.yaml').map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));

  beforeAll(() => {
    root = temp('clair-new-edition-');
    cpSync(join(INSTALL_ROOT, 'data', 'seoul'), join(root, 'data', 'seoul'), { recursive: true });
  });

  it('rolls brochure.yaml forward, keeps every other file, and lists what fiscal year 2026 lacks', () => {
    const dir = join(root, 'data', 'seoul');
    const before = hashes(dir);
    const original = readFileSync(join(dir, 'brochure.yaml'), 'utf8');
    const run = clair(['new', 'edition'], root);
    expect(run.status).toBe(0);
    const after = readFileSync(join(dir, 'brochure.yaml'), 'utf8');
    expect(after).toContain('title: {ja: クレアソウル 2027, ko: 클레어 서울 2027}');
    expect(after).toContain('edition: 2027');
    expect(after).toContain('published: 2027-03-05 # TODO: confirm the publication date (rolled forward from 2026-03-05)');
    // Nothing else in the file changed: comments and layout stay.
    const changed = after.split('\n').filter((line, i) => line !== original.split('\n')[i]);
    expect(changed).toHaveLength(3);
    expect(hashes(dir)).toEqual(before);
    expect(run.stderr).toContain('the 2026 brochure rolled forward to 2027 (reporting on fiscal year 2026)');
    expect(run.stderr).toMatch(/… events\s+events\.yaml: nothing for fiscal year 2026 yet \(latest: 2025\)/);
    expect(run.stderr).toMatch(/… support-cases\s+support\.yaml: nothing for fiscal year 2026 yet/);
    expect(run.stderr).toMatch(/✔ at-a-glance\s+computed from the other sections’ figures/);
    expect(clair(['validate', '--strict'], root).status).toBe(0);
    expect(clair(['new', 'edition', '2027'], root).stderr).toContain('the new edition must come after 2027');
  });

  it('shifts the fiscal years a section shows', async () => {
    const { newEdition } = await import('./new-edition.js');
    const { loadOffice, officeData } = await import('../load/office.js');
    const base = temp('clair-new-edition-years-');
    cpSync(join(INSTALL_ROOT, 'data', 'seoul'), join(base, 'seoul'), { recursive: true });
    const file = join(base, 'seoul', 'brochure.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('      - id: support-cases\n', '      - id: support-cases\n        fiscalYears: {from: 2021, to: 2025}\n'));
    const world = new World({ dataRoot: base, cwd: base });
    const result = newEdition(world, officeData(loadOffice(world, 'seoul')), file, 2028);
    expect(result.changes.map((c) => c.en)).toContain('support-cases: fiscalYears.from 2021 → 2023');
    expect(readFileSync(file, 'utf8')).toContain('fiscalYears: {from: 2023, to: 2027}');
    expect(result.fiscalYear).toBe(2027);
  });
});

describe('validate: the title’s year', () => {
  it('reports a cover year that disagrees with the edition', () => {
    const base = temp('clair-title-year-');
    cpSync(join(INSTALL_ROOT, 'data', 'seoul'), join(base, 'seoul'), { recursive: true });
    const file = join(base, 'seoul', 'brochure.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('edition: 2026', 'edition: 2027'));
    const run = clair(['--data', base, 'validate', '--strict'], dirname(base));
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/seoul\/brochure\.yaml:3:13\s+error\s+the title says 2026 but this is the 2027 edition \(brochure\.yaml: edition\)\s+title-year/);
    expect(run.stdout).toContain('found: クレアソウル 2026');
  });
});
