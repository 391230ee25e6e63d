// End to end: `node bin/clair validate …` as an editor or a CI job runs it. Checks exit codes (0 clean, warnings
// allowed; 1 problems in the data; 2 wrong usage or unreadable files), every output format, both languages, and
// that hostile or damaged files end in messages, never a stack trace.
// Runs the compiled CLI: dist/ is rebuilt first when a source of the validator is newer than its output.
import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../load/source.js';
import { damage, FILES, ORIGINAL } from '../validate/__fixtures__/damage.js';
import { FIXTURES, officeVariant, removeVariants, replaceOnce, VALID_ROOT } from '../validate/__fixtures__/variants.js';
import { INSTALL_ROOT } from '../world.js';
import { compileIfStale } from './__fixtures__/compiled.js';
import { runClair } from './__fixtures__/run.js';

const BROKEN_ROOT = join(FIXTURES, 'broken');

beforeAll(() => compileIfStale('validate/index.js', ['validate', 'cli', 'load', 'schema']));
afterAll(removeVariants);

const clair = runClair;

describe('clair validate on good data', () => {
  it('finds the shipped data clean, listing its photo entries without a file as notes, one line each', () => {
    const run = clair(['validate']);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^✔ no problems in \d+ files; \d+ notes$/);
    const notes = lines.filter((line) => line.startsWith('  '));
    expect(notes.length).toBe(Number(/; (\d+) notes$/.exec(lines.at(-1)!)![1]));
    for (const note of notes) expect(note).toMatch(/^ {2}data\/seoul\/[a-z-]+\.yaml:\d+:\d+ {2}note {2}the photo ".+" has no file, so nothing is printed for it {2}photo-without-file$/);
    expect(run.status).toBe(0);
    expect(clair(['validate', '--strict']).status).toBe(0);
  });

  it('validates a data root given with --data, and a single file', () => {
    expect(clair(['--data', VALID_ROOT, 'validate'])).toEqual({ status: 0, stdout: '✔ no problems in 14 files\n', stderr: '' });
    expect(clair(['validate', join(VALID_ROOT, 'seoul', 'jet.yaml')]).stdout).toBe('✔ no problems in 1 file\n');
  });

  it('exits 0 on warnings, and 1 with --strict', () => {
    const { root } = officeVariant({ 'events.yaml': replaceOnce('location: {ja: 京畿道, ko: 경기도}', 'location: {ja: 京畿道}') });
    const lenient = clair(['--data', root, 'validate']);
    expect(lenient.status).toBe(0);
    expect(lenient.stdout).toContain('seoul/events.yaml:10:15  warning  no ko text here; the office publishes in ja, ko');
    const strict = clair(['--data', root, 'validate', '--strict']);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain('seoul/events.yaml:10:15  error  no ko text here');
  });
});

describe('clair validate on broken data', () => {
  it('lists each problem where it is, with what was found and expected, and exits 1', () => {
    const run = clair(['validate', BROKEN_ROOT], { cwd: FIXTURES });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain([
      'broken/seoul/jet.yaml',
      '  broken/seoul/jet.yaml:24:9  error  placements for 2025: the CIR placing bodies add up to 44 (26 + 3 + 15), but byPosition.CIR is 45  sum-mismatch',
      '     |',
      '  24 |       - {position: CIR, bodyType: prefecture, count: 26}',
      '     |         ^',
      '      found: 44',
      '      expected: 45 CIRs in total',
    ].join('\n'));
    expect(run.stdout).toContain('broken/seoul/office.yaml:4:1  error  unknown key "shortname"; did you mean "shortName"?');
    expect(run.stdout).toContain('broken/seoul/brochure.yaml:17:13  error  "sistercities" is not allowed in parts[0].sections[10].id; did you mean "sister-cities"?');
    expect(run.stdout).toMatch(/✖ 7 errors, 2 warnings in 7 files \(15 checked\)\n$/);
  });

  it('speaks Japanese with --ui-lang ja (or --ui-lang=ja, or the older --lang ja) or a Japanese locale', () => {
    const flag = clair(['validate', BROKEN_ROOT, '--ui-lang', 'ja'], { cwd: FIXTURES });
    expect(clair(['--ui-lang=ja', 'validate', BROKEN_ROOT], { cwd: FIXTURES }).stdout).toBe(flag.stdout);
    expect(clair(['validate', BROKEN_ROOT, '--lang', 'ja'], { cwd: FIXTURES }).stdout).toBe(flag.stdout);
    expect(flag.stdout).toContain('broken/seoul/festival.yaml:11:14  エラー  2025年度のおまつり: booths.count は 17 ですが、出展団体は 16 件です');
    expect(flag.stdout).toContain('✖ 7 ファイルにエラー 7 件、警告 2 件（15 ファイルを確認）');
    const locale = clair(['validate', BROKEN_ROOT], { cwd: FIXTURES, env: { LANG: 'ja_JP.UTF-8' } });
    expect(locale.stdout).toBe(flag.stdout);
  });

  it('writes JSON, GitHub annotations and JUnit XML for tools', () => {
    const json = JSON.parse(clair(['validate', BROKEN_ROOT, '--format', 'json'], { cwd: FIXTURES }).stdout);
    expect(json.summary).toEqual({ errors: 7, warnings: 2, notes: 0, filesWithProblems: 7, filesChecked: 15 });
    expect(json.diagnostics.map((d: { code: string }) => d.code)).toContain('count-mismatch');

    // Annotations name files from the repository root (here the clair checkout), not from the working directory.
    const github = clair(['validate', BROKEN_ROOT, '--format', 'github'], { cwd: FIXTURES, env: { GITHUB_WORKSPACE: INSTALL_ROOT } });
    expect(github.status).toBe(1);
    expect(github.stdout).toContain('::error file=src/validate/__fixtures__/broken/seoul/festival.yaml,line=11,col=14,title=clair count-mismatch::festival 2025: booths.count is 17, but 16 exhibitors are listed%0A');
    expect(github.stdout).toContain('::warning file=src/validate/__fixtures__/broken/seoul/sistercity.yaml,title=clair unknown-file::');

    const junit = clair(['validate', BROKEN_ROOT, '--format', 'junit'], { cwd: FIXTURES });
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (level, message) => { if (level !== 'warning') errors.push(message); } }).parseFromString(junit.stdout, 'text/xml');
    expect(errors).toEqual([]);
    expect(doc.getElementsByTagName('testsuite')).toHaveLength(15);
    // One failing case per rule and file: the two misfiled dates of events.yaml are one case.
    expect(doc.documentElement!.getAttribute('failures')).toBe('6');
  });
});

