// Files that are not what they claim: a data file or photo that is a named pipe, a link to /dev/zero, a file of
// hundreds of megabytes. Each is refused before it is read, at once, by the compiled CLI as a user runs it: exit 1
// for the data's own problems (located at the YAML that names the photo), 2 for a data file clair cannot read.
import { execFileSync, spawnSync } from 'node:child_process';
import { symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileIfStale } from '../cli/__fixtures__/compiled.js';
import { MAX_FILE_BYTES, MAX_PHOTO_BYTES } from '../load/source.js';
import { FileLimitError, INSTALL_ROOT, World } from '../world.js';
import { copySeoul, editYaml, removeDir, tempDir, type OfficeCopy } from './__fixtures__/offices.js';

let root: string;
beforeAll(() => {
  compileIfStale('cli/main.js', ['.']);
  root = tempDir('hostile-files');
});
afterAll(() => removeDir(root));

interface Run { status: number | null; stdout: string; stderr: string; seconds: number }

/** The compiled CLI, killed after 20 s: a hang shows as a failed test, not a stuck run. */
function clair(cwd: string, args: string[]): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C' };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANGUAGE', 'NO_COLOR', 'FORCE_COLOR', 'CI']) delete env[name];
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(INSTALL_ROOT, 'bin', 'clair'), ...args], { cwd, env, encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, seconds: (performance.now() - started) / 1000 };
}

let count = 0;
function office(): OfficeCopy & { cwd: string } {
  const cwd = join(root, `case-${++count}`);
  return { ...copySeoul(cwd), cwd };
}

const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/mu;

describe('a data file', () => {
  it('that is a named pipe is refused at once, not waited on (exit 2)', () => {
    const { cwd, officeDir } = office();
    execFileSync('rm', [join(officeDir, 'events.yaml')]);
    execFileSync('mkfifo', [join(officeDir, 'events.yaml')]);
    for (const args of [['validate'], ['build', 'brochure', '--format', 'pdf']]) {
      const run = clair(cwd, args);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stdout + run.stderr).toContain('data/seoul/events.yaml');
      expect(run.stdout + run.stderr).toContain('cannot read the file: it is a named pipe, not a regular file');
      expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
    }
  });

  it('linked to /dev/zero is refused without reading it (exit 2)', () => {
    const { cwd, officeDir } = office();
    execFileSync('rm', [join(officeDir, 'jet.yaml')]);
    symlinkSync('/dev/zero', join(officeDir, 'jet.yaml'));
    const run = clair(cwd, ['validate']);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('data/seoul/jet.yaml');
    expect(run.stdout).toContain('it is a device, not a regular file');
  });

  it('of 300 MB is refused by its size before it is read (exit 1)', () => {
    const { cwd, officeDir } = office();
    truncateSync(join(officeDir, 'lectures.yaml'), 300 * 1024 * 1024); // sparse: no disk used
    const run = clair(cwd, ['validate']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`file is 314,572,800 bytes; clair reads data files of at most ${MAX_FILE_BYTES.toLocaleString('en')} bytes`);
    expect(run.seconds).toBeLessThan(15);
  });
});

describe('the World', () => {
  it('reads no byte of a file larger than its reader allows, and no byte beyond the limit of one that grows', () => {
    const path = join(root, 'huge.bin');
    writeFileSync(path, '');
    truncateSync(path, 2 * 1024 * 1024 * 1024);
    const world = new World({ dataRoot: root });
    const before = process.memoryUsage().rss;
    expect(() => world.readBytes(path, MAX_PHOTO_BYTES)).toThrow(FileLimitError);
    expect(() => world.readBytes(path)).toThrow(/more than 268435456/);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    expect(() => world.readBytes('/dev/zero', 10)).toThrow('/dev/zero: a device, not a file');
    expect(() => world.readBytes(root, 10)).toThrow('a folder, not a file');
  });
});

