import { afterAll, describe, expect, it } from 'vitest';
import { parseYaml } from '../load/source.js';
import { replaceOnce, removeVariants, validateVariant } from './__fixtures__/variants.js';
import { reduceAnyOf, refResolver, schemaDiagnostics } from './schema-errors.js';
import { loadValidators, type SchemaError } from './validators.js';

afterAll(removeVariants);

const only = async (file: string, edit: (text: string) => string) => {
  const result = await validateVariant({ [file]: edit });
  return result.diagnostics.filter((d) => d.file === `seoul/${file}`);
};

describe('schema problems in plain words', () => {
  it('names a missing key and what it should hold', async () => {
    const [d, ...rest] = await only('events.yaml', replaceOnce(/^title: .*\n/m, ''));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      code: 'schema-required', line: 1, column: 1, pointer: '',
      message: { en: 'the file has no "title"; it is required', ja: 'ファイルに「title」がありません（必須です）' },
    });
  });

  it('points a missing key inside a mapping at the mapping\'s key', async () => {
    const [d] = await only('office.yaml', replaceOnce('  total: 11\n', ''));
    expect(d).toMatchObject({ code: 'schema-required', line: 21, column: 1, pointer: '/staff', message: { en: 'staff has no "total"; it is required' } });
    expect(d!.expected?.en).toBe('total: a whole number, 0 or more');
  });

  it('suggests the key meant by a typo, and does not also report it missing', async () => {
    const diagnostics = await only('office.yaml', replaceOnce('shortName:', 'shortname:'));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'schema-unknown-key', line: 4, column: 1, pointer: '/shortname', found: 'shortname',
      message: { en: 'unknown key "shortname"; did you mean "shortName"?', ja: 'キー「shortname」は使えません。「shortName」の間違いではありませんか？' },
    });
  });

  it('reports a Text of the wrong kind once, not once per way a Text can be written', async () => {
    const diagnostics = await only('events.yaml', replaceOnce(/^tableTitle: .*$/m, 'tableTitle: 2025'));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'schema-type', line: 4, column: 13, found: '2025',
      message: { en: 'tableTitle should be text, or one text per language ({ja: …, ko: …}), not a whole number' },
      expected: { ja: 'テキスト、または言語ごとのテキスト（{ja: …, ko: …}）' },
    });
  });

  it('reports a misspelt language in a Text once, as the language meant', async () => {
    // Any BCP 47 tag passes the schema (languages are data): the office's own languages say "jp" is a slip for ja.
    const diagnostics = await only('events.yaml', replaceOnce('venue: COEX', 'venue: {jp: COEX}'));
    expect(diagnostics.filter((d) => d.pointer?.startsWith('/events/1/venue'))).toHaveLength(1);
    expect(diagnostics.find((d) => d.pointer === '/events/1/venue/jp')).toMatchObject({
      severity: 'error', code: 'schema-unknown-key',
      message: { en: 'unknown key "jp" in events[1].venue; did you mean "ja"?' },
    });
  });

  it('warns about a text in a language the office does not publish in: no edition prints it', async () => {
    const diagnostics = await only('events.yaml', replaceOnce('venue: COEX', 'venue: {ja: COEX, ko: COEX, en: COEX}'));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      severity: 'warning', code: 'unknown-language', pointer: '/events/1/venue/en',
      message: { en: '"en" is not one of the office\'s languages (ja, ko); no edition prints it' },
    });
  });

  it('reports an empty text as empty', async () => {
    const [d] = await only('events.yaml', replaceOnce('venue: COEX', "venue: ''"));
    expect(d).toMatchObject({ code: 'schema-empty', message: { en: 'events[1].venue is empty', ja: 'events[1].venue が空です' } });
  });

  it('offers the closest allowed value for a misspelt choice', async () => {
    const [d] = await only('brochure.yaml', replaceOnce('id: sister-cities', 'id: sistercities'));
    expect(d).toMatchObject({
      code: 'schema-enum', line: 17, column: 13, found: '"sistercities"',
      message: { en: '"sistercities" is not allowed in parts[0].sections[10].id; did you mean "sister-cities"?' },
    });
    expect(d!.expected?.en).toMatch(/^one of: profile, events, festival, /);
  });

  it('explains a pattern with the schema\'s own description', async () => {
    const [d] = await only('festival.yaml', replaceOnce('date: 2025-10-12', 'date: 2025/10/12'));
    expect(d).toMatchObject({
      code: 'schema-pattern', found: '"2025/10/12"',
      message: { en: 'editions[0].date is not written as expected', ja: 'editions[0].date の書き方が違います' },
      expected: { en: 'a calendar date, YYYY-MM-DD', ja: '日付（YYYY-MM-DD、例: 2025-10-12）' },
    });
  });

  it('says when a well-formed date does not exist', async () => {
    const [d] = await only('festival.yaml', replaceOnce('date: 2025-10-12', 'date: 2025-02-30'));
    expect(d).toMatchObject({ code: 'schema-format', message: { en: 'editions[0].date: "2025-02-30" is not a real calendar date' } });
  });

  it('describes a union of two forms (a date or a month) as a whole', async () => {
    const [d] = await only('support.yaml', replaceOnce('asOf: 2026-01', 'asOf: January 2026'));
    expect(d).toMatchObject({
      code: 'schema-pattern', pointer: '/cases/yearly/0/asOf',
      expected: { en: 'a date, or a month meaning its end (2026-01 = end of January 2026)', ja: '日付（YYYY-MM-DD、例: 2025-10-12）、または 年月（YYYY-MM、例: 1993-10）' },
    });
  });

  it('names each kind of value once when all forms of a union are text', async () => {
    const [d] = await only('support.yaml', replaceOnce('asOf: 2026-01', 'asOf: 202601'));
    expect(d).toMatchObject({ code: 'schema-type', message: { en: 'cases.yearly[0].asOf should be text, not a whole number' } });
  });

  it('says what kind of value was found where a number belongs', async () => {
    const [d] = await only('office.yaml', replaceOnce('total: 11', 'total: 11名'));
    expect(d).toMatchObject({
      code: 'schema-type', line: 22, column: 10, found: '"11名"',
      message: { en: 'staff.total should be a whole number, not text', ja: 'staff.total は整数で書いてください（テキストになっています）' },
    });
  });

  it('counts list items and repeated ones', async () => {
    const diagnostics = await only('office.yaml', replaceOnce('languages: [ja, ko]', 'languages: [ja, ja]'));
    expect(diagnostics[0]).toMatchObject({ code: 'schema-duplicate-item', pointer: '/languages/1', message: { en: 'languages lists "ja" twice (items 0 and 1)' } });
    const [empty] = await only('office.yaml', replaceOnce('languages: [ja, ko]', 'languages: []'));
    expect(empty).toMatchObject({ code: 'schema-list-length', found: '0 items', message: { en: 'languages needs at least 1 item' } });
  });

  it('reports a number out of range with the limit', async () => {
    const [d] = await only('jet.yaml', replaceOnce('since: 1987', 'since: 1850'));
    expect(d).toMatchObject({ code: 'schema-range', found: '1850', expected: { en: '1950 or more' } });
  });
});

