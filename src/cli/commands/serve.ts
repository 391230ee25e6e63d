// `clair serve`: builds the office's brochure, serves it on the loopback interface and rebuilds on every save, with
// live reload in the browser. The pipeline lives in src/serve/; this file parses options and prints.
import type { Command } from 'commander';
import { spawn } from 'node:child_process';
import { UsageError, uiLanguageOf } from '../../i18n/ui.js';
import type { OutputFormat } from '../../build/render-edition.js';
import { chooseOffice } from '../../load/choose-office.js';
import { World } from '../../world.js';
import { createTerminal } from '../terminal.js';

const FORMATS: OutputFormat[] = ['html', 'pdf'];

interface ServeOptions {
  office?: string;
  port: string;
  host: string;
  lang?: string;
  format?: string;
}

const list = (value: string) => value.split(',').map((v) => v.trim()).filter(Boolean);

function parsePort(value: string): number {
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port >= 0 && port <= 65535)) {
    throw new UsageError({ en: `--port must be a port number from 0 to 65535, not "${value}"`, ja: `--port は 0〜65535 のポート番号です（"${value}" が指定されました）` });
  }
  return port;
}

export function register(program: Command): void {
  program
    .command('serve')
    .summary('build, serve and rebuild on every save, with live reload / プレビューを表示し、保存のたびに更新')
    .description(
      'Build the brochure, serve its editions on http://127.0.0.1:PORT/ and rebuild when a data file, template or font\n'
      + 'is saved; open pages reload by themselves, and problems in the data show over the page until they are fixed.\n'
      + 'パンフレットを作成してブラウザで表示し、データやテンプレートを保存するたびに作り直して自動で再読み込みします。',
    )
    .option('--office <id>', 'office folder under the data root (default: the only one) / 事務所 ID')
    .option('--port <port>', 'port to listen on (0: any free port) / ポート番号', '4326')
    .option('--host <address>', 'address to listen on; other machines can connect only if you change it / 待ち受けるアドレス', '127.0.0.1')
    .option('--lang <editions>', 'editions, comma-separated, e.g. ja,ja-ko (default: all) / 版')
    .option('--format <formats>', `formats: ${FORMATS.join(',')} (default: both; HTML is rebuilt first) / 形式`)
    .addHelpText('after', `
Examples:
  clair serve                         every edition of the only office, on http://127.0.0.1:4326/
  clair serve --lang ja --format html only the Japanese HTML edition (fastest)
  clair --data ../offices serve --office beijing --port 8080

Press Ctrl-C to stop. / 終了するには Ctrl-C を押します。`)
    .action(async (options: ServeOptions, command: Command) => {
      const globals = command.optsWithGlobals() as { data: string; color?: boolean };
      const uiLang = uiLanguageOf(command);
      const ja = uiLang === 'ja';
      const terminal = createTerminal({ color: globals.color !== false });
      const port = parsePort(options.port);
      const formats = options.format ? list(options.format) : FORMATS;
      for (const format of formats) {
        if (!FORMATS.includes(format as OutputFormat)) {
          throw new UsageError({ en: `unknown format "${format}" (formats: ${FORMATS.join(', ')})`, ja: `形式「${format}」はありません（${FORMATS.join(', ')} のいずれか）` });
        }
      }
      const world = new World({ dataRoot: globals.data });
      const officeId = chooseOffice(world, options.office);
      const [{ startPreview }, { formatDiagnostics }] = await Promise.all([import('../../serve/index.js'), import('../../validate/index.js')]);
      const step = terminal.step(ja ? 'プレビューを準備中（フォントとテンプレートを読み込んでいます）' : 'preparing the preview (loading fonts and templates)');
      let first = true;
      // The same warnings after every save would scroll the terminal: they are printed in full when they change.
      let shownWarnings = '';
      const preview = await startPreview({
        dataRoot: globals.data, officeId, formats: formats as OutputFormat[], host: options.host, port, uiLang,
        ...(options.lang ? { editions: list(options.lang) } : {}),
      }, {
        started(changed) {
          if (changed.length > 0) terminal.info(ja ? `変更: ${changed.join(', ')}` : `changed: ${changed.join(', ')}`);
        },
        built(file) {
          const line = `${file.name}  ${Math.round(file.milliseconds)} ms`;
          if (first) step.update(ja ? `作成中: ${line}` : `building: ${line}`);
          else terminal.info(`  ✔ ${line}`);
        },
        problems(diagnostics, files) {
          if (first) step.fail(ja ? 'データに問題があります（直して保存すると作り直します）' : 'the data has problems (fix and save to rebuild)');
          first = false;
          shownWarnings = '';
          process.stderr.write(formatDiagnostics(diagnostics, 'text', uiLang, { files, color: terminal.chalk.level > 0 }));
        },
        warnings(diagnostics, files) {
          const key = JSON.stringify(diagnostics.map((d) => [d.file, d.line, d.column, d.code, d.message.en]));
          if (key === shownWarnings) {
            terminal.hint(ja ? `  警告 ${diagnostics.length} 件（前回と同じ）` : `  ${diagnostics.length} ${diagnostics.length === 1 ? 'warning' : 'warnings'}, as before`);
            return;
          }
          shownWarnings = key;
          process.stderr.write(formatDiagnostics(diagnostics, 'text', uiLang, { files, color: terminal.chalk.level > 0 }));
        },
        recovered() {
          terminal.info(ja ? '✔ 問題は解消しました' : '✔ the problems are fixed');
        },
        finished(ms) {
          if (first) {
            first = false;
            step.succeed(ja ? `準備完了（${(ms / 1000).toFixed(1)} 秒）: ${preview.url}` : `ready in ${(ms / 1000).toFixed(1)} s: ${preview.url}`);
          } else {
            terminal.hint(ja ? `  更新しました（${Math.round(ms)} ms）` : `  rebuilt in ${Math.round(ms)} ms`);
          }
        },
        fontsChanged(paths) {
          terminal.warn(ja ? `フォントが変更されました（${paths.map((p) => world.display(p)).join(', ')}）。プレビューを再起動します` : `fonts changed (${paths.map((p) => world.display(p)).join(', ')}): restarting the preview`);
          void restart();
        },
      }).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'EADDRINUSE') {
          throw new UsageError({ en: `port ${port} on ${options.host} is in use; choose another with --port (0: any free port)`, ja: `${options.host} のポート ${port} は使用中です。--port で別の番号を指定してください（0 なら空いている番号）` });
        }
        if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
          throw new UsageError({ en: `cannot listen on ${options.host}: not an address of this machine`, ja: `${options.host} で待ち受けできません（このマシンのアドレスではありません）` });
        }
        throw error;
      });
      if (options.host !== '127.0.0.1' && options.host !== 'localhost' && options.host !== '::1') {
        terminal.warn(ja ? `${options.host} で待ち受けています。ネットワーク上の他の端末からも見えます` : `listening on ${options.host}: other machines on the network can see the preview`);
      }
      terminal.info(ja ? `プレビュー: ${preview.url}  （終了: Ctrl-C）` : `preview: ${preview.url}  (Ctrl-C to stop)`);

      let stopping = false;
      const stop = async () => {
        if (stopping) return;
        stopping = true;
        await preview.close();
      };
      /** Fonts are opened once per process: a new process on the same port picks up the changed files. */
      const restart = async () => {
        await stop();
        const address = new URL(preview.url);
        const args = process.argv.slice(1).filter((arg, i, all) => !(arg === '--port' || all[i - 1] === '--port' || arg.startsWith('--port=')));
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        const child = spawn(process.execPath, [...process.execArgv, ...args, '--port', address.port], { stdio: 'inherit' });
        // Ctrl-C reaches the whole process group in a terminal; a signal sent to this process alone is passed on.
        for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
        child.on('exit', (code) => process.exit(code ?? 0));
        resolveDone();
      };
      let resolveDone: () => void = () => {};
      const done = new Promise<void>((resolve) => {
        resolveDone = resolve;
      });
      const onSignal = () => {
        terminal.info(ja ? '\nプレビューを終了します' : '\nstopping the preview');
        void stop().then(resolveDone);
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      await done;
    });
}
