// The wording of metrics in the brochure languages, read from templates/labels/metrics.yaml (staff edit wording
// there, not in code), and the number, date and fiscal-year conventions of each language.
import { join } from 'node:path';
import { CORE_SCHEMA, load as parseYaml } from 'js-yaml';
import { LANGUAGE_TAGS, type LanguageTag, type ShippedLanguage } from '../schema/constants.js';
import type { OfficeData, Text } from '../schema/index.js';
import type { World } from '../world.js';
import { METRICS, UNIT_IDS, type UnitId } from './registry.js';

export type PerLanguage = Record<ShippedLanguage, string>;
/** A wording in `lang`, in English for a language clair ships no metric wording for. */
const inLanguage = (wording: PerLanguage, lang: LanguageTag): string => (wording as Record<string, string>)[lang] ?? wording.en;

export const UI_KEYS = [
  'title', 'officeTitle', 'metric', 'unit', 'withUnit', 'fiscalYear', 'change', 'changePercent', 'changeNote',
  'missingNote', 'provisionalNote', 'asOf', 'asOfMonthEnd', 'notes', 'noData',
  'ofCountry', 'notBrokenDownRow', 'notBrokenDown', 'notBrokenDownNote',
] as const;
export type UiKey = (typeof UI_KEYS)[number];

export const PLACEHOLDER_KEYS = ['country', 'festival'] as const;
export type PlaceholderKey = (typeof PLACEHOLDER_KEYS)[number];

export interface MetricWording {
  label: PerLanguage;
  /** Overrides the unit's wording in some languages ("events" rather than "cases"). */
  unit?: Partial<PerLanguage>;
  /** Why the metric may have no values. */
  note?: PerLanguage;
}

export interface MetricLabels {
  ui: Record<UiKey, PerLanguage>;
  placeholders: Record<PlaceholderKey, PerLanguage>;
  units: Record<UnitId, PerLanguage>;
  metrics: Record<string, MetricWording>;
}

/** Where the labels live inside the templates folder. */
export const METRIC_LABELS_FILE = join('labels', 'metrics.yaml');

/** The labels file is part of the installation: a broken one is a broken install, not bad office data. */
export class MetricLabelsError extends Error {}

type Tree = Record<string, unknown>;
const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value);

function perLanguage(node: unknown, where: string, problems: string[], complete = true): PerLanguage | undefined {
  if (!isTree(node)) {
    problems.push(`${where}: expected one string per language (${LANGUAGE_TAGS.join(', ')})`);
    return undefined;
  }
  for (const key of Object.keys(node)) {
    if (!(LANGUAGE_TAGS as readonly string[]).includes(key)) problems.push(`${where}.${key}: unknown language`);
    else if (typeof node[key] !== 'string' || node[key] === '') problems.push(`${where}.${key}: expected a non-empty string`);
  }
  if (complete) for (const lang of LANGUAGE_TAGS) if (!(lang in node)) problems.push(`${where}.${lang}: missing`);
  return node as PerLanguage;
}

/** Reads and checks the labels text: every metric, unit and heading must have every language. */
export function parseMetricLabels(text: string, file = METRIC_LABELS_FILE): MetricLabels {
  const problems: string[] = [];
  let root: unknown;
  try {
    root = parseYaml(text, { schema: CORE_SCHEMA });
  } catch (error) {
    throw new MetricLabelsError(`${file}: ${(error as Error).message}`);
  }
  if (!isTree(root)) throw new MetricLabelsError(`${file}: expected a mapping with ui, placeholders, units and metrics`);
  const section = (name: string): Tree => {
    const node = root[name];
    if (isTree(node)) return node;
    problems.push(`${name}: missing`);
    return {};
  };
  const ui = section('ui');
  const placeholders = section('placeholders');
  const units = section('units');
  const metrics = section('metrics');
  for (const key of UI_KEYS) perLanguage(ui[key], `ui.${key}`, problems);
  for (const key of PLACEHOLDER_KEYS) perLanguage(placeholders[key], `placeholders.${key}`, problems);
  for (const key of UNIT_IDS) perLanguage(units[key], `units.${key}`, problems);
  for (const metric of METRICS) {
    const entry = metrics[metric.id];
    if (!isTree(entry)) {
      problems.push(`metrics.${metric.id}: missing`);
      continue;
    }
    perLanguage(entry.label, `metrics.${metric.id}.label`, problems);
    if (entry.unit !== undefined) perLanguage(entry.unit, `metrics.${metric.id}.unit`, problems, false);
    if (entry.note !== undefined) perLanguage(entry.note, `metrics.${metric.id}.note`, problems);
  }
  for (const id of Object.keys(metrics)) {
    if (!METRICS.some((metric) => metric.id === id)) problems.push(`metrics.${id}: no such metric`);
  }
  if (problems.length > 0) throw new MetricLabelsError(`${file}:\n  ${problems.join('\n  ')}`);
  return root as unknown as MetricLabels;
}

export function loadMetricLabels(world: World): MetricLabels {
  const path = join(world.templatesDir, METRIC_LABELS_FILE);
  return parseMetricLabels(world.readText(path), world.display(path));
}

