// `clair validate [paths…]`: checks office data and prints the problems. The pipeline is loaded only when the
// command runs, so other commands do not pay for it at start-up.
import { Option, type Command } from 'commander';
import { DataError } from '../../diagnostics.js';
import { parseUiLanguage, uiLanguageOf } from '../../i18n/ui.js';
import { World } from '../../world.js';

interface ValidateCommandOptions {
  format: 'text' | 'json' | 'github' | 'junit' | 'sarif';
  strict: boolean;
  lang?: string;
}

export function register(program: Command): void {
  program
    .command('validate')
    .summary('check office data files (YAML syntax, schema, totals, dates, languages)')
    .description(
      'Check office data: YAML syntax, duplicate keys, the schema of each file, and rules the schema cannot express '
      + '(totals equal their parts, dates inside their fiscal year, every text in every language of the office, …).\n'
      + 'データを検査します（YAML の構文、スキーマ、合計と内訳、年度と日付、言語の揃い など）。',
    )
    .argument('[paths...]', 'data roots, office folders or data files (default: the --data folder)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'github', 'junit', 'sarif']).default('text'))
    .option('--strict', 'treat warnings (missing translations, unknown files) as errors', false)
    // Older spelling of the global --ui-lang, kept so existing scripts work.
    .addOption(new Option('--lang <lang>', 'language of the messages (same as --ui-lang)').hideHelp())
    .addHelpText('after', `
Examples:
  clair validate                                  every office under ./data
  clair validate data/seoul                       one office
  clair validate data/seoul/jet.yaml              one file (office.yaml is read for context)
  clair --data ../offices validate --strict       missing translations are errors
  clair validate --format github                  annotations in a GitHub Actions run
  clair validate --format junit > validate.xml    a test report for CI (GitLab, Jenkins)
  clair validate --format sarif > clair.sarif     for GitHub code scanning (SARIF 2.1.0)
  clair validate --format json | jq .summary      counts for scripts
  clair validate --ui-lang ja                     メッセージを日本語で

Exit codes: 0 no errors (warnings allowed), 1 problems in the data, 2 wrong usage or unreadable files.`)
    .action(async (paths: string[], options: ValidateCommandOptions, command: Command) => {
      const globals = command.optsWithGlobals() as { data: string; color?: boolean };
      const globals0 = command.optsWithGlobals() as { uiLang?: string };
      const lang = globals0.uiLang === undefined && options.lang !== undefined ? parseUiLanguage(options.lang, process.env, '--lang') : uiLanguageOf(command);
      const [{ validateOffices, formatDiagnostics, hasErrors, hasIoFailures }, { repositoryPath, repositoryRoot }] = await Promise.all([
        import('../../validate/index.js'), import('../../validate/format/repository.js'),
      ]);
      const world = new World({ dataRoot: globals.data });
      const started = performance.now();
      const result = await validateOffices(world, { paths, strict: options.strict });
      const seconds = (performance.now() - started) / 1000;
      // `clair validate | head` closes the pipe early: that is the reader's choice, not a failure worth a trace.
      process.stdout.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw error;
      });
      const color = options.format === 'text' && globals.color !== false && !('NO_COLOR' in process.env) && Boolean(process.stdout.isTTY);
      const forTools = options.format === 'github' || options.format === 'sarif' || options.format === 'junit';
      process.stdout.write(formatDiagnostics(result.diagnostics, options.format, lang, {
        files: result.files, color, seconds, fileSeconds: result.fileSeconds, version: program.version() ?? '0.0.0',
        ...(forTools ? { repositoryPath: repositoryPath(repositoryRoot(world.cwd, (path) => world.exists(path)), world.cwd) } : {}),
      }));
      if (hasIoFailures(result.diagnostics)) {
        process.exitCode = 2; // EXIT_USAGE of main.ts, not imported to keep the command list free of cycles
        return;
      }
      if (hasErrors(result.diagnostics)) throw new DataError(result.diagnostics.filter((d) => d.severity === 'error'));
    });
}
