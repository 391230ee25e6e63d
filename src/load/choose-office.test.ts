// One rule for every command: an office is a folder of the data root holding office.yaml, and a data root without
// one is wrong usage (exit 2) worded the same by validate, build and compare.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileIfStale } from '../cli/__fixtures__/compiled.js';
import { copySeoul, removeDir, tempDir } from '../build/__fixtures__/offices.js';
import { validateOffices } from '../validate/index.js';
import { INSTALL_ROOT, World } from '../world.js';

let root: string;
beforeAll(() => {
  compileIfStale('cli/main.js', ['.']);
  root = tempDir('no-office');
});
afterAll(() => removeDir(root));

function clair(cwd: string, args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C', NO_COLOR: '1' };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANGUAGE', 'CI']) delete env[name];
  const run = spawnSync(process.execPath, [join(INSTALL_ROOT, 'bin', 'clair'), ...args], { cwd, env, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('a data root without an office', () => {
  const cases: [string, (data: string) => void][] = [
    ['empty', () => {}],
    ['holding a folder of data files without office.yaml', (data) => {
      const { officeDir } = copySeoul(join(data, '..'));
      rmSync(join(officeDir, 'office.yaml'));
    }],
    ['holding only a folder of photos', (data) => mkdirSync(join(data, 'photos'), { recursive: true })],
  ];
  for (const [what, make] of cases) {
    it(`(${what}) is wrong usage for validate, build and compare alike: exit 2, one wording`, () => {
      const cwd = join(root, what.replace(/\W+/g, '-'));
      const data = join(cwd, 'data');
      mkdirSync(data, { recursive: true });
      make(data);
      const expected = 'error: no office data under data (expected a folder per office holding office.yaml; use --data DIR)\n';
      for (const args of [['validate'], ['build', 'brochure'], ['compare']]) {
        const run = clair(cwd, args);
        // build says first that it failed, as for any refused build.
        const stderr = run.stderr.replace('✖ build failed (previous outputs are untouched)\n', '');
        expect({ args, status: run.status, stderr, stdout: run.stdout }).toEqual({ args, status: 2, stderr: expected, stdout: '' });
      }
    });
  }
});

describe('a folder of the data root without office.yaml next to an office', () => {
  it('is not an office: validate says it is not read, and checks the office', async () => {
    const data = join(root, 'next-to', 'data');
    copySeoul(join(data, '..'));
    mkdirSync(join(data, 'busan'));
    writeFileSync(join(data, 'busan', 'events.yaml'), 'events: []\n');
    const result = await validateOffices(new World({ dataRoot: data, cwd: join(data, '..') }));
    expect(result.offices.map((office) => office.id)).toEqual(['seoul']);
    // Notes (the Seoul photo entries without a file) are not problems.
    expect(result.diagnostics.filter((d) => d.severity !== 'note')).toEqual([expect.objectContaining({
      severity: 'warning', code: 'not-an-office', file: 'data/busan',
      message: { en: 'data/busan holds YAML files but no office.yaml, so it is not an office and is not read', ja: 'data/busan には YAML ファイルがありますが office.yaml がないため、事務所として読み込まれません' },
    })]);
  });
});
