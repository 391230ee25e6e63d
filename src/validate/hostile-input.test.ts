// Files no editor meant to write: each is refused quickly with a located, plain message, never a hang or a crash.
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_DEPTH, MAX_FILE_BYTES, parseYaml } from '../load/source.js';
import { officeVariant, removeVariants, validateVariant } from './__fixtures__/variants.js';
import { validateOffices } from './index.js';

afterAll(removeVariants);

const bytes = (text: string) => new TextEncoder().encode(text);
const problemsOf = (text: string | Uint8Array) => {
  const result = parseYaml('data.yaml', typeof text === 'string' ? bytes(text) : text);
  return result.ok ? [] : result.diagnostics;
};

describe('the loader', () => {
  it('stops an alias bomb ("billion laughs") before it expands', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    const [problem, ...rest] = problemsOf(lines.join('\n'));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: 'alias-expansion', line: 2, column: 10, message: { en: 'aliases expand too much (more than 200); data files should not need this many' } });
  });

  it('refuses a file larger than any data file without parsing it', () => {
    const [problem] = problemsOf(new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61));
    expect(problem).toMatchObject({ code: 'file-too-large', line: 0, found: `${MAX_FILE_BYTES + 1} bytes` });
  });

  it('points at the first byte that is not UTF-8 and says why such files exist', () => {
    // "name: あい" in Shift_JIS after a valid UTF-8 line.
    const [problem] = problemsOf(new Uint8Array([...bytes('title: 日本\nname: '), 0x82, 0xa0, 0x82, 0xa2, 0x0a]));
    expect(problem).toMatchObject({
      code: 'not-utf8', line: 2, column: 7, found: 'bytes 82 a0 82 a2',
      message: { en: 'the file is not valid UTF-8 text (save it as UTF-8; Shift_JIS or EUC-KR files are not read)' },
    });
  });

  it('says a file is empty, also when it only has comments', () => {
    expect(problemsOf('')).toMatchObject([{ code: 'empty-file', line: 1 }]);
    expect(problemsOf('# nothing yet\n')).toMatchObject([{ code: 'empty-file' }]);
  });

  it('reads a byte order mark and Windows line ends like any other file, lines counted the same', () => {
    const result = parseYaml('data.yaml', new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('title: a\r\nstaff:\r\n  total: 11\r\n')]));
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    expect(result.source.data).toEqual({ title: 'a', staff: { total: 11 } });
    expect(result.source.locate(['staff', 'total'])).toEqual({ line: 3, column: 10 });
  });

  it('refuses deep nesting at once instead of exhausting the stack', () => {
    for (const text of [
      `title: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
      `title: ${'{a: '.repeat(50_000)}1${'}'.repeat(50_000)}\n`,
      `items:\n${'- '.repeat(30_000)}x\n`,
      `title: x\nitems: ${'- '.repeat(30_000)}x\n`,
      Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n',
    ]) {
      const [problem, ...rest] = problemsOf(text);
      expect(rest).toEqual([]);
      expect(problem).toMatchObject({ code: 'too-deep', message: { en: `the data is nested more than ${MAX_DEPTH} levels deep; clair's data files need fewer than ten` } });
    }
  });

  it('does not count brackets in quoted text or comments as nesting', () => {
    expect(problemsOf(`title: "${'['.repeat(100)}"\nnote: '${'{'.repeat(100)}'\n# ${'['.repeat(100)}\n`)).toEqual([]);
  });

  it('finds duplicate keys, also among tens of thousands of keys', () => {
    expect(problemsOf('title: a\nname: b\ntitle: c\n')).toMatchObject([{ code: 'duplicate-key', line: 3, column: 1, message: { en: 'the key "title" appears twice in the same mapping; the second would silently replace the first' } }]);
    const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i}`);
    expect(problemsOf(`${keys.join('\n')}\nk7: again\n`)).toMatchObject([{ code: 'duplicate-key', line: 20_001 }]);
  });
});

describe('the validator on hostile files', () => {
  it('reports each broken file of an office and still checks the others', async () => {
    const { diagnostics } = await validateVariant({
      'events.yaml': `a: &a [x, x, x, x, x, x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 30 }, (_, i) => `b${i}: [*a, *a, *a, *a, *a, *a, *a, *a]`).join('\n')}\n`,
      'jet.yaml': new Uint8Array([0xff, 0xfe, 0x00, 0x41]),
      'lectures.yaml': '',
      'seminars.yaml': `\uFEFF${'title: {ja: x, ko: y}\r\n'}`,
      'festival.yaml': 'just a sentence\n',
      'office.yaml': (text) => `\uFEFF${text.replace(/\n/g, '\r\n').replace('total: 11', 'total: 12')}`,
    });
    const byFile = Object.fromEntries(diagnostics.map((d) => [d.file, d]));
    expect(byFile['seoul/events.yaml']).toMatchObject({ code: 'alias-expansion' });
    expect(byFile['seoul/jet.yaml']).toMatchObject({ code: 'not-utf8', line: 1, column: 1 });
    expect(byFile['seoul/lectures.yaml']).toMatchObject({ code: 'empty-file' });
    expect(byFile['seoul/festival.yaml']).toMatchObject({ code: 'schema-type', message: { en: 'the file should be a mapping (key: value lines), not text' } });
    expect(byFile['seoul/seminars.yaml']).toMatchObject({ code: 'schema-required' });
    // BOM and CRLF: office.yaml is read and its semantic problem located on the right line.
    expect(byFile['seoul/office.yaml']).toMatchObject({ code: 'sum-mismatch', line: 22, column: 10 });
  });

  it('keeps tens of thousands of unknown keys to a readable, quickly produced list', async () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i}`).join('\n');
    const { world } = officeVariant({ 'events.yaml': (text) => `${text}${keys}\n` });
    const { diagnostics } = await validateOffices(world);
    expect(diagnostics).toHaveLength(101);
    expect(diagnostics[0]!.message.en).toBe('… and 19900 more problems in this file (the first 100 are shown)');
  });
});
