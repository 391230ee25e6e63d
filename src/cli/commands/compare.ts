// `clair compare`: the year-over-year table of an office's metrics in the terminal, Markdown, CSV, JSON or HTML.
// Thin on purpose: it parses options, loads and checks the office, and hands the rest to src/metrics.
import type { Command } from 'commander';
import { byLocation, DataError, type Diagnostic, type UiLanguage } from '../../diagnostics.js';
import { UsageError, uiLanguageOf } from '../../i18n/ui.js';
import type { LoadedOffice } from '../../load/office.js';
import type { MetricSeries } from '../../metrics/index.js';
import { COMPARE_FORMATS, type CompareFormat } from '../../metrics/formats.js';
import { METRIC_IDS } from '../../metrics/registry.js';
import { LANGUAGE_TAGS, type LanguageTag } from '../../schema/constants.js';
import type { OfficeData } from '../../schema/index.js';
import { didYouMean } from '../../validate/suggest.js';
import { chooseOffice } from '../../load/choose-office.js';
import { World } from '../../world.js';
import { escapeControls } from '../../controls.js';
import { createTerminal, type Terminal } from '../terminal.js';

interface CompareCliOptions {
  office?: string;
  from?: string;
  to?: string;
  metrics?: string;
  format: string;
  lang: string;
  bom?: boolean;
}

const EXAMPLES = `
Examples / 例:
  clair compare                                  every metric, every fiscal year with data (Japanese)
  clair compare --from 2023 --to 2025            FY2023–FY2025 only
  clair compare --metrics support-cases,events   two metrics, in this order
  clair compare --format csv --bom > metrics.csv CSV that Japanese Excel opens without garbled text
  clair compare --format json --lang en          for other tools (shape documented in src/metrics/writers/json.ts)
  clair compare --office seoul --format html --lang ko > compare.html

Metrics / 指標:
  ${METRIC_IDS.join('\n  ')}

A year the data gives no figure for is shown as "—", never as 0. The change columns compare the last fiscal year
shown with the year before it. データに数値のない年度は「—」で表示します（0 ではありません）。
An office covering several countries gets a line per country under each metric whose data names the country
("of which: Thailand"); a year whose items do not all name theirs is "not split", never guessed.
複数の国を所管する事務所では、国の分かる指標に国別の行（「うちタイ」）が付きます。国の書かれていない項目がある
年度は「内訳なし」です。`;

export function register(program: Command): void {
  program
    .command('compare')
    .description("year-over-year table of an office's metrics\n事務所の実績を年度ごとに比較します")
    .option('--office <id>', 'office folder under the data root (default: the only office) / 事務所 ID')
    .option('--from <FY>', 'first fiscal year, e.g. 2023 / 最初の年度')
    .option('--to <FY>', 'last fiscal year, e.g. 2025 / 最後の年度')
    .option('--metrics <ids>', 'comma-separated metric ids (default: every metric with data) / 指標 ID（カンマ区切り）')
    .option('--format <format>', `output format: ${COMPARE_FORMATS.join(', ')} / 出力形式`, 'table')
    .option('--lang <lang>', `language of labels and numbers: ${LANGUAGE_TAGS.join(', ')} / 表示言語`, 'ja')
    .option('--bom', 'start the CSV with a UTF-8 BOM (for Excel) / CSV の先頭に BOM を付ける')
    .addHelpText('after', EXAMPLES)
    .action(async (options: CompareCliOptions, command: Command) => {
      const globals = command.optsWithGlobals() as { data: string; color?: boolean };
      // --lang is the table's language only; messages follow --ui-lang or the locale, as in every command.
      await runCompare(options, { ...globals, uiLang: uiLanguageOf(command) });
    });
}

function usage(en: string, ja: string): UsageError {
  return new UsageError({ en, ja });
}

