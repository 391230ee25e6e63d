// `clair init OFFICE`: a new office folder that validates at once — office.yaml and brochure.yaml, each with the
// modeline that points the editor (VS Code's YAML extension, IntelliJ) at clair's installed JSON schemas, so fields
// complete and are checked as staff type, also in a data repository outside the clair checkout. Facts about CLAIR
// and its seven offices are filled in (clair-facts.ts); what only the office knows is a PLACEHOLDER, which
// `clair validate` lists as warnings and `--strict` refuses, so a brochure is never printed with one.
import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Localized } from '../diagnostics.js';
import { UsageError } from '../i18n/ui.js';
import { LANGUAGE_TAG_PATTERN, LANGUAGE_TAGS, type LanguageTag } from '../schema/constants.js';
import { SECTION_DATA } from '../validate/rules/brochure.js';
import { DATA_FILE_NAMES } from '../schema/files.js';
import { INSTALL_ROOT, type World } from '../world.js';
import { ORGANISATION, OVERSEAS_OFFICES, PLACEHOLDER } from './clair-facts.js';

export interface InitOptions {
  officeId: string;
  languages: LanguageTag[];
  /** The edition year on the cover. */
  year: number;
}

export interface InitResult {
  dir: string;
  files: string[];
  /** Fields left for staff to fill in, in words. */
  placeholders: Localized[];
}

/** Where the JSON schemas are installed, as a modeline written in `dir` can reach them (relative when possible). */
export function schemaReference(dir: string, schemaId: string): string {
  const target = join(INSTALL_ROOT, 'src', 'schema', 'json', `${schemaId}.schema.json`);
  const rel = relative(dir, target);
  // Another drive on Windows has no relative path: a file URL then.
  return isAbsolute(rel) ? pathToFileURL(target).href : rel.split(sep).join('/');
}

export function modeline(dir: string, schemaId: string): string {
  return `# yaml-language-server: $schema=${schemaReference(dir, schemaId)}`;
}

const q = (text: string) => JSON.stringify(text);

const todo = (what: Localized) => (lang: LanguageTag) => `${PLACEHOLDER.textPrefix}: ${lang === 'ja' ? what.ja : what.en}`;
const untranslated = todo({ en: 'this text in this language', ja: 'この言語の文' });

/**
 * A Text in flow style with one string per language: {ja: "…", en: "…"}. A language clair has no wording for (any
 * BCP 47 tag may be an office's) gets a placeholder, which `validate --strict` refuses until staff translate it.
 */
function text(languages: readonly LanguageTag[], value: (lang: LanguageTag) => string | undefined): string {
  return `{${languages.map((lang) => `${lang}: ${q(value(lang) ?? untranslated(lang))}`).join(', ')}}`;
}

export function parseLanguages(value: string): LanguageTag[] {
  const tags = value.split(',').map((v) => v.trim()).filter(Boolean);
  const pattern = new RegExp(LANGUAGE_TAG_PATTERN);
  const unknown = tags.filter((tag) => !pattern.test(tag));
  if (tags.length === 0 || unknown.length > 0) {
    throw new UsageError({
      en: `--languages takes BCP 47 language tags separated by commas (such as ${LANGUAGE_TAGS.join(', ')}, th)${unknown.length > 0 ? `; not ${unknown.join(', ')}` : ''}`,
      ja: `--languages には BCP 47 の言語タグ（${LANGUAGE_TAGS.join(', ')}, th など）をカンマ区切りで指定してください${unknown.length > 0 ? `（${unknown.join(', ')} は使えません）` : ''}`,
    });
  }
  if (new Set(tags).size !== tags.length) throw new UsageError({ en: '--languages names a language twice', ja: '--languages に同じ言語が2回あります' });
  return tags as LanguageTag[];
}

