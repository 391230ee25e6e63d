// The example CI workflows in examples/ci/ are documentation people copy: every clair command in them is run here,
// as the workflow would run it (a shell, from the repository root, on a copy of the shipped data), so a renamed
// option or format breaks this test before it breaks someone's pipeline. `npm ci` is what .ci/run does first.
import { DOMParser } from '@xmldom/xmldom';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSTALL_ROOT } from '../world.js';
import { compileIfStale } from './__fixtures__/compiled.js';

const EXAMPLES = join(INSTALL_ROOT, 'examples', 'ci');

interface GithubWorkflow { jobs: Record<string, { steps: { run?: string; uses?: string }[] }> }
type GitlabPipeline = Record<string, { script?: string[] } | unknown>;

function githubCommands(): string[] {
  const workflow = parse(readFileSync(join(EXAMPLES, 'github-actions.yml'), 'utf8')) as GithubWorkflow;
  return Object.values(workflow.jobs).flatMap((job) => job.steps.map((step) => step.run).filter((run): run is string => run !== undefined));
}

function gitlabCommands(): string[] {
  const pipeline = parse(readFileSync(join(EXAMPLES, 'gitlab-ci.yml'), 'utf8')) as GitlabPipeline;
  return Object.values(pipeline).flatMap((job) => (job && typeof job === 'object' && 'script' in job ? (job as { script: string[] }).script : []));
}

let repo: string;
beforeAll(() => {
  compileIfStale('cli/main.js', ['cli', 'validate']);
  repo = mkdtempSync(join(tmpdir(), 'clair-workflow-'));
  cpSync(join(INSTALL_ROOT, 'data'), join(repo, 'data'), { recursive: true });
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

function run(command: string) {
  // `npx clair` in the workflow is this checkout's bin/clair.
  const shell = command.replace(/^npx clair\b/, `"${process.execPath}" "${join(INSTALL_ROOT, 'bin', 'clair')}"`);
  return spawnSync('bash', ['-eo', 'pipefail', '-c', shell], { cwd: repo, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', NO_COLOR: '1', GITHUB_WORKSPACE: repo } });
}

describe('example CI workflows', () => {
  it('hold clair commands, and only commands this test knows how to run', () => {
    for (const command of [...githubCommands(), ...gitlabCommands()]) expect(command).toMatch(/^(npm ci|npx clair .+)$/);
    expect(githubCommands().filter((c) => c.startsWith('npx clair'))).toHaveLength(3);
    expect(gitlabCommands().filter((c) => c.startsWith('npx clair'))).toHaveLength(2);
  });

  it('run: every clair command succeeds and writes what the next step reads', () => {
    const commands = [...new Set([...githubCommands(), ...gitlabCommands()].filter((c) => c.startsWith('npx clair')))];
    for (const command of commands) {
      const result = run(command);
      expect(result.status, `${command}\n${result.stderr}`).toBe(0);
    }
    const sarif = JSON.parse(readFileSync(join(repo, 'clair.sarif'), 'utf8'));
    expect(sarif).toMatchObject({ version: '2.1.0', runs: [{ tool: { driver: { name: 'clair' } } }] });
    // The shipped data has no problems, only notes (photo entries without a file).
    expect(sarif.runs[0].results.filter((r: { level: string }) => r.level !== 'note')).toEqual([]);
    const junit = new DOMParser().parseFromString(readFileSync(join(repo, 'clair-junit.xml'), 'utf8'), 'text/xml');
    expect(junit.documentElement!.getAttribute('failures')).toBe('0');
    expect(Number(junit.documentElement!.getAttribute('tests'))).toBeGreaterThanOrEqual(14);
    expect(readdirSync(join(repo, 'out', 'seoul-2026')).sort()).toEqual([
      'brochure.ja-ko.html', 'brochure.ja-ko.pdf', 'brochure.ja.html', 'brochure.ja.pdf', 'brochure.ko.html', 'brochure.ko.pdf',
    ]);
  });

  it('fail the job on bad data, with annotations and results naming files from the repository root', () => {
    const file = join(repo, 'data', 'seoul', 'brochure.yaml');
    const original = readFileSync(file, 'utf8');
    try {
      cpSync(file, `${file}.bak`);
      spawnSync('sed', ['-i', 's/^edition: 2026$/edition: 2027/', file]);
      const github = run('npx clair validate --strict --format github');
      expect(github.status).toBe(1);
      expect(github.stdout).toContain('::error file=data/seoul/brochure.yaml,line=3,col=13,title=clair title-year::');
      const sarif = run('npx clair validate --strict --format sarif > clair.sarif');
      expect(sarif.status).toBe(1);
      const log = JSON.parse(readFileSync(join(repo, 'clair.sarif'), 'utf8'));
      expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('data/seoul/brochure.yaml');
    } finally {
      cpSync(`${file}.bak`, file);
      rmSync(`${file}.bak`);
      expect(readFileSync(file, 'utf8')).toBe(original);
    }
  });
});
