// `clair new edition [YEAR]`: starts next year's brochure from this year's (src/authoring/new-edition.ts), then
// says, section by section, what the new fiscal year still lacks.
import type { Command } from 'commander';
import { DataError } from '../../diagnostics.js';
import { UsageError, uiLanguageOf } from '../../i18n/ui.js';
import { chooseOffice } from '../../load/choose-office.js';
import { World } from '../../world.js';
import { createTerminal } from '../terminal.js';

export function register(program: Command): void {
  const create = program.command('new').description('start something new from the data / 新しい版などを作成');
  create
    .command('edition')
    .argument('[year]', 'the new edition year (default: the current edition + 1)')
    .description(
      "roll brochure.yaml forward to next year's brochure and list what the new fiscal year still lacks\n"
      + 'brochure.yaml を翌年版に更新し、新しい年度に足りないデータをセクションごとに示します',
    )
    .option('--office <id>', 'office folder under the data root (default: the only one) / 事務所 ID')
    .addHelpText('after', `
Examples:
  clair new edition              2026 → 2027 (edition, title, publication date, fiscal-year ranges)
  clair new edition 2028         jump to a given year
  clair --data ../offices new edition --office beijing

Every earlier year's data stays as it is; only brochure.yaml changes. Comments in it are kept.`)
    .action(async (year: string | undefined, options: { office?: string }, command: Command) => {
      const globals = command.optsWithGlobals() as { data: string; color?: boolean };
      const uiLang = uiLanguageOf(command);
      const ja = uiLang === 'ja';
      if (year !== undefined && !/^\d{4}$/.test(year)) {
        throw new UsageError({ en: `YEAR must be a year such as 2027, not "${year}"`, ja: `YEAR は 2027 のような年です（"${year}" が指定されました）` });
      }
      const terminal = createTerminal({ color: globals.color !== false });
      const world = new World({ dataRoot: globals.data });
      const officeId = chooseOffice(world, options.office);
      const [{ validateOffices, formatDiagnostics, hasErrors }, { officeData }, { newEdition }] = await Promise.all([
        import('../../validate/index.js'), import('../../load/office.js'), import('../../authoring/new-edition.js'),
      ]);
      const result = await validateOffices(world, { paths: [world.officeDir(officeId)] });
      const office = result.offices.find((o) => o.id === officeId);
      if (!office || hasErrors(result.diagnostics) || !office.sources.brochure) {
        process.stderr.write(formatDiagnostics(result.diagnostics.filter((d) => d.severity === 'error'), 'text', uiLang, { files: result.files, color: terminal.chalk.level > 0 }));
        terminal.hint(ja ? 'データを直してから新しい版を作成してください' : 'fix the data first, then start the new edition');
        throw Object.assign(new DataError(result.diagnostics.filter((d) => d.severity === 'error')), { reported: true });
      }
      const rolled = newEdition(world, officeData(office), office.sources.brochure.path, year === undefined ? undefined : Number(year));
      terminal.info(ja
        ? `✔ ${world.display(rolled.file)} を ${rolled.from} 年版から ${rolled.to} 年版に更新しました（対象: ${rolled.fiscalYear}年度）`
        : `✔ ${world.display(rolled.file)}: the ${rolled.from} brochure rolled forward to ${rolled.to} (reporting on fiscal year ${rolled.fiscalYear})`);
      for (const change of rolled.changes) terminal.info(`  ${change[uiLang]}`);
      terminal.info(ja ? `\n${rolled.fiscalYear}年度のデータ（セクションごと）:` : `\nFiscal year ${rolled.fiscalYear}, section by section:`);
      const width = Math.max(...rolled.sections.map((s) => s.section.length));
      for (const s of rolled.sections) {
        const mark = s.ready ? terminal.chalk.green('✔') : terminal.chalk.yellow('…');
        terminal.info(`  ${mark} ${s.section.padEnd(width)}  ${s.file ? `${s.file}: ` : ''}${s.note[uiLang]}`);
      }
      const missing = rolled.sections.filter((s) => !s.ready).length;
      terminal.hint(ja
        ? `\n足りないデータを追加したら clair validate --strict で確認し、clair serve でプレビューしてください。${missing > 0 ? `（未入力 ${missing} セクション）` : ''}`
        : `\nAdd the missing data, check it with clair validate --strict, and preview it with clair serve.${missing > 0 ? ` (${missing} ${missing === 1 ? 'section' : 'sections'} to fill in)` : ''}`);
    });
}
