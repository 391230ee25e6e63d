import { DOMParser } from '@xmldom/xmldom';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
const addFormats = addFormatsModule.default; // a CommonJS module, as in src/validate/generate.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../diagnostics.js';
import { formatDiagnostics } from './index.js';
import { escapeXml } from './machine.js';
import { INSTALL_ROOT } from '../../world.js';

const sumMismatch: Diagnostic = {
  severity: 'error', code: 'sum-mismatch', file: 'data/seoul/office.yaml', line: 22, column: 10, pointer: '/staff/total',
  message: { en: 'staff.total is 12, but the roles add up to 11 (1 + 1 + 6 + 3)', ja: 'staff.total は 12 ですが、役職ごとの人数の合計は 11 (1 + 1 + 6 + 3) です' },
  found: '12', expected: { en: '11, the sum of staff.roles[].count', ja: '11（staff.roles[].count の合計）' },
};
const missingLanguage: Diagnostic = {
  severity: 'warning', code: 'missing-language', file: 'data/seoul/events.yaml', line: 10, column: 15, pointer: '/events/0/location',
  message: { en: 'no ko text here; the office publishes in ja, ko', ja: 'ko のテキストがありません（事務所の言語: ja, ko）' }, found: 'ja',
};
const missingFile: Diagnostic = {
  severity: 'error', code: 'missing-file', file: 'data/seoul/brochure.yaml', line: 0, column: 0, pointer: '',
  message: { en: 'the office folder data/seoul has no brochure.yaml; every office needs one', ja: '事務所のフォルダ data/seoul に brochure.yaml がありません（必須です）' },
};
const diagnostics = [missingFile, missingLanguage, sumMismatch];
const files = ['data/seoul/events.yaml', 'data/seoul/jet.yaml', 'data/seoul/office.yaml'];

