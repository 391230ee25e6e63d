import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../diagnostics.js';
import { formatDiagnostics } from './index.js';
import { escapeXml } from './machine.js';

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
      summary: { errors: 2, warnings: 1, filesWithProblems: 3, filesChecked: 4 },
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
