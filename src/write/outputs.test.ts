// Writing outputs as a set: a build killed before any one of its file-system changes leaves the output folder
// holding the complete previous set or the complete new one; builds of one folder take turns; links inside the
// folder stay links; a folder clair cannot write to is said so.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileIfStale } from '../cli/__fixtures__/compiled.js';
import { INSTALL_ROOT } from '../world.js';
import { removeDir, tempDir } from '../build/__fixtures__/offices.js';
import { bookkeepingOf, OutputSet } from './outputs.js';

const SCRIPT = join(INSTALL_ROOT, 'src', 'write', '__fixtures__', 'write-set.mjs');
const OLD_NAMES = ['brochure.ja.pdf', 'brochure.ko.pdf', 'brochure.ja.html'];
const NEW_NAMES = ['brochure.ja.pdf', 'brochure.ko.pdf', 'brochure.ja-ko.pdf'];

let root: string;
beforeAll(() => {
  compileIfStale('write/outputs.js', ['write', 'i18n']);
  root = tempDir('outputs');
});
afterAll(() => removeDir(root));

interface Run { status: number | null; signal: NodeJS.Signals | null; stdout: string }

/** The file system as Windows without Developer Mode answers: no links, no rename over a folder (write-set.mjs). */
const WINDOWS_FS = { CLAIR_TEST_WINDOWS_FS: '1' };

function writeSet(dir: string, tag: string, names: string[], killAt = 0, failWith?: string, fsEnv: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, [SCRIPT, dir, tag, names.join(','), String(killAt), ...(failWith ? [failWith] : [])], {
    encoding: 'utf8', env: { ...process.env, ...fsEnv, CLAIR_OUTPUTS_MODULE: join(INSTALL_ROOT, 'dist', 'write', 'outputs.js') },
  });
  return { status: result.status, signal: result.signal, stdout: result.stdout };
}

/** writeSet without waiting: the kills of the test below run a few at a time. */
function writeSetLater(dir: string, tag: string, names: string[], killAt = 0, fsEnv: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    const child = execFile(process.execPath, [SCRIPT, dir, tag, names.join(','), String(killAt)], {
      encoding: 'utf8', env: { ...process.env, ...fsEnv, CLAIR_OUTPUTS_MODULE: join(INSTALL_ROOT, 'dist', 'write', 'outputs.js') },
    }, (_error, stdout) => done({ status: child.exitCode, signal: child.signalCode, stdout }));
  });
}

/** The next build after a killed one, in this process (the same code, one process start less per step). */
function writeInProcess(dir: string, tag: string, names: string[]): void {
  const outputs = new OutputSet(dir);
  for (const name of names) outputs.stage(name, `${tag}:${name}`);
  outputs.commit();
}

/** Runs `task` for 1…count, `width` at a time. */
async function eachStep(count: number, width: number, task: (step: number) => Promise<void>): Promise<void> {
  let next = 1;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next <= count) await task(next++);
  }));
}

/** Sorted by name, to compare what two readers saw. */
const same = (a: Record<string, string> | undefined, b: Record<string, string>) =>
  a !== undefined && JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** What a reader opening the output folder sees: every file's text by name, or undefined when there is no folder. */
