// `clair build brochure` end to end: the compiled command run as a user runs it (not a TTY, so plain output),
// with its options, exit codes (0 ok, 1 problems in the data, 2 wrong usage), messages in English and Japanese,
// and no outputs at all when the data is wrong.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editionsOf } from '../document/build.js';
import { renderEdition } from './render-edition.js';
import { loadOffice, officeData } from '../load/office.js';
import { INSTALL_ROOT, World } from '../world.js';
import { copySeoul, editYaml, removeDir, SHIPPED_DATA, tempDir, tree, writeFile } from './__fixtures__/offices.js';

const data = officeData(loadOffice(new World({ dataRoot: SHIPPED_DATA }), 'seoul'));
const FOLDER = `seoul-${data.brochure.edition}`;
const EDITION_IDS = editionsOf(data.brochure).map((e) => e.id);

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

let root: string;

/** Runs bin/clair in `root` with a clean locale: English unless `lang` says otherwise. */
function clair(args: string[], options: { lang?: string } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: options.lang ?? 'C' };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANGUAGE', 'NO_COLOR', 'FORCE_COLOR', 'CI']) delete env[name];
  const result = spawnSync(process.execPath, [join(INSTALL_ROOT, 'bin', 'clair'), ...args], { cwd: root, env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;
/** What a terminal would interpret: colours, cursor moves, and the frames of a spinner. */
const TERMINAL_CONTROL = /\u001b\[|\r|[\u2800-\u28ff]/u;
const STACK_TRACE = /^\s+at .+\(?.*:\d+:\d+\)?$/mu;

function expectPlain(run: Run): void {
  expect(run.stdout + run.stderr).not.toMatch(TERMINAL_CONTROL);
  expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
}

let full: Run;
let fullOut: string;

beforeAll(() => {
  root = tempDir('cli');
  // bin/clair runs the compiled dist/. tsc writes it even when some other file has a type error; such errors are
  // for tsc's own check to report, so they are shown here but do not stop these tests.
  const tsc = spawnSync(join(INSTALL_ROOT, 'node_modules', '.bin', 'tsc'), ['-p', join(INSTALL_ROOT, 'tsconfig.build.json')], { encoding: 'utf8' });
  if (tsc.status !== 0) console.warn(`tsc -p . reported problems:\n${tsc.stdout}${tsc.stderr}`);
  expect(existsSync(join(INSTALL_ROOT, 'dist', 'cli', 'main.js'))).toBe(true);
  fullOut = join(root, 'everything');
  full = clair(['--data', SHIPPED_DATA, 'build', 'brochure', '--format', 'pdf', '--out', fullOut]);
});

afterAll(() => removeDir(root));

describe('clair build brochure', () => {
  it('puts every edition into DIR/<office>-<year>/ with --out DIR and lists the files on stdout', () => {
    expect(full.status, full.stderr).toBe(0);
    expect(tree(fullOut)).toEqual([`${FOLDER}/`, ...EDITION_IDS.map((id) => `${FOLDER}/brochure.${id}.pdf`)].sort());
    const listed = full.stdout.trim().split('\n').map((line) => line.trim().split(/\s+/)[0]);
    // Paths inside the working folder are shown relative to it.
    expect(listed).toEqual(EDITION_IDS.map((id) => `everything/${FOLDER}/brochure.${id}.pdf`));
    expect(full.stdout).toMatch(/\d+ pages/);
  });

  it('writes plain text when the output is not a terminal: no colours, no spinner frames', () => {
    expectPlain(full);
    expect(full.stderr).toMatch(new RegExp(`seoul ${data.brochure.edition}: ${EDITION_IDS.length} files`));
  });

  it('builds only the Japanese PDF with --lang ja --format pdf, into ./out/<office>-<year>/ without --out', () => {
    const run = clair(['--data', SHIPPED_DATA, 'build', 'brochure', '--lang', 'ja', '--format', 'pdf']);
    expect(run.status, run.stderr).toBe(0);
    expect(tree(join(root, 'out'))).toEqual([`${FOLDER}/`, `${FOLDER}/brochure.ja.pdf`]);
    expect(run.stdout.trim()).toMatch(new RegExp(`^out/${FOLDER}/brochure\\.ja\\.pdf\\s`));
    // Built alone or after other editions (which leave parsed fonts behind), an edition has the same bytes.
    expect(readFileSync(join(root, 'out', FOLDER, 'brochure.ja.pdf')).equals(readFileSync(join(fullOut, FOLDER, 'brochure.ja.pdf')))).toBe(true);
    expectPlain(run);
  });

  it('writes the very bytes the renderer gives when called in-process from the sources', async () => {
    for (const editionId of EDITION_IDS) {
      const [file] = await renderEdition({ world: { dataRoot: SHIPPED_DATA }, officeId: 'seoul', editionId, formats: ['pdf'] });
      expect(Buffer.from(file!.bytes).equals(readFileSync(join(fullOut, FOLDER, `brochure.${editionId}.pdf`))), editionId).toBe(true);
    }
  });
});

describe('clair build brochure, called wrongly, exits with 2 and says why', () => {
  const year = data.brochure.edition;
  const cases: { name: string; args: string[]; en: RegExp; ja: RegExp }[] = [
    {
      name: 'an edition the brochure does not declare', args: ['--lang', 'fr'],
      en: new RegExp(`edition "fr" is not declared in brochure\\.yaml \\(editions: ${EDITION_IDS.join(', ')}\\)`), ja: /版「fr」は brochure\.yaml にありません/,
    },
    { name: 'an unknown format', args: ['--format', 'docx'], en: /unknown format "docx" \(formats: pdf, html\)/, ja: /形式「docx」はありません/ },
    { name: 'an office that is not in the data', args: ['--office', 'nowhere'], en: /no office "nowhere" under .* \(offices: seoul\)/, ja: /事務所「nowhere」がありません/ },
    { name: 'a year that is not a year', args: ['--year', '20x6'], en: /--year must be a year such as 2026, not "20x6"/, ja: /--year は 2026 のような年です/ },
    {
      name: 'a year the data is not for', args: ['--year', String(year - 1)],
      en: new RegExp(`the data of seoul is for the ${year} brochure, not ${year - 1}`), ja: new RegExp(`seoul のデータは ${year} 年版です`),
    },
  ];

  it.each(cases)('$name, in English, and in Japanese with LANG=ja_JP.UTF-8', ({ args, en, ja }) => {
    const out = join(root, 'never');
    const english = clair(['--data', SHIPPED_DATA, 'build', 'brochure', ...args, '--out', out]);
    expect(english.status).toBe(2);
    expect(english.stderr).toMatch(en);
    expect(english.stderr).not.toMatch(JAPANESE);
    expectPlain(english);

    const japanese = clair(['--data', SHIPPED_DATA, 'build', 'brochure', ...args, '--out', out], { lang: 'ja_JP.UTF-8' });
    expect(japanese.status).toBe(2);
    expect(japanese.stderr).toMatch(ja);
    expectPlain(japanese);
    expect(existsSync(out)).toBe(false);
  });

  // For `build brochure` --lang names the editions to build; the message language is --ui-lang or the locale.
  it('keeps English messages when the edition asked for is the Japanese one', () => {
    const run = clair(['--data', SHIPPED_DATA, 'build', 'brochure', '--lang', 'ja', '--office', 'nowhere', '--out', join(root, 'never')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no office "nowhere"/);
  });
});

describe('clair build brochure on wrong data', () => {
  it('exits with 1, names the file, line and column, and writes nothing', () => {
    const office = copySeoul(join(root, 'broken-yaml'));
    const file = join(office.officeDir, 'jet.yaml');
    writeFile(file, readFileSync(file, 'utf8').replace(/^since: .*$/m, 'since: 1987: 1988'));
    const out = join(root, 'out-broken-yaml');
    const run = clair(['--data', office.dataRoot, 'build', 'brochure', '--format', 'pdf', '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/jet\.yaml:\d+:\d+\b/);
    expectPlain(run);
    expect(existsSync(out)).toBe(false);
  });

  it('exits with 1 on a value the schema refuses, naming the field, and writes nothing', () => {
    const office = copySeoul(join(root, 'schema-error'));
    editYaml(join(office.officeDir, 'jet.yaml'), (doc) => doc.setIn(['years', 0, 'participants'], 'many'));
    const out = join(root, 'out-schema-error');
    const run = clair(['--data', office.dataRoot, 'build', 'brochure', '--lang', 'ko', '--format', 'pdf', '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/jet\.yaml:\d+:\d+\b.*participants/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a photo that is not an image as a data problem, naming the file, without a stack trace', () => {
    const office = copySeoul(join(root, 'fake-photo'));
    writeFile(join(office.officeDir, 'photos', 'stage.png'), 'not a PNG, only its name says so');
    editYaml(join(office.officeDir, 'festival.yaml'), (doc) => doc.setIn(['photos', 0, 'file'], 'photos/stage.png'));
    const out = join(root, 'out-fake-photo');
    const run = clair(['--data', office.dataRoot, 'build', 'brochure', '--lang', 'ko', '--format', 'pdf', '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/photos\/stage\.png.*not a JPEG or PNG image/);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expectPlain(run);
    expect(existsSync(out)).toBe(false);
  });

  it('shows no stack trace when writing fails, unless --debug asks for one', () => {
    const blocker = join(root, 'not-a-folder');
    writeFile(blocker, 'a file where the output folder should go');
    const args = ['--data', SHIPPED_DATA, 'build', 'brochure', '--lang', 'ko', '--format', 'pdf', '--out', join(blocker, 'out')];

    const quiet = clair(args);
    expect(quiet.status).toBe(2);
    expect(quiet.stderr).toMatch(/^error: I\/O error: /m);
    expect(quiet.stderr).not.toMatch(STACK_TRACE);
    expectPlain(quiet);

    const debug = clair(['--debug', ...args]);
    expect(debug.status).toBe(2);
    expect(debug.stderr).toMatch(STACK_TRACE);
  });
});
