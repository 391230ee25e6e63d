// The terminal as an attacker or an odd setup would have it: control characters from data (OSC title and clipboard
// sequences, BEL, clear screen) shown as escapes, with or without colour; a terminal of 0 columns that must not
// make the spinner loop; SIGTERM during a build ending it at once. Runs the compiled CLI, on a real pseudo-terminal
// (util-linux's `script`) where a TTY matters.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeControls } from '../controls.js';
import { copySeoul, removeDir, tempDir } from '../build/__fixtures__/offices.js';
import { INSTALL_ROOT } from '../world.js';
import { compileIfStale } from './__fixtures__/compiled.js';

const CLAIR = join(INSTALL_ROOT, 'bin', 'clair');
let root: string;
beforeAll(() => {
  compileIfStale('cli/main.js', ['.']);
  root = tempDir('terminal');
});
afterAll(() => removeDir(root));

const env = (): NodeJS.ProcessEnv => {
  const clean: NodeJS.ProcessEnv = { ...process.env, LANG: 'C.UTF-8' };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANGUAGE', 'NO_COLOR', 'FORCE_COLOR', 'CI']) delete clean[name];
  return clean;
};
const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;
/** A shell command line that runs the CLI on a pseudo-terminal of `columns` columns. */
const onTerminal = (columns: number, args: string[]) =>
  ['-qfec', `stty cols ${columns} rows 24; exec ${quote(process.execPath)} ${quote(CLAIR)} ${args.map(quote).join(' ')}`, '/dev/null'];

/** What a terminal would obey, once clair's own colours (SGR: ESC [ … m) are taken out. */
const OBEYED = /[\u0000-\u0008\u000b\u000c\u000e-\u001a\u001c-\u001f\u007f-\u009f]|\u001b(?!\[[0-9;]*m)/u;
const HOSTILE_KEY = '\u001b]0;owned\u0007\u001b]52;c;ZWNobyBoaQ==\u0007\u001b[2J\u009b';

describe('escapeControls', () => {
  it('shows ESC, BEL, C1 and bidi controls as escapes and keeps tabs and line breaks', () => {
    expect(escapeControls(`a${HOSTILE_KEY}\tb\nc\u202e`)).toBe('a\\x1b]0;owned\\x07\\x1b]52;c;ZWNobyBoaQ==\\x07\\x1b[2J\\x9b\tb\nc\\u202e');
    expect(escapeControls('a\nb', { keepLines: false })).toBe('a\\x0ab');
  });
});

describe('control characters from data', () => {
  let dataRoot: string;
  beforeAll(() => {
    dataRoot = copySeoul(join(root, 'hostile')).dataRoot;
    const file = join(dataRoot, 'seoul', 'lectures.yaml');
    // A key written twice: the message quotes the key as the file has it.
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n"${HOSTILE_KEY}": 1\n"${HOSTILE_KEY}": 2\n`);
  });

  it('are escaped in messages without colour', () => {
    for (const args of [['validate'], ['validate', '--no-color'], ['validate', '--format', 'github'], ['build', 'brochure']]) {
      const run = spawnSync(process.execPath, [CLAIR, '--data', dataRoot, ...args], { encoding: 'utf8', env: env() });
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stdout + run.stderr).toContain('\\x1b]0;owned\\x07');
      expect(run.stdout + run.stderr).not.toMatch(OBEYED);
      expect(run.stdout + run.stderr).not.toContain('\u001b');
    }
  });

  it('are escaped in messages with colour, on a terminal', () => {
    const run = spawnSync('script', onTerminal(120, ['--data', dataRoot, 'validate']), { encoding: 'utf8', env: env(), timeout: 19_000 });
    expect(run.stdout).toContain('\u001b[31m'); // clair's own colours are there
    expect(run.stdout).toContain('\\x1b]52;c;');
    expect(run.stdout).not.toMatch(OBEYED);
  });

  it('in a name given on the command line are escaped too', () => {
    const run = spawnSync(process.execPath, [CLAIR, '--data', dataRoot, 'build', 'brochure', '--office', `x${HOSTILE_KEY}`], { encoding: 'utf8', env: env() });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no office "x\\x1b]0;owned');
    expect(run.stderr).not.toContain('\u001b');
  });
});

describe('a terminal of 0 columns', () => {
  it('gets no spinner, and the build ends with a bounded output', () => {
    const out = join(root, 'zero-columns');
    const run = spawnSync('script', onTerminal(0, ['build', 'brochure', '--lang', 'ja', '--format', 'pdf', '--out', out]), {
      encoding: 'utf8', env: env(), timeout: 19_000, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.signal, 'the build was still running after 19 s').toBeNull();
    expect(run.status).toBe(0);
    expect(run.stdout.length).toBeLessThan(2_000);
    expect(run.stdout).toContain('seoul 2026: 1 file');
  });
});

describe('SIGTERM during a build', () => {
  it('ends it at once, with a spinner on the terminal, and leaves the previous outputs as they were', async () => {
    const out = join(root, 'terminated');
    const first = spawnSync(process.execPath, [CLAIR, 'build', 'brochure', '--lang', 'ja', '--format', 'html', '--out', out], { encoding: 'utf8', env: env() });
    expect(first.status, first.stderr).toBe(0);
    const previous = readFileSync(join(out, 'seoul-2026', 'brochure.ja.html'));
    const script = spawn('script', onTerminal(100, ['build', 'brochure', '--out', out]), { env: env() });
    let seen = '';
    script.stdout.on('data', (chunk: Buffer) => { seen += chunk.toString('utf8'); });
    const exited = new Promise<void>((done) => script.once('exit', () => done()));
    // Wait for the spinner to say the editions are being laid out: the longest stretch of work.
    const deadline = Date.now() + 15_000;
    while (!/laying out/.test(seen) && Date.now() < deadline) await new Promise((tick) => setTimeout(tick, 20));
    expect(seen).toMatch(/laying out/);
    // The shell of `script` exec'd node: its only child is the build.
    const children = readFileSync(`/proc/${script.pid}/task/${script.pid}/children`, 'utf8').trim().split(/\s+/).map(Number);
    expect(children).toHaveLength(1);
    const sent = performance.now();
    process.kill(children[0]!, 'SIGTERM');
    await exited;
    // Well under a second on a quiet host; the bound leaves room for a layout step that holds the thread on a loaded one
    // (a process that ignored the signal ran until the test's own timeout).
    expect(performance.now() - sent).toBeLessThan(3_000);
    expect(readFileSync(join(out, 'seoul-2026', 'brochure.ja.html')).equals(previous)).toBe(true);
  });
});
