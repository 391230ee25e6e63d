// Terminal output: colour only when wanted (NO_COLOR, --no-color, not a TTY), spinners only on a TTY.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Ora } from 'ora';

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
  return {
    chalk,
    isTty,
    error: (m) => write(`${chalk.red.bold('error')}: ${m}`),
    warn: (m) => write(`${chalk.yellow.bold('warning')}: ${m}`),
    hint: (m) => write(chalk.dim(m)),
    info: (m) => write(m),
    step(text) {
      if (isTty) {
        // ora is loaded only when a spinner is shown: it is a large part of start-up otherwise.
        let spinner: Ora | undefined;
        let pending: { text: string; end?: 'succeed' | 'fail' } = { text };
        void import('ora').then(({ default: ora }) => {
          if (pending.end) return;
          spinner = ora({ text: pending.text, stream, color: 'cyan' }).start();
        });
        return {
          update: (t) => {
            pending = { text: t };
            if (spinner) spinner.text = t;
          },
          succeed: (t) => {
            pending = { text: t, end: 'succeed' };
            if (spinner) spinner.succeed(t);
            else write(`${chalk.green('✔')} ${t}`);
          },
          fail: (t) => {
            pending = { text: t, end: 'fail' };
            if (spinner) spinner.fail(t);
            else write(`${chalk.red('✖')} ${t}`);
          },
        };
      }
      return {
        update: () => {},
        succeed: (t) => write(`✔ ${t}`),
        fail: (t) => write(`✖ ${t}`),
      };
    },
  };
}