/** A fiscal year as typed: 2025, FY2025, 2025年度 or 2025년도. */
export function parseFiscalYear(value: string, option: string): number {
  const match = /^(?:FY)?\s*(\d{4})\s*(?:年度|년도)?$/i.exec(value.trim());
  const year = match ? Number(match[1]) : NaN;
  if (!(year >= 1950 && year <= 2200)) {
    throw usage(`${option} expects a fiscal year such as 2025, not "${value}"`, `${option} には 2025 のような年度を指定してください（"${value}" が指定されました）`);
  }
  return year;
}

function parseFormat(value: string): CompareFormat {
  if ((COMPARE_FORMATS as readonly string[]).includes(value)) return value as CompareFormat;
  const suggestion = didYouMean(value, COMPARE_FORMATS);
  const hint = suggestion ? { en: ` — did you mean "${suggestion}"?`, ja: `。"${suggestion}" のことですか？` } : { en: '', ja: '' };
  throw usage(
    `--format must be one of ${COMPARE_FORMATS.join(', ')}, not "${value}"${hint.en}`,
    `--format は ${COMPARE_FORMATS.join(', ')} のいずれかです（"${value}" が指定されました）${hint.ja}`,
  );
}

function parseLang(value: string): LanguageTag {
  if ((LANGUAGE_TAGS as readonly string[]).includes(value)) return value as LanguageTag;
  throw usage(`--lang must be one of ${LANGUAGE_TAGS.join(', ')}, not "${value}"`, `--lang は ${LANGUAGE_TAGS.join(', ')} のいずれかです（"${value}" が指定されました）`);
}

function parseMetrics(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const ids = value.split(',').map((id) => id.trim()).filter((id) => id !== '');
  if (ids.length === 0) throw usage('--metrics needs at least one metric id', '--metrics には指標 ID を1つ以上指定してください');
  return ids;
}

function printDiagnostics(terminal: Terminal, diagnostics: readonly Diagnostic[], lang: UiLanguage): void {
  for (const d of [...diagnostics].sort(byLocation)) {
    const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
    const found = d.found !== undefined ? (lang === 'ja' ? `（値: ${d.found}）` : ` (found ${d.found})`) : '';
    terminal.error(`${where}: ${d.message[lang]}${found}`);
  }
}

function fail(terminal: Terminal, diagnostics: readonly Diagnostic[], lang: UiLanguage): never {
  printDiagnostics(terminal, diagnostics, lang);
  throw new DataError([...diagnostics]);
}

/** Places a metric problem (reported by data file name and JSON pointer) at its line in the loaded file. */
async function locateMetricProblem(loaded: LoadedOffice, diagnostic: Diagnostic): Promise<Diagnostic> {
  const { DATA_FILES } = await import('../../schema/index.js');
  const kind = DATA_FILES.find((k) => k.file === diagnostic.file);
  const source = kind ? loaded.sources[kind.key] : undefined;
  if (!source) return diagnostic;
  const path = diagnostic.pointer.split('/').slice(1).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const { line, column } = source.locate(path);
  return { ...diagnostic, file: source.path, line, column };
}

/**
 * The office read and checked exactly as `clair validate` does (schemas and semantic rules); data with errors is
 * refused with the validator's messages. The pipeline is imported here so other commands do not load it.
 */
async function validatedOffice(world: World, officeId: string, lang: UiLanguage, color: boolean): Promise<{ loaded: LoadedOffice; data: OfficeData }> {
  const { validateOffices, formatDiagnostics, hasErrors, hasIoFailures } = await import('../../validate/index.js');
  const { officeData } = await import('../../load/office.js');
  const result = await validateOffices(world, { paths: [world.officeDir(officeId)] });
  const loaded = result.offices.find((office) => office.id === officeId);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (hasErrors(result.diagnostics) || !loaded) {
    process.stderr.write(formatDiagnostics(errors, 'text', lang, { files: result.files, color }));
    if (hasIoFailures(result.diagnostics)) throw usage('cannot read the data files listed above', '上記のデータファイルを読めません');
    throw new DataError(errors);
  }
  return { loaded, data: officeData(loaded) };
}