describe('a photo', () => {
  /** Points the festival's first photo at `file` and returns the line and column of that `file:` value. */
  function photoAt(copy: OfficeCopy, file: string): string {
    editYaml(join(copy.officeDir, 'festival.yaml'), (doc) => doc.setIn(['photos', 0, 'file'], file));
    const lines = execFileSync('grep', ['-n', `file: ${file}`, join(copy.officeDir, 'festival.yaml')], { encoding: 'utf8' });
    const line = Number(lines.split(':')[0]);
    const column = lines.split('\n')[0]!.replace(/^\d+:/, '').indexOf(file) + 1;
    return `data/seoul/festival.yaml:${line}:${column}`;
  }

  const cases: [string, (path: string) => void, string, RegExp][] = [
    ['a named pipe', (path) => execFileSync('mkfifo', [path]), 'photo-unreadable', /cannot read the photo photos\/stage\.jpg: it is a named pipe, not a regular file/],
    ['a link to /dev/zero', (path) => symlinkSync('/dev/zero', path), 'photo-unreadable', /it is a device, not a regular file/],
    ['300 MB', (path) => { writeFileSync(path, Buffer.from([0xff, 0xd8, 0xff])); truncateSync(path, 300 * 1024 * 1024); }, 'photo-too-large', /the photo photos\/stage\.jpg is 314,572,800 bytes, more than the 33,554,432 clair reads/],
    ['not an image', (path) => writeFileSync(path, 'GIF89a, or a text file'), 'photo-not-image', /the photo photos\/stage\.jpg is not an image clair can read; save it as JPEG/],
  ];
  for (const [what, make, code, message] of cases) {
    it(`that is ${what} is a data problem located at the YAML naming it (exit 1), found before it is read`, () => {
      const copy = office();
      execFileSync('mkdir', ['-p', join(copy.officeDir, 'photos')]);
      make(join(copy.officeDir, 'photos', 'stage.jpg'));
      const at = photoAt(copy, 'photos/stage.jpg');
      const run = clair(copy.cwd, ['build', 'brochure', '--format', 'pdf']);
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toContain(at);
      expect(run.stderr).toContain(code);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(STACK_TRACE);
      expect(run.seconds).toBeLessThan(15);
    });
  }
});

describe('a photo cut short (a copy that stopped half-way)', () => {
  it('passes validate, which reads only its header, and fails the build located at the YAML entry naming it (exit 1)', async () => {
    const copy = office();
    execFileSync('mkdir', ['-p', join(copy.officeDir, 'photos')]);
    const whole = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#336699' } }).jpeg().toBuffer();
    writeFileSync(join(copy.officeDir, 'photos', 'stage.jpg'), whole.subarray(0, Math.floor(whole.length / 2)));
    editYaml(join(copy.officeDir, 'festival.yaml'), (doc) => doc.setIn(['photos', 0, 'file'], 'photos/stage.jpg'));
    const lines = execFileSync('grep', ['-n', 'file: photos/stage.jpg', join(copy.officeDir, 'festival.yaml')], { encoding: 'utf8' });
    const at = `data/seoul/festival.yaml:${Number(lines.split(':')[0])}:${lines.split('\n')[0]!.replace(/^\d+:/, '').indexOf('photos/stage.jpg') + 1}`;
    expect(clair(copy.cwd, ['validate']).status).toBe(0);
    for (const format of ['pdf', 'html']) {
      const run = clair(copy.cwd, ['build', 'brochure', '--format', format, '--lang', 'ja']);
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toContain(`${at}  error  photo "data/seoul/photos/stage.jpg" cannot be decoded`);
      expect(run.stderr).toContain('photo-not-image');
      expect(run.stderr).not.toMatch(STACK_TRACE);
    }
    const japanese = clair(copy.cwd, ['--ui-lang', 'ja', 'build', 'brochure', '--format', 'pdf', '--lang', 'ja']);
    expect(japanese.stderr).toContain(`${at}  エラー  写真「data/seoul/photos/stage.jpg」を読み込めません`);
  });
});

describe('an edition asked for twice', () => {
  it('is built once and reported once', () => {
    const { cwd } = office();
    const run = clair(cwd, ['build', 'brochure', '--lang', 'ja,ja', '--format', 'html']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/seoul 2026: 1 file in/);
    expect(run.stdout.trimEnd().split('\n')).toEqual([expect.stringMatching(/^ {2}out\/seoul-2026\/brochure\.ja\.html {2}\d+ KB$/)]);
  });
});
