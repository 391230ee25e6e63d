import { describe, expect, it } from 'vitest';
import { parseYaml } from './source.js';

const parse = (text: string) => parseYaml('office.yaml', new TextEncoder().encode(text));
const problems = (text: string) => {
  const result = parse(text);
  return result.ok ? (result.source.warnings ?? []) : result.diagnostics;
};

describe('YAML as staff write it', () => {
  it('warns when a # after a space cuts a text short, at the #, in English and Japanese', () => {
    const result = parse('contact:\n  address: 1 Raffles Place, #20-61\n  phone: "+65"\n');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.source.data).toEqual({ contact: { address: '1 Raffles Place,', phone: '+65' } });
    expect(result.source.warnings).toHaveLength(1);
    expect(result.source.warnings![0]).toMatchObject({
      severity: 'warning', code: 'yaml-comment-in-text', line: 2, column: 29, found: '"#20-61"',
      sourceLine: '  address: 1 Raffles Place, #20-61',
      message: {
        en: expect.stringContaining('put the text in quotes if # belongs to it'),
        ja: expect.stringContaining('引用符で囲んでください'),
      },
    });
    expect(result.source.warnings![0]!.expected?.en).toContain('"1 Raffles Place, #20-61"');
  });

  it('leaves a comment after a number, a flow mapping or a quoted text alone', () => {
    expect(problems('count: 83  # as of January\nyearly: [{fiscalYear: 2025, asOf: 2026-01}]  # end of January\nname: "A" # note\n')).toEqual([]);
  });

  it('leaves a comment written as one alone: two spaces before the #, a space after it', () => {
    expect(problems('published: 2027-04-01  # TODO: the publication date\ncountry: XX  # TODO: the ISO code\n')).toEqual([]);
    // A date or a code is whole, whatever the spacing: only prose can be cut short.
    expect(problems('published: 2027-03-05 # TODO: confirm the date\n')).toEqual([]);
    expect(problems('note: some text # with one space before\n').map((d) => d.code)).toEqual(['yaml-comment-in-text']);
    expect(problems('note: some text  #without a space after\n').map((d) => d.code)).toEqual(['yaml-comment-in-text']);
  });

  it('says a comma in {…} needs quotes, once, instead of one unknown key per text', () => {
    const found = problems('name: {ja: バンコク, en: Bangkok, Thailand}\nother: 1\n');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'error', code: 'yaml-comma-in-flow', line: 1, column: 31,
      message: { en: expect.stringContaining('"Thailand" became a key of its own'), ja: expect.stringContaining('「Thailand」が独立したキー') },
      expected: { en: 'the text in quotes: "Bangkok, Thailand"' },
    });
  });

  it('says a colon in {…} needs quotes', () => {
    const found = problems('name: {ja: 時間, en: Time: 10am}\n');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      code: 'yaml-colon-in-flow', line: 1, column: 24,
      message: { en: expect.stringContaining('put the text with the colon in quotes'), ja: expect.stringContaining('コロンを含むテキストは引用符') },
      expected: { en: 'the text in quotes: "Time: 10am"' },
    });
  });

  it('says an apostrophe ends a single-quoted text', () => {
    const found = problems("name: {ja: 店, en: 'Japan's best'}\n");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      code: 'yaml-apostrophe', line: 1, column: 25,
      message: { en: expect.stringContaining("write it twice ('')"), ja: expect.stringContaining('二重引用符') },
      expected: { en: `the text in double quotes: "Japan's best"` },
    });
  });

  it('points at a full-width colon after a key, with no cascade', () => {
    const found = problems('title：Overview\nname: x\nshortName: y\n');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      code: 'yaml-full-width-colon', line: 1, column: 6,
      message: { en: expect.stringContaining('full-width colon'), ja: expect.stringContaining('全角のコロン') },
      expected: { en: 'title: …' },
    });
  });

  it('keeps a full-width colon inside Japanese text', () => {
    expect(problems('description: 注意：ここは本文です\n')).toEqual([]);
  });

  it('points at full-width spaces used for indentation, once per line, with no cascade', () => {
    const found = problems('contact:\n\u3000address: x\n\u3000phone: y\n');
    expect(found.map((d) => [d.code, d.line, d.column])).toEqual([['yaml-full-width-space', 2, 1], ['yaml-full-width-space', 3, 1]]);
    expect(found[0]!.message.en).toContain('full-width space (U+3000)');
    expect(found[0]!.message.ja).toContain('全角スペース 1 個');
  });

  it('names a # that hides the closing bracket of {…}', () => {
    const found = problems('contact: {en: 1 Raffles Place, #20-61}\nphone: x\n');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'yaml-comment-in-text', severity: 'error', line: 1, column: 32 });
  });

  it('names a [ or { left open, past the blank and comment lines the parser reads on into', () => {
    const found = problems('id: london\nlanguages: [ja, en\n\n# CLAIR itself\norganisation:\n  name: {ja: 自治体国際化協会, en: "CLAIR"}\n');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      code: 'yaml-unclosed-flow', severity: 'error', line: 2, column: 12, found: '"languages: [ja, en"',
      expected: { en: 'languages: [ja, en]' }, sourceLine: 'languages: [ja, en',
    });
    expect(found[0]!.message.ja).toContain('行末に「]」を足してください');
    // Nested and quoted brackets count as they are written: a ] inside quotes closes nothing.
    expect(problems('a: [{x: "]"}\nb: 1\n')[0]).toMatchObject({ code: 'yaml-unclosed-flow', expected: { en: 'a: [{x: "]"}]' } });
    // A list closed on its line is not one.
    expect(problems('a: [1, 2]\nb: [3\n').map((d) => [d.code, d.line])).toEqual([['yaml-unclosed-flow', 2]]);
  });

  it('still gives the parser\'s words for a slip it does not know', () => {
    const found = problems('a: b: c\n');
    expect(found[0]!.code).toBe('yaml-syntax');
    expect(found[0]!.sourceLine).toBeDefined();
  });
});