export function initOffice(world: World, options: InitOptions): InitResult {
  const { officeId, languages, year } = options;
  if (!/^[a-z][a-z0-9-]*$/.test(officeId)) {
    throw new UsageError({
      en: `an office id is lower-case letters, digits and hyphens, starting with a letter (e.g. london, new-york), not "${officeId}"`,
      ja: `事務所 ID は英小文字・数字・ハイフンで、英字で始めます（例: london, new-york）。"${officeId}" は使えません`,
    });
  }
  const dir = world.officeDir(officeId);
  if (world.exists(dir) && (!world.isDirectory(dir) || world.list(dir).length > 0)) {
    throw new UsageError({
      en: `${world.display(dir)} already exists and is not empty; clair init never overwrites data`,
      ja: `${world.display(dir)} はすでにあり、空ではありません（clair init はデータを上書きしません）`,
    });
  }
  const known = OVERSEAS_OFFICES.find((o) => o.id === officeId);
  const placeholders: Localized[] = [];
  const fill = (what: Localized) => {
    placeholders.push(what);
    return todo(what);
  };
  const shortName = (lang: LanguageTag) => {
    const city = known!.city[lang];
    const names: Record<string, string> = { ja: `クレア${city}`, ko: `클레어 ${city}`, 'zh-Hans': `CLAIR ${city}`, en: `CLAIR ${city}`, fr: `CLAIR ${city}` };
    return city === undefined ? undefined : names[lang];
  };
  const officeName = (lang: LanguageTag) => {
    const city = known!.city[lang];
    const names: Record<string, string> = { ja: `クレア (CLAIR) ${city}事務所`, ko: `클레어(CLAIR) ${city}사무소`, 'zh-Hans': `CLAIR ${city}事务所`, en: `CLAIR ${city}`, fr: `CLAIR ${city}` };
    return city === undefined ? undefined : names[lang];
  };

  const office = [
    modeline(dir, 'office'),
    `# ${officeId}: the office itself. Values starting with ${PLACEHOLDER.textPrefix}, the phone ${PLACEHOLDER.phone} and the`,
    `# e-mail ${PLACEHOLDER.email} are placeholders: \`clair validate --strict\` refuses them until they are replaced.`,
    `# Hover a field in VS Code (YAML extension) for what it means, in Japanese and English, with an example.`,
    `id: ${officeId}`,
    `name: ${text(languages, known ? officeName : fill({ en: 'the office name', ja: '事務所名' }))}`,
    `shortName: ${text(languages, known ? shortName : fill({ en: 'the short name on the cover', ja: '表紙の略称' }))}`,
    `city: ${text(languages, known ? (lang) => known.city[lang] : fill({ en: 'the city', ja: '都市名' }))}`,
    `country: ${known ? known.country : PLACEHOLDER.country}${known ? '' : '  # TODO: the ISO 3166 code of the country, e.g. GB'}`,
    `countryName: ${text(languages, known ? (lang) => known.countryName[lang] : fill({ en: 'the country', ja: '国名' }))}`,
    `languages: [${languages.join(', ')}]`,
    '',
    '# CLAIR itself, the same for every office.',
    'organisation:',
    `  name: ${text(languages, (lang) => ORGANISATION.name[lang])}`,
    `  englishName: ${q(ORGANISATION.englishName)}`,
    `  abbreviation: ${ORGANISATION.abbreviation}`,
    `  foundedYear: ${ORGANISATION.foundedYear}`,
    '  showJapaneseEra: true',
    `  purpose: ${text(languages, (lang) => ORGANISATION.purpose[lang])}`,
    `  headquarters: ${text(languages, (lang) => ORGANISATION.headquarters[lang])}`,
    '  overseasOffices:',
    ...OVERSEAS_OFFICES.map((o) => `    - {id: ${o.id}, name: ${text(languages, (lang) => o.city[lang])}}`),
    '',
    '# When the office opened, as YYYY-MM (printed as the start of the first description bullet):',
    '# established: 1993-10',
    '# What the office does, one bullet per entry.',
    'description:',
    `  - ${text(languages, fill({ en: 'what the office does', ja: '事務所の業務' }))}`,
    '',
    '# Staff by role; total must equal the sum of the roles. For example:',
    '# staff:',
    '#   total: 3',
    `#   roles:`,
    `#     - {title: {ja: 所長, en: Director}, count: 1}`,
    `#     - {title: {ja: 所員, en: Staff}, count: 2}`,
    '# The bodies that send staff to the office, e.g. {prefecture: 青森県} or {prefecture: 青森県, city: {ja: 青森市}}.',
    'dispatchingBodies: []',
    '',
    'contact:',
    `  address: ${text(languages, fill({ en: 'the postal address', ja: '住所' }))}`,
    `  phone: ${q(PLACEHOLDER.phone)}  # in international form, e.g. +82(0)-2-733-5681`,
    `  email: ${PLACEHOLDER.email}`,
    '  # e.g. - {label: {ja: ウェブサイト, en: Website}, url: "https://www.clair.or.jp/"}',
    '  websites: []',
    '  # e.g. - {platform: facebook, url: "https://www.facebook.com/…"}',
    '  social: []',
    '',
    'access:',
    '  # e.g. - {from: {ja: 空港, en: the airport}, minutes: 60, approximate: true}',
    '  routes: []',
    '',
  ];
  // An office clair does not know: its name, short name, city and country are one thing to fill in, not four.
  if (!known) {
    placeholders.splice(0, 4, { en: 'the office name, short name, city and country (clair fills them in for new-york, london, paris, singapore, seoul, sydney, beijing)', ja: '事務所名・略称・都市・国名（new-york, london, paris, singapore, seoul, sydney, beijing なら自動で入ります）' });
  }

  const editions = [...languages.map((lang) => [lang]), ...(languages[0] === 'ja' ? languages.slice(1).map((lang) => ['ja', lang]) : [])];
  const title = (lang: LanguageTag) => `${known ? shortName(lang) : `${PLACEHOLDER.textPrefix}: ${lang === 'ja' ? '表紙の題名' : 'the title'}`} ${year}`;
  if (!known) placeholders.push({ en: 'the title on the cover (brochure.yaml)', ja: '表紙の題名（brochure.yaml）' });
  const others = DATA_FILE_NAMES.filter((f) => !f.required);
  const brochure = [
    modeline(dir, 'brochure'),
    `# The brochure of ${officeId}: its title, edition year, editions and the order of its parts and sections.`,
    `# Start next year's brochure with \`clair new edition\`.`,
    `title: ${text(languages, title)}`,
    `edition: ${year}`,
    `published: ${year}-04-01  # TODO: the publication date (YYYY-MM-DD); the PDF carries it`,
    `editions: [${editions.map((e) => `[${e.join(', ')}]`).join(', ')}]`,
    'parts:',
    '  - sections:',
    '      - id: profile',
    '  # A part with a title groups the sections about one field of work, e.g.',
    '  # - title: {ja: 日本の自治体の活動支援, en: Supporting Japanese local authorities}',
    '  #   sections:',
    '  #     - id: support-cases      # needs support.yaml',
    '  #       fiscalYears: {from: 2021}',
    '  - sections:',
    '      - id: contact',
    '#',
    '# Sections, and the data file each is built from (add the file to the office folder first):',
    ...Object.entries(SECTION_DATA).map(([id, key]) => {
      const file = key ? DATA_FILE_NAMES.find((f) => f.key === key)!.file : undefined;
      return `#   ${id.padEnd(18)} ${file ?? '(figures computed from the other files)'}`;
    }),
    `# Every data file starts with its schema line, e.g. for ${others[0]!.file}:`,
    `#   ${modeline(dir, others[0]!.id)}`,
    '',
  ];

  mkdirSync(dir, { recursive: true });
  const files = [join(dir, 'office.yaml'), join(dir, 'brochure.yaml')];
  writeFileSync(files[0]!, office.join('\n'), { flag: 'wx' });
  writeFileSync(files[1]!, brochure.join('\n'), { flag: 'wx' });
  placeholders.push(
    { en: `the phone and e-mail (${PLACEHOLDER.phone}, ${PLACEHOLDER.email})`, ja: `電話番号とメールアドレス（${PLACEHOLDER.phone}、${PLACEHOLDER.email}）` },
    { en: 'the publication date (brochure.yaml: published)', ja: '発行日（brochure.yaml の published）' },
  );
  return { dir, files, placeholders };
}
