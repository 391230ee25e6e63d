// Values no brochure text holds, refused when a file is loaded with a located message: YAML tags clair does not
// define, control and bidirectional characters, texts of a million characters, integers beyond 2^53.
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_CHARS } from './content.js';
import { parseYaml } from './source.js';

const problemsOf = (text: string) => {
  const result = parseYaml('events.yaml', new TextEncoder().encode(text));
  return result.ok ? [] : result.diagnostics;
};

describe('YAML tags', () => {
  it('that clair does not define are errors naming the tag, where it is written', () => {
    expect(problemsOf('title: ok\nrun: !!js/function "function () { return 1 }"\n')).toMatchObject([
      { code: 'yaml-tag', line: 2, column: 6, found: '!!js/function', message: { en: expect.stringMatching(/^the YAML tag !!js\/function is not one clair knows/) } },
    ]);
    expect(problemsOf('secrets: !include ../../secrets.yaml\n')).toMatchObject([{ code: 'yaml-tag', line: 1, column: 10, found: '!include' }]);
    expect(problemsOf('x: !<tag:yaml.org,2002:python/object> y\n')).toMatchObject([{ code: 'yaml-tag', found: '!<tag:yaml.org,2002:python/object>' }]);
    expect(problemsOf('set: !!set {a, b}\nraw: !!binary aGVsbG8=\n').map((p) => p.found)).toEqual(['!!set', '!!binary']);
    expect(problemsOf('list: !custom [1, 2]\n')).toMatchObject([{ code: 'yaml-tag', found: '!custom' }]);
  });

  it('of the core schema keep their meaning: !!str keeps a number as text', () => {
    const result = parseYaml('events.yaml', new TextEncoder().encode('code: !!str 0123\nn: !!int 7\n'));
    expect(result.ok && result.source.data).toEqual({ code: '0123', n: 7 });
  });
});

describe('characters', () => {
  it('control characters (NUL, BEL, ESC, C1) are errors naming the character, also in keys', () => {
    expect(problemsOf('title: "a\\0b"\n')).toMatchObject([{ code: 'control-character', line: 1, column: 8, pointer: '/title', found: 'U+0000 (NUL) in "a\\u0000b"' }]);
    expect(problemsOf('items:\n  - name: "ring \\a"\n')).toMatchObject([{ code: 'control-character', line: 2, column: 11, pointer: '/items/0/name', message: { en: 'the text holds the control character U+0007 (BEL): it prints as an empty box and can disturb a terminal' } }]);
    expect(problemsOf('title: "\\e]0;owned\\a"\n')[0]).toMatchObject({ found: expect.stringContaining('U+001B (ESC)') });
    expect(problemsOf('title: "\\x85"\n')[0]).toMatchObject({ found: expect.stringContaining('U+0085 (C1 control)') });
    expect(problemsOf('"bad\\bkey": 1\n')).toMatchObject([{ code: 'control-character', line: 1, column: 1 }]);
    expect(problemsOf('title: "\\ud800"\n')).toMatchObject([{ code: 'control-character', found: expect.stringContaining('U+D800') }]);
  });

  it('tabs and line breaks of block text are fine', () => {
    expect(problemsOf('title: "a\\tb"\nbody: |\n  line one\n  line two\n')).toEqual([]);
  });

  it('bidirectional controls are errors: the HTML would turn text around them and the PDF would not', () => {
    expect(problemsOf('title: "abc\u202edef"\n')).toMatchObject([{ code: 'bidi-control', line: 1, found: expect.stringContaining('U+202E (RIGHT-TO-LEFT OVERRIDE)') }]);
    expect(problemsOf('title: x\u2066y\u2069\n')).toMatchObject([{ code: 'bidi-control', found: expect.stringContaining('U+2066 (LEFT-TO-RIGHT ISOLATE)') }]);
  });
});

describe('sizes', () => {
  it(`a text longer than ${MAX_TEXT_CHARS} characters is refused with its length, not truncated`, () => {
    const started = performance.now();
    const problems = problemsOf(`title: ok\nsummary: ${'あ'.repeat(300_000)}\n`);
    expect(problems).toMatchObject([{ code: 'text-too-long', line: 2, column: 10, pointer: '/summary', message: { en: `the text is 300,000 characters long; one field holds at most ${MAX_TEXT_CHARS.toLocaleString('en')}` } }]);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(problemsOf(`summary: ${'a'.repeat(MAX_TEXT_CHARS)}\n`)).toEqual([]);
  });

  it('an integer beyond 2^53 is refused as written, not rounded', () => {
    expect(problemsOf('staff:\n  total: 12345678901234567890\n')).toMatchObject([{
      code: 'integer-too-large', line: 2, column: 10, found: '12345678901234567890',
      message: { en: 'the number 12345678901234567890 is larger than 2^53 − 1 (9,007,199,254,740,991) and cannot be held exactly: it would print as 12345678901234567000' },
    }]);
    expect(problemsOf('a: 9007199254740991\nb: -9007199254740991\nc: 1.5\n')).toEqual([]);
    expect(problemsOf('a: .inf\n')).toMatchObject([{ code: 'not-a-number', found: '.inf' }]);
  });
});