describe('reduceAnyOf', () => {
  it('keeps errors that are not part of a failed anyOf as they are', () => {
    const error: SchemaError = { instancePath: '/a', schemaPath: '#/properties/a/type', keyword: 'type', params: { type: 'string' } };
    expect(reduceAnyOf([error])).toEqual([error]);
  });

  it('turns a union of literals into one choice among values', () => {
    const branches = [{ const: 'ALT' }, { const: 'CIR' }];
    const errors: SchemaError[] = [
      { instancePath: '/p', schemaPath: '#/anyOf/0/const', keyword: 'const', params: { allowedValue: 'ALT' } },
      { instancePath: '/p', schemaPath: '#/anyOf/1/const', keyword: 'const', params: { allowedValue: 'CIR' } },
      { instancePath: '/p', schemaPath: '#/anyOf', keyword: 'anyOf', params: {}, schema: branches, data: 'CRI' },
    ];
    expect(reduceAnyOf(errors)).toEqual([{ ...errors[2], keyword: 'enum', params: { allowedValues: ['ALT', 'CIR'] } }]);
  });
});

describe('rare keywords', () => {
  it('fall back to ajv-i18n wording in both languages', async () => {
    const { shared } = await loadValidators();
    const source = parseYaml('x.yaml', new TextEncoder().encode('count: 7\n'));
    if (!source.ok) throw new Error('fixture');
    const error: SchemaError = { instancePath: '/count', schemaPath: '#/properties/count/multipleOf', keyword: 'multipleOf', params: { multipleOf: 2 }, data: 7 };
    const { diagnostics } = schemaDiagnostics([error], source.source, 'x.yaml', refResolver(shared));
    expect(diagnostics[0]).toMatchObject({ code: 'schema-multipleOf', line: 1, column: 8, message: { en: 'count must be a multiple of 2', ja: 'count: 2の倍数でなければいけない' } });
  });
});