function seen(dir: string): Record<string, string> | undefined {
  if (!existsSync(dir)) return undefined;
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

const setOf = (tag: string, names: string[], extra: Record<string, string> = {}) =>
  ({ ...Object.fromEntries(names.map((name) => [name, `${tag}:${name}`])), ...extra });

describe('a build killed before each of its changes to the file system', () => {
  it('leaves the complete previous set or the complete new set, at every step', async () => {
    const template = join(root, 'template');
    const probe = join(template, 'seoul-2026');
    expect(writeSet(probe, 'old', OLD_NAMES).status).toBe(0);
    writeFileSync(join(probe, 'notes.txt'), 'kept');
    const { changes } = JSON.parse(writeSet(join(root, 'probe-copy', 'seoul-2026'), 'new', NEW_NAMES).stdout) as { changes: number };
    cpSync(template, join(root, 'probe'), { recursive: true, verbatimSymlinks: true });
    const counted = JSON.parse(writeSet(join(root, 'probe', 'seoul-2026'), 'new', NEW_NAMES).stdout) as { changes: number };
    expect(counted.changes).toBeGreaterThan(changes); // the old set's files carried over are changes too
    const before = setOf('old', OLD_NAMES, { 'notes.txt': 'kept' });
    const after = { ...before, ...setOf('new', NEW_NAMES) };
    const outcomes: Record<number, 'old' | 'new' | 'neither'> = {};
    const afterwards: Record<number, boolean> = {};
    await eachStep(counted.changes, 4, async (step) => {
      const copy = join(root, `kill-${step}`);
      cpSync(template, copy, { recursive: true, verbatimSymlinks: true });
      const dir = join(copy, 'seoul-2026');
      const killed = await writeSetLater(dir, 'new', NEW_NAMES, step);
      expect(killed.signal, `step ${step}`).toBe('SIGKILL');
      const found = seen(dir);
      outcomes[step] = same(found, before) ? 'old' : same(found, after) ? 'new' : 'neither';
      writeInProcess(dir, 'again', ['brochure.ja.pdf', 'brochure.en.pdf']);
      afterwards[step] = same(seen(dir), { ...found, ...setOf('again', ['brochure.ja.pdf', 'brochure.en.pdf']) })
        && readdirSync(bookkeepingOf(dir).versions).length === 1 && readdirSync(join(copy, '.clair')).length === 1;
    });
    const steps = Array.from({ length: counted.changes }, (_, i) => i + 1);
    // Every step ends in the old set or the new one, the switch falling in between; a build afterwards cleans up.
    expect(steps.map((step) => outcomes[step])).not.toContain('neither');
    expect(steps.map((step) => outcomes[step]).join(' ')).toMatch(/^(old )+new( new)*$/);
    expect(steps.filter((step) => !afterwards[step])).toEqual([]);
  });

  it('also when the folder was written by an older clair as a real folder: the next build puts it back', async () => {
    const before = setOf('old', OLD_NAMES, { 'notes.txt': 'kept' });
    const template = join(root, 'legacy-template');
    mkdirSync(join(template, 'seoul-2026'), { recursive: true });
    for (const [name, text] of Object.entries(before)) writeFileSync(join(template, 'seoul-2026', name), text);
    cpSync(template, join(root, 'legacy-probe'), { recursive: true });
    const { changes } = JSON.parse(writeSet(join(root, 'legacy-probe', 'seoul-2026'), 'new', NEW_NAMES).stdout) as { changes: number };
    const after = { ...before, ...setOf('new', NEW_NAMES) };
    const outcomes: Record<number, string> = {};
    await eachStep(changes, 4, async (step) => {
      const copy = join(root, `legacy-${step}`);
      cpSync(template, copy, { recursive: true });
      const dir = join(copy, 'seoul-2026');
      expect((await writeSetLater(dir, 'new', NEW_NAMES, step)).signal).toBe('SIGKILL');
      const found = seen(dir);
      const outcome = found === undefined ? 'none' : same(found, before) ? 'old' : same(found, after) ? 'new' : 'neither';
      // Between its two renames the real folder is moved aside; nothing is lost: the next build restores it.
      writeInProcess(dir, 'again', ['brochure.ja.pdf']);
      const restored = same(seen(dir), { ...(found ?? before), ...setOf('again', ['brochure.ja.pdf']) });
      outcomes[step] = `${outcome}${restored ? '' : ' (not restored)'}`;
    });
    const steps = Array.from({ length: changes }, (_, i) => i + 1).map((step) => outcomes[step]);
    expect(steps.join(' ')).toMatch(/^(old )+(none )?new( new)*$/);
  });
});

describe('where no link can be made (Windows without Developer Mode, FAT drives): two renames', () => {
  it('a build killed before each change leaves both sets complete, the output folder old or new or, between the renames, put back by the next build', async () => {
    const before = setOf('old', OLD_NAMES, { 'notes.txt': 'kept' });
    const after = { ...before, ...setOf('new', NEW_NAMES) };
    const template = join(root, 'windows-template');
    const first = writeSet(join(template, 'seoul-2026'), 'old', OLD_NAMES, 0, undefined, WINDOWS_FS);
    expect(first.status, first.stdout).toBe(0);
    expect(lstatSync(join(template, 'seoul-2026')).isDirectory()).toBe(true); // a real folder, not a link
    writeFileSync(join(template, 'seoul-2026', 'notes.txt'), 'kept');
    cpSync(template, join(root, 'windows-probe'), { recursive: true });
    const probe = writeSet(join(root, 'windows-probe', 'seoul-2026'), 'new', NEW_NAMES, 0, undefined, WINDOWS_FS);
    expect(probe.status, probe.stdout).toBe(0);
    expect(seen(join(root, 'windows-probe', 'seoul-2026'))).toEqual(after);
    const { changes } = JSON.parse(probe.stdout) as { changes: number };
    const outcomes: Record<number, string> = {};
    await eachStep(changes, 4, async (step) => {
      const copy = join(root, `windows-${step}`);
      cpSync(template, copy, { recursive: true });
      const dir = join(copy, 'seoul-2026');
      expect((await writeSetLater(dir, 'new', NEW_NAMES, step, WINDOWS_FS)).signal, `step ${step}`).toBe('SIGKILL');
      const found = seen(dir);
      const outcome = found === undefined ? 'none' : same(found, before) ? 'old' : same(found, after) ? 'new' : 'neither';
      // Nothing is lost even between the renames: the old set is complete, aside, and the next build (itself on
      // the same file system) puts it back before it writes; afterwards nothing of the killed build is left.
      const again = writeSet(dir, 'again', ['brochure.ja.pdf'], 0, undefined, WINDOWS_FS);
      const restored = again.status === 0 && same(seen(dir), { ...(found ?? before), ...setOf('again', ['brochure.ja.pdf']) })
        && readdirSync(bookkeepingOf(dir).versions).length === 0 && readdirSync(join(copy, '.clair')).length === 1;
      outcomes[step] = `${outcome}${restored ? '' : ' (not restored)'}`;
    });
    const steps = Array.from({ length: changes }, (_, i) => i + 1).map((step) => outcomes[step]);
    expect(steps.join(' ')).toMatch(/^(old )+none (new )*new$/);
  });

  it('a folder written with links is replaced the same way, and links inside the folder cannot be kept: said so', () => {
    const dir = join(root, 'windows-after-links', 'seoul-2026');
    expect(writeSet(dir, 'old', OLD_NAMES).status).toBe(0);
    expect(lstatSync(dir).isSymbolicLink()).toBe(true);
    const run = writeSet(dir, 'new', NEW_NAMES, 0, undefined, WINDOWS_FS);
    expect(run.status, run.stdout).toBe(0);
    expect(seen(dir)).toEqual({ ...setOf('old', OLD_NAMES), ...setOf('new', NEW_NAMES) });
    expect(readdirSync(bookkeepingOf(dir).versions)).toEqual([]);
    symlinkSync('brochure.ja.pdf', join(dir, 'latest.pdf'));
    const refused = writeSet(dir, 'again', NEW_NAMES, 0, undefined, WINDOWS_FS);
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe(`cannot keep the link ${join(dir, 'latest.pdf')} in the new outputs: this system does not let clair make links (on Windows, Developer Mode allows them); move the link out of the output folder`);
    expect(readFileSync(join(dir, 'brochure.ja-ko.pdf'), 'utf8')).toBe('new:brochure.ja-ko.pdf');
  });

  it('a folder held open by another program (Windows cannot move it) is named, with the previous outputs untouched', () => {
    const dir = join(root, 'windows-in-use', 'seoul-2026');
    expect(writeSet(dir, 'old', OLD_NAMES, 0, undefined, WINDOWS_FS).status).toBe(0);
    const run = writeSet(dir, 'new', NEW_NAMES, 0, undefined, { ...WINDOWS_FS, CLAIR_TEST_FOLDER_IN_USE: '1' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe(`cannot replace ${dir}: a file in it is open in another program (a PDF viewer?); close it and build again (the previous outputs are untouched)`);
    expect(seen(dir)).toEqual(setOf('old', OLD_NAMES));
    expect(readdirSync(bookkeepingOf(dir).versions)).toEqual([]);
  });
});

describe('builds of one output folder', () => {
  it('take turns: a second build while one is writing stops with a message naming the folder and the process', async () => {
    const dir = join(root, 'locked', 'seoul-2026');
    expect(writeSet(dir, 'old', OLD_NAMES).status).toBe(0);
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(bookkeepingOf(dir).lock, `${holder.pid}\n`);
      const second = writeSet(dir, 'new', NEW_NAMES);
      expect(second.status).toBe(2);
      expect(second.stdout).toBe(`another clair build (process ${holder.pid}) is writing ${dir}; try again when it has finished (or delete ${bookkeepingOf(dir).lock} if no build is running)`);
      expect(seen(dir)).toEqual(setOf('old', OLD_NAMES));
    } finally {
      holder.kill('SIGKILL');
    }
    await new Promise((done) => holder.once('exit', done));
    // The holder is gone: its lock is stale and the next build takes it.
    expect(writeSet(dir, 'new', NEW_NAMES).status).toBe(0);
    expect(seen(dir)).toEqual({ ...setOf('old', OLD_NAMES), ...setOf('new', NEW_NAMES) });
  });

  it('in one process, one at a time: the same folder cannot be opened twice', () => {
    const dir = join(root, 'twice', 'seoul-2026');
    const first = new OutputSet(dir);
    try {
      expect(() => new OutputSet(dir)).not.toThrow(); // the same process holds the lock: re-entrant
    } finally {
      first.abandon();
    }
  });
});

describe('links inside the output folder', () => {
  it('stay links: not followed, not copied, and a loop does not stop the build', () => {
    const dir = join(root, 'links', 'seoul-2026');
    expect(writeSet(dir, 'old', OLD_NAMES).status).toBe(0);
    const outside = join(root, 'links-outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.txt'), 'outside');
    symlinkSync(outside, join(dir, 'elsewhere'));
    symlinkSync('loop-b', join(dir, 'loop-a'));
    symlinkSync('loop-a', join(dir, 'loop-b'));
    for (const tag of ['new', 'again']) {
      const run = writeSet(dir, tag, NEW_NAMES);
      expect(run.status, run.stdout).toBe(0);
    }
    expect(lstatSync(join(dir, 'elsewhere')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'elsewhere'))).toBe(outside);
    expect(readlinkSync(join(dir, 'loop-a'))).toBe('loop-b');
    expect(readdirSync(outside)).toEqual(['secret.txt']);
    expect(readFileSync(join(dir, 'brochure.ja-ko.pdf'), 'utf8')).toBe('again:brochure.ja-ko.pdf');
  });
});

describe('a folder clair cannot write to', () => {
  for (const [errno, reason] of [['EROFS', 'the file system is mounted read-only'], ['EACCES', 'no permission to write there']]) {
    it(`(${errno}) is named, with the previous outputs untouched`, () => {
      const dir = join(root, `readonly-${errno}`, 'seoul-2026');
      expect(writeSet(dir, 'old', OLD_NAMES).status).toBe(0);
      const run = writeSet(dir, 'new', NEW_NAMES, 0, errno);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe(`cannot write to ${join(root, `readonly-${errno}`)} (read-only): ${reason}`);
      expect(seen(dir)).toEqual(setOf('old', OLD_NAMES));
    });
  }

  // Root writes anyway; the injected errors above cover that case.
  it.skipIf(process.getuid?.() === 0)('(a real read-only folder, when not running as root)', () => {
    const parent = join(root, 'chmod');
    mkdirSync(parent);
    spawnSync('chmod', ['0555', parent]);
    try {
      expect(() => new OutputSet(join(parent, 'seoul-2026'))).toThrow(`cannot write to ${parent} (read-only)`);
    } finally {
      spawnSync('chmod', ['0755', parent]);
    }
    expect(statSync(parent).isDirectory()).toBe(true);
  });
});
