// `clair init OFFICE`: a new office folder that validates at once (src/authoring/init.ts), in the data root or in a
// data repository outside the clair checkout.
import type { Command } from 'commander';
import { UsageError, uiLanguageOf } from '../../i18n/ui.js';
import { World } from '../../world.js';
import { createTerminal, type Terminal } from '../terminal.js';

export function register(program: Command): void {
  program
    .command('init')
    .argument('<office>', 'office id, the folder name: london, new-york, …')
    .summary('create a new office folder that validates at once / 新しい事務所のフォルダを作成')
    .description(
      'Create <data>/<office>/ with office.yaml and brochure.yaml: each with its schema line (editor completion and\n'
      + 'hover help), CLAIR facts filled in, commented examples, and placeholders for what only the office knows.\n'
      + '新しい事務所のフォルダ（office.yaml と brochure.yaml）を作成します。',
    )
    .option('--languages <tags>', 'languages the office publishes in, comma-separated, Japanese first: e.g. ja,en / 言語', 'ja')
    .option('--year <yyyy>', 'the edition year on the cover (default: this year) / 版の年')
    .option('--no-vscode', 'do not write .vscode/settings.json (schemas for VS Code) / VS Code の設定を書かない')
    .addHelpText('after', `
Examples:
  clair init london --languages ja,en             data/london/ (names and country filled in)
  clair --data ~/clair-data init sydney --languages ja,en
  clair init osaka-desk --languages ja,ko --year 2027

In a data repository outside the clair checkout, init also writes (or merges into) .vscode/settings.json, mapping
each data file to clair's schemas, and recommends VS Code's YAML extension in .vscode/extensions.json.

Then fill in the values marked TODO; \`clair validate --strict\` lists those left.`)
    .action(async (officeId: string, options: { languages: string; year?: string; vscode: boolean }, command: Command) => {
      const globals = command.optsWithGlobals() as { data: string; color?: boolean };
      const uiLang = uiLanguageOf(command);
      const ja = uiLang === 'ja';
      const terminal = createTerminal({ color: globals.color !== false });
      const { initOffice, parseLanguages } = await import('../../authoring/init.js');
      const languages = parseLanguages(options.languages);
      if (options.year !== undefined && !/^\d{4}$/.test(options.year)) {
        throw new UsageError({ en: `--year must be a year such as 2027, not "${options.year}"`, ja: `--year は 2027 のような年です（"${options.year}" が指定されました）` });
      }
      const world = new World({ dataRoot: globals.data });
      // The edition year defaults to the calendar year: this is a starting point for staff, not a build output.
      const year = options.year !== undefined ? Number(options.year) : new Date().getFullYear();
      const result = initOffice(world, { officeId, languages, year });
      terminal.info(ja ? `✔ ${world.display(result.dir)} を作成しました` : `✔ created ${world.display(result.dir)}`);
      for (const file of result.files) terminal.info(`  ${world.display(file)}`);
      if (options.vscode) await reportEditorSetup(world, terminal, ja);
      terminal.info(ja ? '\n記入が必要な項目（TODO と書かれた値）:' : '\nTo fill in (the values marked TODO):');
      for (const what of result.placeholders) terminal.info(`  - ${what[uiLang]}`);
      const dataOption = globals.data === './data' ? '' : `--data ${globals.data} `;
      terminal.hint(ja
        ? `\n確認: clair ${dataOption}validate    プレビュー: clair ${dataOption}serve --office ${officeId}`
        : `\nCheck: clair ${dataOption}validate    Preview: clair ${dataOption}serve --office ${officeId}`);
    });
}

/** VS Code finds the schemas for every data file, also those added later without their modeline. */
async function reportEditorSetup(world: World, terminal: Terminal, ja: boolean): Promise<void> {
  const { editorWorkspace, writeEditorSettings } = await import('../../authoring/editor-settings.js');
  const workspace = editorWorkspace(world);
  if (!workspace) return;
  const setup = writeEditorSettings(world, workspace);
  for (const file of setup.files) {
    const shown = world.display(file.path);
    const what = file.kind === 'settings'
      ? (ja ? 'VS Code で clair のスキーマを使う設定' : "VS Code finds clair's schemas")
      : (ja ? 'VS Code の YAML 拡張機能を推奨' : "VS Code's YAML extension recommended");
    if (file.outcome === 'created') terminal.info(`  ${shown} (${what})`);
    else if (file.outcome === 'updated') terminal.info(ja ? `  ${shown}（${what}。ほかの設定はそのまま）` : `  ${shown} (${what}; your other settings kept)`);
    else if (file.outcome === 'unchanged') terminal.info(ja ? `  ${shown}（設定済み）` : `  ${shown} (already set up)`);
    else {
      terminal.warn(file.problem![ja ? 'ja' : 'en']);
      terminal.hint(ja ? '  次を手で追加してください:' : '  add this by hand:');
      for (const line of file.manual!.split('\n')) terminal.hint(`    ${line}`);
    }
  }
}