export async function runCompare(options: CompareCliOptions, globals: { data: string; color?: boolean; uiLang: UiLanguage }): Promise<void> {
  const { uiLang } = globals;
  const format = parseFormat(options.format);
  const lang = parseLang(options.lang);
  const from = options.from === undefined ? undefined : parseFiscalYear(options.from, '--from');
  const to = options.to === undefined ? undefined : parseFiscalYear(options.to, '--to');
  if (from !== undefined && to !== undefined && from > to) {
    throw usage(`--from ${from} is after --to ${to}`, `--from ${from} が --to ${to} より後です`);
  }
  const metrics = parseMetrics(options.metrics);
  if (options.bom && format !== 'csv') {
    throw usage('--bom only applies to --format csv', '--bom は --format csv のときだけ指定できます');
  }
  // The metrics pipeline is loaded only when the command runs, so `clair validate` starts fast.
  const { checkMetricIds, compareTable, computeMetrics, loadMetricLabels, MetricDataError, renderComparison } = await import('../../metrics/index.js');
  // Check metric ids before touching the data, so a typo is reported as a usage error whatever the data holds.
  if (metrics) checkMetricIds(metrics);

  const stderr = createTerminal({ color: globals.color });
  const world = new World({ dataRoot: globals.data });
  const officeId = chooseOffice(world, options.office);
  const stderrColour = globals.color !== false && !('NO_COLOR' in process.env) && Boolean(process.stderr.isTTY);
  const { loaded, data } = await validatedOffice(world, officeId, uiLang, stderrColour);
  // A table in a language the office does not publish in would print wording nobody at the office reads or checked.
  if (!data.office.languages.includes(lang)) {
    const languages = data.office.languages.join(', ');
    throw usage(
      `--lang ${lang}: the office ${officeId} publishes in ${languages}; choose one of them`,
      `--lang ${lang}: 事務所 ${officeId} の言語は ${languages} です。そのいずれかを指定してください`,
    );
  }

  let series: MetricSeries[];
  try {
    series = computeMetrics(data);
  } catch (error) {
    if (error instanceof MetricDataError) fail(stderr, await Promise.all(error.diagnostics.map((d) => locateMetricProblem(loaded, d))), uiLang);
    throw error;
  }
  const table = compareTable(series, { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}), ...(metrics ? { metrics } : {}) });
  const labels = loadMetricLabels(world);
  if (table.fiscalYears.length === 0) {
    const chosen = metrics ? series.filter((s) => metrics.includes(s.id)) : series;
    const years = [...new Set(chosen.flatMap((s) => s.values.map((v) => v.fiscalYear)))].sort((a, b) => a - b);
    const have = years.length > 0 ? `${years[0]}–${years[years.length - 1]}` : undefined;
    const range = from !== undefined || to !== undefined ? `${from ?? ''}–${to ?? ''}` : undefined;
    const which = metrics ? metrics.join(', ') : undefined;
    stderr.error({
      en: `${officeId}: no values for ${which ?? 'any metric'}${range ? ` in fiscal years ${range}` : ''}${have ? `; the data has values for ${have}` : ''}`,
      ja: `${officeId}: ${which ?? '指標'}${range ? `の ${range} 年度` : ''}の数値がありません${have ? `（データにあるのは ${have} 年度）` : ''}`,
    }[uiLang]);
    // A metric asked for that never has values says why (research requests: examples, not yearly numbers).
    for (const s of metrics ? chosen : []) {
      const note = s.values.length === 0 ? labels.metrics[s.id]?.note?.[uiLang] : undefined;
      if (note) stderr.hint(`${s.id}: ${note}`);
    }
    throw new DataError([]);
  }

  const stdout = createTerminal({ color: globals.color, stream: process.stdout });
  const colours = { up: stdout.chalk.green, down: stdout.chalk.red, dim: stdout.chalk.dim, bold: stdout.chalk.bold };
  const output = renderComparison(format, { table, series, labels, lang, data, colours, bom: options.bom === true });
  // Markdown is read on terminals too; the table escapes its cells itself, before colouring them.
  process.stdout.write(format === 'markdown' ? escapeControls(output) : output);
}
