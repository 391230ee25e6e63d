// Terminal output: colour only when wanted (NO_COLOR, --no-color, not a TTY), spinners only on a TTY that has a
// width, and control characters from data escaped in every message (escapeControls) before colour is added.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Ora } from 'ora';
import { escapeControls } from '../controls.js';

export interface Terminal {
  chalk: ChalkInstance;
  isTty: boolean;
  error(message: string): void;
  warn(message: string): void;
  hint(message: string): void;
  info(message: string): void;
  /** A spinner on a TTY; on other outputs a no-op whose succeed() prints one plain line. */
  step(text: string): Step;
}

export interface Step {
  update(text: string): void;
  succeed(text: string): void;
  fail(text: string): void;
}

export function createTerminal(options: { color?: boolean; stream?: NodeJS.WriteStream } = {}): Terminal {
  const stream = options.stream ?? process.stderr;
  const isTty = Boolean(stream.isTTY) && !process.env.CI;
  const colorWanted = options.color !== false && !('NO_COLOR' in process.env) && Boolean(stream.isTTY);
  const chalk = new Chalk({ level: colorWanted ? 1 : 0 });
  const write = (line: string) => stream.write(`${line}\n`);
  const safe = (text: string) => escapeControls(text);
  return {
    chalk,
    isTty,
    error: (m) => write(`${chalk.red.bold('error')}: ${safe(m)}`),
    warn: (m) => write(`${chalk.yellow.bold('warning')}: ${safe(m)}`),
    hint: (m) => write(chalk.dim(safe(m))),
    info: (m) => write(safe(m)),
    step(rawText) {
      const text = safe(rawText);
      // A terminal that reports 0 columns (inside `script`, an unsized `docker -t`) would make ora count an infinite
      // number of lines to clear: no spinner there, and none once a resize brings the width to 0.
      if (isTty && hasWidth(stream)) {
        // ora is loaded only when a spinner is shown: it is a large part of start-up otherwise.
        let spinner: Ora | undefined;
        let pending: { text: string; end?: 'succeed' | 'fail' } = { text };
        const onResize = () => {
          if (hasWidth(stream) || !spinner) return;
          spinner.stop();
          spinner = undefined;
        };
        void import('ora').then(({ default: ora }) => {
          if (pending.end || !hasWidth(stream)) return;
          // No hidden cursor and no discarded input: both make ora install signal handlers (signal-exit, raw mode
          // stdin), and a JavaScript handler only runs between two tasks, so Ctrl-C or SIGTERM would wait for the
          // layout of an edition to finish. Without them the system ends the process at once, which is safe: the
          // outputs are switched atomically (write/outputs.ts) and the next build removes what was left.
          spinner = ora({ text: pending.text, stream, color: 'cyan', hideCursor: false, discardStdin: false }).start();
          stream.on('resize', onResize);
        });
        const end = (t: string, how: 'succeed' | 'fail') => {
          pending = { text: t, end: how };
          stream.removeListener('resize', onResize);
          if (spinner) spinner[how](t);
          else write(`${how === 'succeed' ? chalk.green('✔') : chalk.red('✖')} ${t}`);
        };
        return {
          update: (t) => {
            pending = { text: safe(t) };
            if (spinner) spinner.text = pending.text;
          },
          succeed: (t) => end(safe(t), 'succeed'),
          fail: (t) => end(safe(t), 'fail'),
        };
      }
      return {
        update: () => {},
        succeed: (t) => write(`✔ ${safe(t)}`),
        fail: (t) => write(`✖ ${safe(t)}`),
      };
    },
  };
}

/** A stream whose width is unknown is assumed 80 columns wide (as ora does); one of 0 columns has no room. */
function hasWidth(stream: NodeJS.WriteStream): boolean {
  return stream.columns === undefined || stream.columns > 0;
}
