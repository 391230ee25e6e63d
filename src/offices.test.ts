// clair serves all seven CLAIR offices, not only Seoul. Two things prove it here:
// - the fixed wording of every language (templates/labels/<lang>.yaml) has exactly the keys and {placeholders}
//   of Japanese, in each language's own typography;
// - two small test offices built from CLAIR's FY2021 business plan, Beijing (ja, zh-Hans) and Paris (ja, fr), go
//   through the whole pipeline — view model, PDF, HTML, validation — without a word of Korean, without Japanese
//   leaking into the Chinese or French edition, and with dates and numbers written the way each language does.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderEdition } from './build/render-edition.js';
import type { BrochureDocument, Rich, Txt } from './document/blocks.js';
import { partTexts } from './document/__fixtures__/texts.js';
import { buildDocument, editionsOf } from './document/build.js';
import { loadOffice, officeData } from './load/office.js';
import { dataFileKind, LANGUAGE_TAGS, type LanguageTag, type OfficeData } from './schema/index.js';
import { Typesetter } from './typeset/index.js';
import { INSTALL_ROOT, World } from './world.js';
import { loadTypesetter } from './load/fonts.js';

const FIXTURES = join(INSTALL_ROOT, 'src', '__fixtures__', 'offices');

// ---------------------------------------------------------------------------------------------------------------
// Fixed wording

type LabelTree = { [key: string]: unknown };

function labelsOf(lang: LanguageTag): Map<string, string> {
  const tree = parse(readFileSync(join(INSTALL_ROOT, 'templates', 'labels', `${lang}.yaml`), 'utf8')) as LabelTree;
  const flat = new Map<string, string>();
  const walk = (node: LabelTree, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (value !== null && typeof value === 'object') walk(value as LabelTree, path);
      else flat.set(path, value as string);
    }
  };
  walk(tree, '');
  return flat;
}