/** Data text in one language: that language, else Japanese, else the first one given. */
function textIn(text: Text | undefined, lang: LanguageTag): string | undefined {
  if (text === undefined) return undefined;
  if (typeof text === 'string') return text;
  return text[lang] ?? text.ja ?? Object.values(text).find((value) => value !== undefined);
}

const fill = (template: string, params: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);

/** How a missing value is shown everywhere: an em dash, never 0. */
export const MISSING = '—';

interface Formats {
  number: Intl.NumberFormat;
  signed: Intl.NumberFormat;
  percent: Intl.NumberFormat;
  date: Intl.DateTimeFormat;
  month: Intl.DateTimeFormat;
}

/** Intl formatters per language, made once: each costs milliseconds and a brochure words metrics hundreds of times. */
const formatsByLang = new Map<LanguageTag, Formats>();

function formatsFor(lang: LanguageTag): Formats {
  let formats = formatsByLang.get(lang);
  if (!formats) {
    formats = {
      number: new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }),
      signed: new Intl.NumberFormat(lang, { maximumFractionDigits: 0, signDisplay: 'exceptZero' }),
      percent: new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }),
      date: new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
      month: new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', timeZone: 'UTC' }),
    };
    formatsByLang.set(lang, formats);
  }
  return formats;
}

/**
 * Everything needed to word metrics in one language for one office: labels with the office's own names filled in
 * ({country}, {festival}), units, fiscal-year headings, and numbers and dates in the language's conventions.
 */
export class MetricWords {
  private readonly numberFormat: Intl.NumberFormat;
  private readonly signedFormat: Intl.NumberFormat;
  private readonly percentFormat: Intl.NumberFormat;
  private readonly dateFormat: Intl.DateTimeFormat;
  private readonly monthFormat: Intl.DateTimeFormat;
  private readonly params: Record<PlaceholderKey, string>;
  private readonly countries: readonly { code: string; name: Text }[];

  constructor(
    readonly labels: MetricLabels,
    readonly lang: LanguageTag,
    data?: Pick<OfficeData, 'office' | 'festival'>,
  ) {
    this.countries = data?.office?.countries ?? (data?.office ? [{ code: data.office.country, name: data.office.countryName }] : []);
    const formats = formatsFor(lang);
    this.numberFormat = formats.number;
    this.signedFormat = formats.signed;
    this.percentFormat = formats.percent;
    this.dateFormat = formats.date;
    this.monthFormat = formats.month;
    this.params = {
      country: textIn(data?.office?.countryName, lang) ?? inLanguage(labels.placeholders.country, lang),
      festival: textIn(data?.festival?.name, lang) ?? inLanguage(labels.placeholders.festival, lang),
    };
  }

  ui(key: UiKey, params: Record<string, string> = {}): string {
    return fill(inLanguage(this.labels.ui[key], this.lang), params);
  }

  metric(id: string): string {
    const wording = this.labels.metrics[id];
    return wording ? fill(inLanguage(wording.label, this.lang), this.params) : id;
  }

  /** The unit of a metric: its own wording when it has one, else its unit's. */
  unit(id: string, unit: UnitId): string {
    return (this.labels.metrics[id]?.unit as Record<string, string> | undefined)?.[this.lang] ?? inLanguage(this.labels.units[unit], this.lang);
  }

  /** A country by its code, named as office.yaml names it; the code itself for a country the office does not list. */
  country(code: string): string {
    return textIn(this.countries.find((c) => c.code === code)?.name, this.lang) ?? code;
  }

  /** The label of a line under a metric: "うちタイ", "of which: Thailand"; `null` for the part not broken down. */
  countryLine(code: string | null): string {
    return code === null ? this.ui('notBrokenDownRow') : this.ui('ofCountry', { country: this.country(code) });
  }

  note(id: string): string | undefined {
    return (this.labels.metrics[id]?.note as Record<string, string> | undefined)?.[this.lang];
  }

  fiscalYear(fiscalYear: number): string {
    return this.ui('fiscalYear', { year: String(fiscalYear) });
  }

  /** 5,933 in English and Japanese, 5 933 in French: the language's thousands separator. */
  number(value: number | null | undefined): string {
    return value === null || value === undefined ? MISSING : this.numberFormat.format(value);
  }

  /** +16, -3, 0. */
  signed(value: number | null | undefined): string {
    return value === null || value === undefined ? MISSING : this.signedFormat.format(value);
  }

  /** +8.0%, from a percentage (8 = 8 %). */
  percent(value: number | null | undefined): string {
    return value === null || value === undefined ? MISSING : this.percentFormat.format(value / 100);
  }

  date(isoDate: string): string {
    return this.dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
  }

  /** "2026年1月31日現在" for a date; "2026年1月末現在" for a month (YYYY-MM), which the data uses for month-end. */
  asOf(stated: string): string {
    if (/^\d{4}-\d{2}$/.test(stated)) {
      return this.ui('asOfMonthEnd', { month: this.monthFormat.format(new Date(`${stated}-01T00:00:00Z`)) });
    }
    return this.ui('asOf', { date: this.date(stated) });
  }
}
