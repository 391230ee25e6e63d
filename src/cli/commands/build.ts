// `clair build brochure`: print-ready PDF and HTML editions of an office's brochure.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import type { OutputFormat } from '../../build/render-edition.js';
import { DataError } from '../../diagnostics.js';
import { UsageError, uiLanguageOf } from '../../i18n/ui.js';
import { World } from '../../world.js';
import { escapeControls } from '../../controls.js';
import { createTerminal } from '../terminal.js';


const FORMATS: OutputFormat[] = ['pdf', 'html'];

function list(value: string): string[] {
  return value.split(',').map((v) => v.trim()).filter(Boolean);
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

export function register(program: Command): void {
  const build = program.command('build').description('build outputs from the data / データから出力を作成');
  build
    .command('brochure')
    .description('build the brochure editions (PDF and HTML) / パンフレットの各版（PDF・HTML）を作成')
    .option('--office <id>', 'office folder under the data root (default: the only one)')
    .option('--year <yyyy>', 'edition year; must match brochure.yaml (default: from the data)')
    .option('--lang <editions>', 'editions to build, comma-separated, e.g. ja,ko,ja-ko (default: all in brochure.yaml)')
    .option('--format <formats>', `formats, comma-separated: ${FORMATS.join(',')} (default: all)`)
    .option('--out <dir>', 'output root; files go to <dir>/<office>-<year>/', 'out')
    .addHelpText('after', `
Examples:
  clair build brochure                          every edition and format into out/seoul-2026/
  clair build brochure --lang ja --format pdf   only the Japanese PDF
  clair build brochure --data ../data --office beijing --out dist`)
    .action(async (options: { office?: string; year?: string; lang?: string; format?: string; out: string }, command: Command) => {
      const globals = command.optsWithGlobals() as { data: string; debug: boolean; color?: boolean };
      const uiLang = uiLanguageOf(command);
      const terminal = createTerminal({ color: globals.color !== false });
      const formats = options.format ? list(options.format) : FORMATS;
      for (const format of formats) {
        if (!FORMATS.includes(format as OutputFormat)) {
          throw new UsageError({ en: `unknown format "${format}" (formats: ${FORMATS.join(', ')})`, ja: `形式「${format}」はありません（${FORMATS.join(', ')} のいずれか）` });
        }
      }
      let year: number | undefined;
      if (options.year !== undefined) {
        if (!/^\d{4}$/.test(options.year)) throw new UsageError({ en: `--year must be a year such as 2026, not "${options.year}"`, ja: `--year は 2026 のような年です（"${options.year}" が指定されました）` });
        year = Number(options.year);
      }
      const world = new World({ dataRoot: globals.data });
      // The pipeline (renderers, fonts, validator) loads only when the command runs, so other commands start fast.
      const [{ buildBrochure }, { checkBeforeBuild }, { formatDiagnostics }] = await Promise.all([
        import('../../build/brochure.js'), import('../../build/check.js'), import('../../validate/index.js'),
      ]);
      const step = terminal.step(uiLang === 'ja' ? 'データを読み込み中' : 'loading the data');
      const started = performance.now();
      try {
        const result = await buildBrochure(world, {
          officeId: options.office,
          year,
          editions: options.lang ? list(options.lang) : undefined,
          formats: formats as OutputFormat[],
          outRoot: resolve(options.out),
        }, {
          stage(name, detail) {
            const words: Record<typeof name, [string, string]> = {
              load: ['loading the data', 'データを読み込み中'],
              validate: ['checking the data and reading the fonts', 'データを検査し、フォントを読み込み中'],
              layout: ['laying out the editions', '各版をレイアウト中'],
              write: ['writing the files', 'ファイルを書き出し中'],
            };
            const text = words[name][uiLang === 'ja' ? 1 : 0];
            step.update(detail ? `${text}: ${detail}` : text);
          },
          edition() {},
        }, (officeId) => checkBeforeBuild(world, officeId, uiLang, { color: terminal.chalk.level > 0 }));
        step.succeed(uiLang === 'ja'
          ? `${result.officeId} ${result.year}年版: ${result.files.length} ファイル（${((performance.now() - started) / 1000).toFixed(1)} 秒）`
          : `${result.officeId} ${result.year}: ${result.files.length} ${result.files.length === 1 ? "file" : "files"} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        for (const file of result.files) {
          const pages = file.pages !== undefined ? (uiLang === 'ja' ? `${file.pages} ページ  ` : `${file.pages} pages  `) : '';
          process.stdout.write(`  ${escapeControls(world.display(file.path))}  ${pages}${formatSize(file.bytes.byteLength)}\n`);
        }
      } catch (error) {
        step.fail(uiLang === 'ja' ? '作成できませんでした（以前の出力はそのままです）' : 'build failed (previous outputs are untouched)');
        if (error instanceof DataError && !error.reported) {
          process.stderr.write(formatDiagnostics(error.diagnostics, 'text', uiLang, { color: terminal.chalk.level > 0 }));
          error.reported = true;
        }
        throw error;
      }
    });
}