describe('text', () => {
  it('groups problems by file, each with file:line:column, what was found and expected, and a summary', () => {
    expect(formatDiagnostics(diagnostics, 'text', 'en', { files })).toBe([
      'data/seoul/brochure.yaml',
      '  data/seoul/brochure.yaml  error  the office folder data/seoul has no brochure.yaml; every office needs one  missing-file',
      '',
      'data/seoul/events.yaml',
      '  data/seoul/events.yaml:10:15  warning  no ko text here; the office publishes in ja, ko  missing-language',
      '      found: ja',
      '',
      'data/seoul/office.yaml',
      '  data/seoul/office.yaml:22:10  error  staff.total is 12, but the roles add up to 11 (1 + 1 + 6 + 3)  sum-mismatch',
      '      found: 12',
      '      expected: 11, the sum of staff.roles[].count',
      '',
      '✖ 2 errors, 1 warning in 3 files (4 checked)',
      '',
    ].join('\n'));
  });

  it('speaks Japanese', () => {
    const text = formatDiagnostics([sumMismatch], 'text', 'ja', { files });
    expect(text).toContain('data/seoul/office.yaml:22:10  エラー  staff.total は 12 ですが');
    expect(text).toContain('      期待: 11（staff.roles[].count の合計）');
    expect(text).toContain('✖ 1 ファイルにエラー 1 件、警告 0 件（3 ファイルを確認）');
  });

  it('shows the line with a caret under the column, counting wide characters as two', () => {
    const comment: Diagnostic = {
      severity: 'warning', code: 'yaml-comment-in-text', file: 'data/singapore/office.yaml', line: 12, column: 29, pointer: '',
      message: { en: '`#` after a space starts a comment', ja: '空白の後の「#」からコメントになります' },
      sourceLine: '  address: 1 Raffles Place, #20-61',
    };
    expect(formatDiagnostics([comment], 'text', 'en').split('\n').slice(1, 5)).toEqual([
      '  data/singapore/office.yaml:12:29  warning  `#` after a space starts a comment  yaml-comment-in-text',
      '     |',
      '  12 |   address: 1 Raffles Place, #20-61',
      '     |                             ^',
    ]);
    const wide = formatDiagnostics([{ ...comment, line: 3, column: 10, sourceLine: 'title：ソウル事務所' }], 'text', 'ja');
    // t-i-t-l-e, then ：ソウル at two columns each: 13 columns before 事.
    expect(wide).toContain(`  3 | title：ソウル事務所\n    | ${' '.repeat(13)}^\n`);
    expect(wide).toContain('警告  空白の後の「#」からコメントになります');
  });

  it('keeps a long line\'s caret on screen and a control character from moving the cursor', () => {
    const long: Diagnostic = { ...sumMismatch, line: 1, column: 150, sourceLine: `${'x'.repeat(149)}#${'y'.repeat(100)}` };
    const [, , text, caret] = formatDiagnostics([long], 'text', 'en').split('\n').slice(1, 5);
    expect(text!.indexOf('#')).toBe(caret!.indexOf('^'));
    const control = formatDiagnostics([{ ...sumMismatch, line: 1, column: 3, sourceLine: 'a\u001b[2Jb' }], 'text', 'en');
    expect(control).not.toContain('\u001b');
  });

  it('says so when there is nothing to report', () => {
    expect(formatDiagnostics([], 'text', 'en', { files })).toBe('✔ no problems in 3 files\n');
    expect(formatDiagnostics([], 'text', 'ja', { files })).toBe('✔ 3 ファイルに問題はありません\n');
  });

  it('colours only when asked', () => {
    expect(formatDiagnostics(diagnostics, 'text', 'en', { files })).not.toMatch(/\u001b\[/);
    expect(formatDiagnostics(diagnostics, 'text', 'en', { files, color: true })).toContain('\u001b[31merror\u001b[39m');
  });
});

describe('json', () => {
  it('has a stable, versioned shape with one language', () => {
    const report = JSON.parse(formatDiagnostics(diagnostics, 'json', 'en', { files }));
    expect(report).toEqual({
      version: 1,
      language: 'en',
      summary: { errors: 2, warnings: 1, notes: 0, filesWithProblems: 3, filesChecked: 4 },
      files: ['data/seoul/brochure.yaml', 'data/seoul/events.yaml', 'data/seoul/jet.yaml', 'data/seoul/office.yaml'],
      diagnostics: [
        { file: 'data/seoul/brochure.yaml', line: 0, column: 0, severity: 'error', code: 'missing-file', pointer: '', message: missingFile.message.en, found: null, expected: null },
        { file: 'data/seoul/events.yaml', line: 10, column: 15, severity: 'warning', code: 'missing-language', pointer: '/events/0/location', message: missingLanguage.message.en, found: 'ja', expected: null },
        { file: 'data/seoul/office.yaml', line: 22, column: 10, severity: 'error', code: 'sum-mismatch', pointer: '/staff/total', message: sumMismatch.message.en, found: '12', expected: sumMismatch.expected!.en },
      ],
    });
  });
});

describe('github', () => {
  it('writes one workflow command per problem, warnings as ::warning, the file alone when there is no line', () => {
    expect(formatDiagnostics(diagnostics, 'github', 'en').split('\n')).toEqual([
      '::error file=data/seoul/brochure.yaml,title=clair missing-file::the office folder data/seoul has no brochure.yaml; every office needs one',
      '::warning file=data/seoul/events.yaml,line=10,col=15,title=clair missing-language::no ko text here; the office publishes in ja, ko%0Afound: ja',
      '::error file=data/seoul/office.yaml,line=22,col=10,title=clair sum-mismatch::staff.total is 12, but the roles add up to 11 (1 + 1 + 6 + 3)%0Afound: 12%0Aexpected: 11, the sum of staff.roles[].count',
      '',
    ]);
  });

  it('escapes what would end a property or start a new command', () => {
    const tricky: Diagnostic = { ...sumMismatch, file: 'data/a,b:c.yaml', message: { en: '100% wrong\n::error::injected', ja: '' }, found: undefined, expected: undefined };
    expect(formatDiagnostics([tricky], 'github', 'en')).toBe('::error file=data/a%2Cb%3Ac.yaml,line=22,col=10,title=clair sum-mismatch::100%25 wrong%0A::error::injected\n');
  });
});

describe('junit', () => {
  const parse = (xml: string) => {
    const problems: string[] = [];
    // Warnings are advice (xmldom flags U+FFFD, which clair writes for bytes XML cannot carry); errors are not.
    const onError = (level: string, message: string) => { if (level !== 'warning') problems.push(`${level}: ${message}`); };
    const doc = new DOMParser({ onError }).parseFromString(xml, 'text/xml');
    expect(problems).toEqual([]);
    return doc;
  };

  it('is valid XML with one suite per file and one case per rule, or a passing case for a clean file', () => {
    const doc = parse(formatDiagnostics(diagnostics, 'junit', 'en', { files }));
    const suites = Array.from(doc.getElementsByTagName('testsuite'));
    expect(suites.map((s) => [s.getAttribute('name'), s.getAttribute('tests'), s.getAttribute('failures')])).toEqual([
      ['data/seoul/brochure.yaml', '1', '1'],
      ['data/seoul/events.yaml', '1', '0'],
      ['data/seoul/jet.yaml', '1', '0'],
      ['data/seoul/office.yaml', '1', '1'],
    ]);
    const root = doc.documentElement!;
    expect([root.getAttribute('tests'), root.getAttribute('failures')]).toEqual(['4', '2']);
    const office = suites[3]!.getElementsByTagName('testcase')[0]!;
    expect(office.getAttribute('name')).toBe('sum-mismatch');
    expect(office.getElementsByTagName('failure')[0]!.textContent).toBe([
      'data/seoul/office.yaml:22:10: error: staff.total is 12, but the roles add up to 11 (1 + 1 + 6 + 3)',
      '  found: 12',
      '  expected: 11, the sum of staff.roles[].count',
    ].join('\n'));
    // A warning is output of a passing case; a clean file passes as "valid".
    expect(suites[1]!.getElementsByTagName('system-out')).toHaveLength(1);
    expect(suites[2]!.getElementsByTagName('testcase')[0]!.getAttribute('name')).toBe('valid');
  });

  it('escapes markup and drops characters XML cannot carry, from any value found in a file', () => {
    const garbage: Diagnostic = { ...sumMismatch, found: '"<\u0000&\u0007\uD800\'>"', message: { en: 'a < b & "c"', ja: '' } };
    const doc = parse(formatDiagnostics([garbage], 'junit', 'en', { files: [] }));
    const failure = doc.getElementsByTagName('failure')[0]!;
    expect(failure.getAttribute('message')).toBe('a < b & "c"');
    expect(failure.textContent).toContain('found: "<\uFFFD&\uFFFD\uFFFD\'>"');
    expect(escapeXml('😀')).toBe('😀');
  });
});

describe('junit: file, line and time for CI dashboards', () => {
  it('gives each case its file (as the repository names it) and first line, each suite and the run their time', () => {
    const xml = formatDiagnostics(diagnostics, 'junit', 'en', {
      files, seconds: 0.25, fileSeconds: new Map([['data/seoul/office.yaml', 0.0042]]), repositoryPath: (file) => `offices/${file}`,
    });
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    expect(doc.documentElement!.getAttribute('time')).toBe('0.250');
    const cases = Array.from(doc.getElementsByTagName('testcase'));
    expect(cases.map((c) => [c.getAttribute('file'), c.getAttribute('line')])).toEqual([
      ['offices/data/seoul/brochure.yaml', null], // the whole file: no line
      ['offices/data/seoul/events.yaml', '10'],
      ['offices/data/seoul/jet.yaml', null],
      ['offices/data/seoul/office.yaml', '22'],
    ]);
    const suites = Array.from(doc.getElementsByTagName('testsuite'));
    expect(suites.find((s) => s.getAttribute('name') === 'data/seoul/office.yaml')!.getAttribute('time')).toBe('0.004');
  });
});

describe('sarif', () => {
  // The SARIF 2.1.0 schema as Microsoft's SARIF SDK ships it (draft-04; ajv reads it as a later draft, which differs
  // from draft-04 only in keywords this schema does not use: exclusiveMinimum/Maximum).
  const sarifSchema = () => {
    const schema = JSON.parse(readFileSync(join(INSTALL_ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
    delete schema.$schema;
    delete schema.id;
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false }); // the schema's language pattern is not a valid /u regular expression
    addFormats(ajv);
    return ajv.compile(schema);
  };

  it('is a valid SARIF 2.1.0 log, one result per problem with its repository path, line and column', () => {
    const log = JSON.parse(formatDiagnostics(diagnostics, 'sarif', 'en', { version: '1.2.3', repositoryPath: (file) => `repo-sub/${file}` }));
    const validate = sarifSchema();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.version).toBe('2.1.0');
    // The schema does refuse what GitHub would refuse.
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
    expect(validate({ ...log, runs: [{ ...log.runs[0], results: [{ ...log.runs[0].results[0], level: 'fatal' }] }] })).toBe(false);
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'clair', semanticVersion: '1.2.3' });
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['missing-file', 'missing-language', 'sum-mismatch']);
    expect(run.results.map((r: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: unknown } }[] }) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.region])).toEqual([
      ['missing-file', 'error', 'repo-sub/data/seoul/brochure.yaml', undefined],
      ['missing-language', 'warning', 'repo-sub/data/seoul/events.yaml', { startLine: 10, startColumn: 15 }],
      ['sum-mismatch', 'error', 'repo-sub/data/seoul/office.yaml', { startLine: 22, startColumn: 10 }],
    ]);
    expect(run.results[2].message.text).toBe('staff.total is 12, but the roles add up to 11 (1 + 1 + 6 + 3)\nfound: 12\nexpected: 11, the sum of staff.roles[].count');
  });

  it('is valid with no problems, in Japanese, and with paths that need escaping', () => {
    const validate = sarifSchema();
    expect(validate(JSON.parse(formatDiagnostics([], 'sarif', 'ja', { version: '0.1.0' })))).toBe(true);
    const spaced: Diagnostic = { ...sumMismatch, file: 'データ/ソウル 事務所/office.yaml' };
    const log = JSON.parse(formatDiagnostics([spaced], 'sarif', 'ja', { version: '0.1.0' }));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(decodeURI(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri)).toBe(spaced.file);
    expect(log.runs[0].results[0].message.text).toContain('期待: 11（staff.roles[].count の合計）');
  });
});

