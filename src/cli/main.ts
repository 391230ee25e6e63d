// The clair command line: global options, one sub-command per file under commands/, and the single place that
// turns failures into exit codes (0 ok, 1 data problems, 2 usage or I/O) and hides stack traces unless --debug.
import './v8-flags.js';
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from '../diagnostics.js';
import { UsageError, uiLanguageFromArgv, uiLanguageOf } from '../i18n/ui.js';
import { INSTALL_ROOT } from '../world.js';
import { registerCommands } from './commands/index.js';
import { createTerminal } from './terminal.js';

export const EXIT_OK = 0;
export const EXIT_DATA = 1;
export const EXIT_USAGE = 2;

function version(): string {
  try {
    return JSON.parse(readFileSync(join(INSTALL_ROOT, 'package.json'), 'utf8')).version as string;
  } catch {
    return '0.0.0';
  }
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('clair')
    .description('Compile the annual overview brochure of a CLAIR overseas office from YAML data.\nクレア海外事務所の概要パンフレットを YAML データから作成します。')
    .version(version(), '-V, --version')
    .option('--data <dir>', 'data root holding one folder per office', './data')
    .option('--debug', 'show stack traces for unexpected errors', false)
    .option('--no-color', 'plain output without colours (also NO_COLOR=1)')
    .option('--ui-lang <lang>', 'language of messages: en or ja (default: from the locale) / メッセージの言語')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
    });
  registerCommands(program);
  // An unknown --ui-lang is refused before any command runs, whichever command it was given to.
  program.hook('preAction', (_program, action) => {
    uiLanguageOf(action);
  });
  program.addHelpText('after', `
Examples:
  clair validate                       check every office under ./data
  clair build brochure                 build PDF and HTML editions into ./out
  clair compare --from 2023 --to 2025  year-over-year table of the office's metrics

Exit codes: 0 ok, 1 problems in the data, 2 wrong usage or unreadable files.`);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  // `clair … | head` closes the pipe early: that is the reader's choice, not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  const debug = argv.includes('--debug');
  // Messages follow --ui-lang in every command (--lang names editions or a table's language, never the messages'),
  // except validate's older --lang, still honoured.
  const langIndex = argv.indexOf('--lang');
  let uiLang = uiLanguageFromArgv(argv);
  const explicit = argv.some((arg) => arg === '--ui-lang' || arg.startsWith('--ui-lang='));
  if (!explicit && argv.slice(2).includes('validate') && langIndex >= 0 && (argv[langIndex + 1] === 'ja' || argv[langIndex + 1] === 'en')) uiLang = argv[langIndex + 1] as 'en' | 'ja';
  const terminal = createTerminal({ color: !argv.includes('--no-color') });
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    process.exitCode = process.exitCode ?? EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" to commander; they exit 0.
      process.exitCode = error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
      return;
    }
    if (error instanceof UsageError) {
      terminal.error(error.localized[uiLang]);
      process.exitCode = EXIT_USAGE;
      return;
    }
    if (error instanceof DataError) {
      // A data file that exists but cannot be read (load/source.ts's UNREADABLE, not imported here to keep the
      // YAML parser off start-up) is an I/O failure, as in `clair validate`.
      process.exitCode = error.diagnostics.some((d) => d.code === 'unreadable') ? EXIT_USAGE : EXIT_DATA;
      return;
    }
    const code = (error as NodeJS.ErrnoException)?.code;
    const message = (error as Error)?.message ?? String(error);
    if (code && /^E[A-Z]+$/.test(code)) {
      terminal.error(uiLang === 'ja' ? `入出力エラー: ${message}` : `I/O error: ${message}`);
    } else {
      terminal.error(uiLang === 'ja' ? `予期しないエラー: ${message}` : `unexpected error: ${message}`);
      if (!debug) terminal.hint(uiLang === 'ja' ? '--debug を付けるとスタックトレースを表示します' : 'run with --debug for a stack trace');
    }
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = EXIT_USAGE;
  }
}