const placeholdersOf = (label: string) => [...label.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
/** A label without its {placeholders}: what a reader sees around the filled-in values. */
const wording = (label: string) => label.replace(/\{\w+\}/g, '');

describe('the fixed wording of every language (templates/labels)', () => {
  const ja = labelsOf('ja');
  // Every labels file, whether clair shipped the language or an office added it as data.
  const others = readdirSync(join(INSTALL_ROOT, 'templates', 'labels'))
    .filter((name) => name.endsWith('.yaml') && name !== 'ja.yaml' && name !== 'metrics.yaml')
    .map((name) => name.slice(0, -'.yaml'.length));

  it.each(others)('%s.yaml has exactly the keys of ja.yaml, every one a string', (lang) => {
    const labels = labelsOf(lang);
    expect([...labels.keys()].sort()).toEqual([...ja.keys()].sort());
    for (const [key, label] of labels) expect({ key, type: typeof label }).toEqual({ key, type: 'string' });
  });

  it.each(others)('%s.yaml fills the same {placeholders} as ja.yaml in every label', (lang) => {
    const labels = labelsOf(lang);
    for (const [key, label] of ja) {
      expect({ key, placeholders: placeholdersOf(labels.get(key) ?? '') }).toEqual({ key, placeholders: placeholdersOf(label) });
    }
  });

  it('French puts a no-break space before : ; ! ? and inside « », and uses the apostrophe ’', () => {
    for (const [key, label] of labelsOf('fr')) {
      const text = wording(label);
      expect({ key, text, looseHighPunctuation: /(^|[^\u00A0\u202F])[:;!?]/.test(text) }).toMatchObject({ looseHighPunctuation: false });
      expect({ key, text, looseGuillemets: /«(?![\u00A0\u202F])|(?<![\u00A0\u202F])»/.test(text) }).toMatchObject({ looseGuillemets: false });
      expect({ key, text, straightQuotes: /['"]/.test(text) }).toMatchObject({ straightQuotes: false });
    }
  });

  it('Chinese uses full-width punctuation (、，：（）) and no Japanese kana', () => {
    const labels = labelsOf('zh-Hans');
    for (const [key, label] of labels) {
      const text = wording(label);
      expect({ key, text, halfWidth: /[,:;()!?]/.test(text) }).toMatchObject({ halfWidth: false });
      expect({ key, text, kana: /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text) }).toMatchObject({ kana: false });
    }
    expect(labels.get('punctuation.listSeparator')).toBe('、');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Test offices

interface FixtureOffice {
  officeId: string;
  /** The data root under src/__fixtures__/offices, when not named after the office. */
  root?: string;
  /** The office's language next to Japanese. */
  lang: LanguageTag;
  /** The numbered parts of the brochure and the numbers of their sections, as brochure.yaml orders them. */
  parts: { numeral: string; numbers: (string | undefined)[] }[];
  /** What only this language writes, and must not appear in the other editions (dates, years, fixed wording). */
  expected: { ja: string[]; own: string[] };
  /** Characters that betray a text left in another language. */
  foreign: RegExp;
}

const OFFICES: FixtureOffice[] = [
  {
    officeId: 'beijing',
    lang: 'zh-Hans',
    parts: [
      { numeral: 'Ⅰ', numbers: ['①'] },
      { numeral: 'Ⅱ', numbers: [undefined] },
      { numeral: 'Ⅲ', numbers: ['①'] },
      { numeral: 'Ⅳ', numbers: ['①', '②'] },
    ],
    expected: {
      // office.yaml `established` is a test placeholder (1900-10); it is here to exercise the month format.
      ja: ['1988年（昭和63年）に設立', '1900年10月設立', '海外事務所：7か所（ニューヨーク、', '2021年度'],
      own: ['于1988年成立', '1900年10月设立', '海外事务所：7个（纽约、伦敦、', '2021年度', '地址及联系方式'],
    },
    foreign: /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u,
  },
  {
    officeId: 'paris',
    lang: 'fr',
    parts: [
      { numeral: 'Ⅰ', numbers: [undefined] },
      { numeral: 'Ⅱ', numbers: ['①', '②'] },
    ],
    expected: {
      ja: ['1988年（昭和63年）に設立', '1900年10月設立', '海外事務所：7か所（ニューヨーク、'],
      own: [
        'fondé en 1988', 'Créé en octobre 1900', 'Bureaux à l’étranger\u00A0: 7 (New York, Londres, Paris',
        'CLAIR Paris\u00A0: présentation', 'Adresse et contact',
      ],
    },
    foreign: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u,
  },
  {
    // Unlike Seoul: English, several countries, records with their country and city, sections left out. Its data
    // root is offices/asean (offices/singapore is the Thai test office of the PDF engine's tests).
    officeId: 'singapore',
    root: 'asean',
    lang: 'en',
    parts: [
      { numeral: 'Ⅰ', numbers: ['①', '②', '③', '④'] },
      { numeral: 'Ⅱ', numbers: ['①', '②'] },
      { numeral: 'Ⅲ', numbers: [undefined, '①'] },
    ],
    expected: {
      ja: ['1988年（昭和63年）に設立', '海外事務所：7か所（ニューヨーク、', '栃木県小山市', 'インドネシア・ジャカルタ'],
      own: [
        'founded in 1988', 'Overseas offices: 7 (New York, London, Paris', 'CLAIR Singapore: overview', 'Address and contact',
        'Oyama City, Tochigi', 'Taro Yamada, Director, CLAIR Singapore', 'Jakarta, Indonesia', 'Test venue (Bangkok, Thailand)',
      ],
    },
    foreign: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u,
  },
];

const plain = (rich: Rich) => rich.map((r) => r.text).join('');

/** Every text of an edition: cover, renderer labels, part and section titles, and everything in the blocks. */
function allTxt(doc: BrochureDocument): Txt[] {
  return [
    doc.cover.title, doc.cover.organisation, doc.cover.office,
    doc.labels.contents, doc.labels.page, doc.labels.continued, doc.labels.languageName, doc.labels.notes,
    doc.backCover.linksTitle, doc.backCover.officesTitle, ...doc.backCover.links.map((l) => l.label), ...doc.backCover.offices,
    ...partTexts(doc),
  ];
}
const primaryText = (doc: BrochureDocument) => allTxt(doc).map((t) => plain(t.primary)).join('\n');
const secondaryText = (doc: BrochureDocument) => allTxt(doc).flatMap((t) => (t.secondary ? [plain(t.secondary)] : [])).join('\n');

/** Text as a PDF or HTML reader extracts it: line breaks and spacing are the renderer's, so compare without them. */
const compact = (text: string) => text.replace(/[\s\u00A0\u202F\u00AD\u200B]+/g, '');

function decodeHtmlText(html: string): string {
  const body = html.replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, '');
  return body.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (whole, entity: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };
    if (entity[0] !== '#') return named[entity.toLowerCase()] ?? whole;
    return String.fromCodePoint(entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
  });
}

/** `pdffonts` rows: font name and whether its program is embedded. */
function pdfFonts(path: string): { name: string; embedded: boolean }[] {
  const lines = run('pdffonts', [path]).split('\n');
  const rule = lines.findIndex((l) => /^-+ -+/.test(l));
  const widths = lines[rule]!.split(' ').map((dashes) => dashes.length);
  const embColumn = widths.slice(0, 3).reduce((sum, w) => sum + w + 1, 0);
  return lines.slice(rule + 1).filter((l) => l.trim() !== '').map((l) => ({
    name: l.slice(0, widths[0]).trim(),
    embedded: l.slice(embColumn, embColumn + 3) === 'yes',
  }));
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.error}`);
  return result.stdout;
}

const htmlRendererExists = existsSync(join(INSTALL_ROOT, 'src', 'render', 'html', 'index.ts'));
// bin/clair runs the compiled CLI in dist/ (npm run build).
const validateCommandExists = existsSync(join(INSTALL_ROOT, 'dist', 'cli', 'commands', 'validate.js'));

describe.each(OFFICES)('the $officeId test office', (office) => {
  const dataRoot = join(FIXTURES, office.root ?? office.officeId);
  const world = new World({ dataRoot });
  const { lang, officeId } = office;
  const bilingualId = `ja-${lang}`;
  const docs = new Map<string, BrochureDocument>();
  let data: OfficeData;
  let outDir: string;

  beforeAll(() => {
    const loaded = loadOffice(world, officeId);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.unknownFiles).toEqual([]);
    data = officeData(loaded);
    for (const edition of editionsOf(data.brochure)) {
      docs.set(edition.id, buildDocument({ world, officeId, officeDir: loaded.dir, data }, edition));
    }
    outDir = mkdtempSync(join(tmpdir(), `clair-offices-${officeId}-`));
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('starts every data file with the modeline of its JSON Schema, so editors check it as it is typed', () => {
    const officeDir = world.officeDir(officeId);
    const files = world.list(officeDir).filter((name) => name.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(2);
    for (const name of files) {
      const kind = dataFileKind(name)!;
      const firstLine = world.readText(join(officeDir, name)).split('\n')[0]!;
      expect(firstLine).toBe(`# yaml-language-server: $schema=../../../../schema/json/${kind.id}.schema.json`);
      const schemaPath = resolve(officeDir, firstLine.slice(firstLine.indexOf('=') + 1));
      expect(existsSync(schemaPath)).toBe(true);
    }
  });

  it(`builds the editions [ja], [${lang}] and [ja, ${lang}] it declares`, () => {
    expect([...docs.keys()]).toEqual(['ja', lang, bilingualId]);
    expect(docs.get(lang)!.edition).toEqual({ id: lang, languages: [lang], primary: lang });
    expect(docs.get(bilingualId)!.edition).toMatchObject({ primary: 'ja', secondary: lang });
    expect(docs.get(lang)!.meta.language).toBe(lang);
  });

  it(`words the ${lang} edition in ${lang} only: no Japanese fallback, no Korean`, () => {
    const doc = docs.get(lang)!;
    for (const txt of allTxt(doc)) {
      expect(txt.secondary).toBeUndefined();
      for (const r of txt.primary) expect({ text: r.text, lang: r.lang }).toEqual({ text: r.text, lang });
      expect({ text: plain(txt.primary), foreign: office.foreign.test(plain(txt.primary)) }).toMatchObject({ foreign: false });
    }
    expect(plain(doc.cover.title.primary)).toBe((data.brochure.title as Record<string, string>)[lang]);
    expect(doc.meta.title).toBe((data.brochure.title as Record<string, string>)[lang]);
  });

  it(`gives the bilingual edition the ${lang} under the Japanese`, () => {
    const texts = allTxt(docs.get(bilingualId)!);
    const withSecondary = texts.filter((t) => t.secondary);
    expect(withSecondary.length).toBeGreaterThan(30);
    for (const t of withSecondary) {
      expect(t.primary.every((r) => r.lang === 'ja')).toBe(true);
      expect(t.secondary!.every((r) => r.lang === lang)).toBe(true);
      expect(office.foreign.test(plain(t.secondary!))).toBe(false);
    }
    expect(/[\p{Script=Hangul}]/u.test(primaryText(docs.get(bilingualId)!))).toBe(false);
  });

  it('numbers its parts Ⅰ Ⅱ … and the sections ① ② … within each part, in the order of brochure.yaml', () => {
    for (const doc of docs.values()) {
      const numbered = doc.parts.filter((p) => p.numeral);
      expect(numbered.map((p) => ({ numeral: p.numeral, numbers: p.sections.map((s) => s.number) }))).toEqual(office.parts);
      const declared = data.brochure.parts.flatMap((p) => p.sections.map((s) => s.id));
      expect(doc.parts.flatMap((p) => p.sections.map((s) => s.id))).toEqual(declared);
      // The unnumbered opening and closing parts: the office profile and the contact page.
      expect(doc.parts[0]!.sections.map((s) => s.id)).toEqual(['profile']);
      expect(doc.parts.at(-1)!.sections.map((s) => s.id)).toEqual(['contact']);
    }
  });

  it(`writes years, months, fiscal years and counts the ${lang} way`, () => {
    const ja = primaryText(docs.get('ja')!);
    const own = primaryText(docs.get(lang)!);
    for (const expected of office.expected.ja) expect(ja).toContain(expected);
    for (const expected of office.expected.own) expect(own).toContain(expected);
    // The Japanese era belongs to the Japanese text only.
    expect(own).not.toMatch(/昭和|平成|令和/);
    const bilingual = docs.get(bilingualId)!;
    expect(primaryText(bilingual)).toContain(office.expected.ja[0]);
    // A text the same in both languages (2021年度) is printed once, so look in both lines of the bilingual edition.
    const both = `${primaryText(bilingual)}\n${secondaryText(bilingual)}`;
    for (const expected of office.expected.own) expect(both).toContain(expected);
  });

  it('has a glyph for every character in the fonts of its language (no tofu)', async () => {
    const typesetter = await loadTypesetter(world, { office: officeId });
    for (const doc of docs.values()) {
      for (const txt of allTxt(doc)) {
        for (const r of [...txt.primary, ...(txt.secondary ?? [])]) {
          expect(typesetter.missingGlyphs(r.text, r.lang, { bold: r.strong === true }).map((m) => m.message.en)).toEqual([]);
        }
      }
    }
  });

  it('renders every edition as a PDF with embedded fonts and the edition\'s own text', async () => {
    for (const [editionId, doc] of docs) {
      const [file] = await renderEdition({ world: { dataRoot }, officeId, editionId, formats: ['pdf'] });
      expect(file!.name).toBe(`brochure.${editionId}.pdf`);
      const path = join(outDir, file!.name);
      writeFileSync(path, file!.bytes);

      const fonts = pdfFonts(path);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) expect(font).toEqual({ name: font.name, embedded: true });

      // In content-stream order: side by side, pdftotext's reading-order guess interleaves the two columns' lines.
      const text = run('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-']);
      expect(text).not.toContain('\uFFFD');
      const found = compact(text);
      expect(found).toContain(compact(doc.meta.title));
      const samples = doc.edition.secondary ? [office.expected.ja[0]!, office.expected.own[0]!]
        : [editionId === 'ja' ? office.expected.ja[0]! : office.expected.own[0]!];
      for (const sample of samples) expect(found).toContain(compact(sample));
      // The cover names the organisation in Japanese on every edition; nothing else may be Japanese.
      if (editionId === lang) expect(office.foreign.test(text.replace(doc.cover.organisationJapanese, ''))).toBe(false);
    }
  }, 180_000);

  it.runIf(htmlRendererExists)('renders every edition as HTML in its language, with the edition\'s own text', async () => {
    for (const [editionId, doc] of docs) {
      const [file] = await renderEdition({ world: { dataRoot }, officeId, editionId, formats: ['html'] });
      expect(file!.name).toBe(`brochure.${editionId}.html`);
      const html = Buffer.from(file!.bytes).toString('utf8');
      expect(html).toMatch(new RegExp(`<html[^>]*\\blang="${doc.edition.primary}"`));
      if (doc.edition.secondary) expect(html).toContain(`lang="${doc.edition.secondary}"`);
      const text = decodeHtmlText(html);
      expect(text).not.toContain('\uFFFD');
      const found = compact(text);
      expect(found).toContain(compact(doc.meta.title));
      for (const sample of doc.edition.secondary ? [office.expected.ja[0]!, ...office.expected.own] : editionId === 'ja' ? office.expected.ja : office.expected.own) {
        expect(found).toContain(compact(sample));
      }
    }
  }, 180_000);

  it.runIf(validateCommandExists)('validates clean with `clair validate --strict`: every text in both languages', () => {
    const result = spawnSync(process.execPath, [join(INSTALL_ROOT, 'bin', 'clair'), 'validate', '--strict', '--data', dataRoot], { encoding: 'utf8' });
    expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toMatchObject({ status: 0 });
  });
});