describe('notes', () => {
  const note: Diagnostic = {
    severity: 'note', code: 'photo-without-file', file: 'data/seoul/festival.yaml', line: 102, column: 5, pointer: '/photos/0',
    message: { en: 'the photo "ステージの様子" has no file, so nothing is printed for it', ja: '写真「ステージの様子」にはファイルがないため、何も印刷されません' },
    sourceLine: '  - {caption: {ja: ステージの様子, ko: 무대 모습}}',
  };

  it('are one line each in the text format, and counted apart from problems', () => {
    expect(formatDiagnostics([note, { ...note, line: 103 }], 'text', 'en', { files: ['data/seoul/festival.yaml'] })).toBe([
      'data/seoul/festival.yaml',
      '  data/seoul/festival.yaml:102:5  note  the photo "ステージの様子" has no file, so nothing is printed for it  photo-without-file',
      '  data/seoul/festival.yaml:103:5  note  the photo "ステージの様子" has no file, so nothing is printed for it  photo-without-file',
      '',
      '✔ no problems in 1 file; 2 notes',
      '',
    ].join('\n'));
    expect(formatDiagnostics([sumMismatch, note], 'text', 'ja', { files })).toContain('✖ 1 ファイルにエラー 1 件、警告 0 件（4 ファイルを確認）。注記 1 件');
    expect(formatDiagnostics([note], 'text', 'ja')).toContain('data/seoul/festival.yaml:102:5  注記  写真「ステージの様子」にはファイルがないため、何も印刷されません');
  });

  it('are notices for GitHub, SARIF notes (valid) and JUnit output that fails nothing', () => {
    expect(formatDiagnostics([note], 'github', 'en')).toMatch(/^::notice file=data\/seoul\/festival\.yaml,line=102,col=5,title=clair photo-without-file::the photo/);
    const log = JSON.parse(formatDiagnostics([note], 'sarif', 'en', { version: '0.1.0' }));
    expect(log.runs[0].results[0].level).toBe('note');
    expect(JSON.parse(formatDiagnostics([note], 'json', 'en')).summary).toMatchObject({ errors: 0, warnings: 0, notes: 1, filesWithProblems: 0 });
    const junit = formatDiagnostics([note], 'junit', 'en');
    expect(junit).toContain('<system-out>');
    expect(junit).not.toContain('<failure');
  });
});

describe('paths relative to the repository root', () => {
  it('takes the root from the CI, or the nearest .git upwards, whatever the working directory', async () => {
    const { repositoryPath, repositoryRoot } = await import('./repository.js');
    const exists = (path: string) => path === '/work/repo/.git';
    expect(repositoryRoot('/work/repo/data', exists, {})).toBe('/work/repo');
    expect(repositoryRoot('/elsewhere', exists, {})).toBe('/elsewhere');
    expect(repositoryRoot('/work/repo/data', exists, { GITHUB_WORKSPACE: '/home/runner/work/x/x' })).toBe('/home/runner/work/x/x');
    const path = repositoryPath('/work/repo', '/work/repo/data');
    expect(path('seoul/office.yaml')).toBe('data/seoul/office.yaml');
    expect(path('/outside/office.yaml')).toBe('/outside/office.yaml');
    expect(formatDiagnostics([sumMismatch], 'github', 'en', { repositoryPath: repositoryPath('/work', '/work/repo') })).toContain('::error file=repo/data/seoul/office.yaml,line=22');
  });
});
