// End to end: `node bin/clair compare …` as a user runs it, against the metrics fixtures. Checks the output of
// every format, the choice of office, and the exit codes: 0 ok, 1 problems in the data, 2 wrong usage.
// Runs the compiled CLI: dist/ is rebuilt first when a source of the command is newer than its output.
import { parse } from 'csv-parse/sync';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BROKEN, DUPLICATE, INVALID, SEVERAL, SINGLE } from '../metrics/__fixtures__/fixtures.js';
import { INSTALL_ROOT } from '../world.js';
import { compileIfStale } from './__fixtures__/compiled.js';

const GOLDEN = join(INSTALL_ROOT, 'src', 'metrics', '__golden__');

beforeAll(() => compileIfStale('cli/commands/compare.js', ['metrics', 'cli']));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  bytes: Buffer;
}

/** Runs the CLI as a child process; tests run these concurrently, each CLI start takes most of a second. */
function clair(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(INSTALL_ROOT, 'bin', 'clair'), ...args], {
      cwd: INSTALL_ROOT,
      env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      const bytes = Buffer.concat(out);
      resolve({ status, stdout: bytes.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), bytes });
    });
  });
}

const golden = (name: string) => readFileSync(join(GOLDEN, name), 'utf8');

describe.concurrent('clair compare', () => {
  it('prints the table of the only office of the data root, as the API renders it', async () => {
    const run = await clair(['--data', SINGLE, 'compare']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(golden('seoul-ja.table.txt'));
  });

  const zedland = ['--data', SEVERAL, 'compare', '--office', 'zedland', '--lang', 'fr',
    '--metrics', 'sns-municipalities,support-cases,jet-participants-from-office-country,research-requests,events,sister-city-exchanges'];
  for (const [format, file] of [['markdown', 'zedland-fr.md'], ['csv', 'zedland-fr.csv'], ['json', 'zedland-fr.json'], ['html', 'zedland-fr.html']]) {
    it(`prints ${format} as the API renders it`, async () => {
      const run = await clair([...zedland, '--format', format!]);
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(golden(file!));
    });
  }

  it('prints the table in Korean for a range of years', async () => {
    expect((await clair(['--data', SINGLE, 'compare', '--lang', 'ko', '--from', '2023', '--to', '2025'])).stdout).toBe(golden('seoul-ko.table.txt'));
  });

  it('writes CSV with a BOM for Excel, and the cells parse back', async () => {
    const run = await clair(['--data', SINGLE, 'compare', '--format', 'csv', '--bom', '--metrics', 'support-cases', '--from', 'FY2024']);
    expect(run.status).toBe(0);
    expect([...run.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parse(run.stdout, { bom: true })).toEqual([
      ['id', '項目', '単位', '2024年度', '2025年度', '前年度比', '増減率', '注記'],
      // 2025 is counted to the end of January 2026: its as-of date, and no change against the full year 2024.
      ['support-cases', '自治体の活動支援', '延べ件数', '74', '83', '—', '—',
        '2025年度 2026年1月末現在; 2025年度は年度途中の数値のため、前年度比を示しません（通年の数値と比べると、実際にはない増減を示すことになるため）。'],
    ]);
  });

  it('accepts fiscal years written as 2025, FY2025 or 2025年度', async () => {
    const run = await clair(['--data', SINGLE, 'compare', '--format', 'json', '--from', '2024年度', '--to', 'FY2025', '--metrics', 'events']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).fiscalYears).toEqual([2024, 2025]);
  });

  it('has help with examples and the metric ids', async () => {
    const run = await clair(['compare', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Examples');
    expect(run.stdout).toContain('clair compare --format csv --bom');
    expect(run.stdout).toContain('sister-city-partnerships');
  });

  describe('usage errors exit 2', () => {
    const cases: [string, string[], RegExp][] = [
      ['several offices and no --office', ['--data', SEVERAL, 'compare'], /several offices; choose one with --office: alpha, zedland/],
      ['an unknown office', ['--data', SEVERAL, 'compare', '--office', 'zedlnd'], /no office "zedlnd".*did you mean "zedland"/],
      ['an unknown metric', ['--data', SINGLE, 'compare', '--metrics', 'events,suport-cases'], /unknown metric "suport-cases" — did you mean "support-cases"/],
      ['from after to', ['--data', SINGLE, 'compare', '--from', '2025', '--to', '2023'], /--from 2025 is after --to 2023/],
      ['a bad format', ['--data', SINGLE, 'compare', '--format', 'xlsx'], /--format must be one of table, markdown, csv, json, html/],
      ['a bad fiscal year', ['--data', SINGLE, 'compare', '--from', 'last year'], /--from expects a fiscal year such as 2025/],
      ['a bad language', ['--data', SINGLE, 'compare', '--lang', 'de'], /--lang must be one of ja, ko, zh-Hans, en, fr/],
      ['--bom without csv', ['--data', SINGLE, 'compare', '--bom'], /--bom only applies to --format csv/],
      ['a language the office does not publish in', ['--data', SINGLE, 'compare', '--lang', 'en'], /--lang en: the office seoul publishes in ja, ko; choose one of them/],
      ['a missing data folder', ['--data', join(SINGLE, 'nowhere'), 'compare'], /does not exist/],
      ['an unknown option', ['--data', SINGLE, 'compare', '--year', '2025'], /unknown option/],
    ];
    for (const [name, args, message] of cases) {
      it(name, async () => {
        const run = await clair(args);
        expect(run.stderr).toMatch(message);
        expect(run.status).toBe(2);
        expect(run.stdout).toBe('');
      });
    }

    it('says so in Japanese under a Japanese locale', async () => {
      const run = await clair(['--data', SINGLE, 'compare', '--metrics', 'suport-cases', '--lang', 'ko'], { LANG: 'ja_JP.UTF-8' });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('"suport-cases" という指標はありません。"support-cases" のことですか？');
    });
  });

  describe('data problems exit 1', () => {
    it('refuses data that does not load, with file and line', async () => {
      const run = await clair(['--data', BROKEN, 'compare']);
      expect(run.status).toBe(1);
      // The { left open on line 5 is named there (the parser itself stumbles on line 6).
      expect(run.stderr).toMatch(/broken\/seoul\/support\.yaml:5:7\s+error\s+the \{ opened here is not closed on its line/);
      expect(run.stdout).toBe('');
    });

    it('refuses data the validator rejects, with its messages', async () => {
      const run = await clair(['--data', INVALID, 'compare']);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/invalid\/seoul\/support\.yaml:5:\d+\s+error\s+cases\.yearly\[0\]\.count should be a whole number/);
      expect(run.stdout).toBe('');
    });

    it('refuses two figures for one fiscal year, in Japanese with --ui-lang ja', async () => {
      const run = await clair(['--data', DUPLICATE, 'compare', '--ui-lang', 'ja']);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/duplicate\/zedland\/sister-cities\.yaml:6:\d+\s+エラー\s+exchangeProgrammes に 2023年度 が2回あります/);
    });

    it('says when nothing falls in the years asked', async () => {
      const run = await clair(['--data', SINGLE, 'compare', '--from', '2030']);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('no values for any metric in fiscal years 2030–; the data has values for 2020–2025');
    });

    it('says when an office has no yearly figures at all', async () => {
      const run = await clair(['--data', SEVERAL, 'compare', '--office', 'alpha']);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('alpha: no values for any metric');
    });

    it('says why a metric never has values', async () => {
      const run = await clair(['--data', SINGLE, 'compare', '--metrics', 'research-requests', '--ui-lang=ja']);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('research-requests: 依頼調査は事例のみで、年度別の件数はデータにありません（requests に年度付きで挙げ、completeFiscalYears で全件そろった年度を示すと件数になります）。');
      expect(run.stderr).toContain('seoul: research-requestsの数値がありません');
    });

    it('takes the table language from --lang and the message language from --ui-lang or the locale only', async () => {
      const table = await clair(['--data', DUPLICATE, 'compare', '--lang', 'ja'], { LANG: 'en_US.UTF-8' });
      expect(table.stderr).toMatch(/\berror\b.*exchangeProgrammes/);
      const locale = await clair(['--data', DUPLICATE, 'compare', '--lang', 'en'], { LANG: 'ja_JP.UTF-8' });
      expect(locale.stderr).toMatch(/エラー/);
    });
  });

  describe('--ui-lang', () => {
    it('refuses an unknown message language with exit code 2', async () => {
      const run = await clair(['--data', SINGLE, 'compare', '--ui-lang', 'ko']);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('--ui-lang must be "en" or "ja", not "ko"');
    });
  });

  const realData = join(INSTALL_ROOT, 'data');
  it.runIf(existsSync(join(realData, 'seoul', 'support.yaml')))('compares the Seoul data of data/seoul', async () => {
    const run = await clair(['--data', realData, 'compare', '--office', 'seoul', '--format', 'json', '--metrics', 'support-cases']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const supportCases = JSON.parse(run.stdout).metrics[0];
    expect(supportCases.values.find((v: { fiscalYear: number }) => v.fiscalYear === 2025)).toMatchObject({ value: 83, asOfDate: '2026-01-31' });
  });
});