describe('clair validate on hostile files', () => {
  it('answers each with a clear message and exit 1, also with BOM and CRLF files that are fine', () => {
    const bomb = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`)].join('\n');
    const { root } = officeVariant({
      'events.yaml': bomb,
      'jet.yaml': new Uint8Array([...new TextEncoder().encode('title: '), 0x93, 0xfa, 0x96, 0x7b, 0x0a]),
      'lectures.yaml': '',
      'partners.yaml': `title: x\n${'# padding\n'.repeat(MAX_FILE_BYTES / 10 + 1)}`,
      'seminars.yaml': (text) => `\uFEFF${text.replace(/\n/g, '\r\n')}`,
      'festival.yaml': `title: ${'['.repeat(50_000)}\n`,
    });
    const run = clair(['--data', root, 'validate', '--format', 'json'], { cwd: root });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    const byFile = Object.fromEntries(JSON.parse(run.stdout).diagnostics.map((d: { file: string; code: string }) => [d.file, d.code]));
    expect(byFile).toEqual({
      'seoul/events.yaml': 'alias-expansion',
      'seoul/jet.yaml': 'not-utf8',
      'seoul/lectures.yaml': 'empty-file',
      'seoul/partners.yaml': 'file-too-large',
      'seoul/festival.yaml': 'too-deep',
    });
  });

  it('always exits 0 or 1 on damaged files, with located messages and no stack trace', () => {
    const { root, dir } = officeVariant();
    fc.assert(
      fc.property(damage, (edits) => {
        for (const name of FILES) writeFileSync(join(dir, name), ORIGINAL[name]!);
        for (const [name, mutations] of edits) {
          let bytes: Uint8Array = new Uint8Array(readFileSync(join(dir, name)));
          for (const mutate of mutations) bytes = mutate(bytes);
          writeFileSync(join(dir, name), bytes);
        }
        const run = clair(['--data', root, 'validate', '--format', 'json'], { cwd: root });
        expect(run.stderr).toBe('');
        expect([0, 1]).toContain(run.status);
        for (const d of JSON.parse(run.stdout).diagnostics) expect(d.file).toMatch(/^seoul\//);
      }),
      { numRuns: 8 },
    );
  });
});

describe('clair validate, used wrongly', () => {
  it('exits 2 for a path that does not exist, without a stack trace', () => {
    const run = clair(['validate', 'no/such/office']);
    expect(run).toEqual({ status: 2, stdout: '', stderr: 'error: no such file or folder: no/such/office\n' });
    expect(clair(['--data', 'no-data-here', 'validate']).stderr).toBe('error: the data folder no-data-here does not exist (use --data <folder>)\n');
  });

  it('exits 2 for an unknown format or language', () => {
    expect(clair(['validate', '--format', 'xml']).status).toBe(2);
    const lang = clair(['validate', '--lang', 'ko']);
    expect(lang).toMatchObject({ status: 2, stderr: 'error: --lang must be "en" or "ja", not "ko"\n' });
    const uiLang = clair(['validate', '--ui-lang=ko']);
    expect(uiLang).toMatchObject({ status: 2, stderr: 'error: --ui-lang must be "en" or "ja", not "ko"\n' });
  });

  it('exits 2 for a data file it cannot read, after reporting the rest', () => {
    const { root, dir } = officeVariant({ 'jet.yaml': null });
    symlinkSync(join(dir, 'no-such-target.yaml'), join(dir, 'jet.yaml'));
    const run = clair(['--data', root, 'validate']);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('seoul/jet.yaml  error  cannot read the file (ENOENT)');
  });

  it('shows examples in its help', () => {
    const help = clair(['validate', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('clair validate --format github');
    expect(help.stdout).toContain('Exit codes: 0 no errors (warnings allowed), 1 problems in the data, 2 wrong usage or unreadable files.');
  });
});
