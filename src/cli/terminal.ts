// Terminal output: colour only when wanted (NO_COLOR, --no-color, not a TTY), spinners only on a TTY.
import { Chalk, type ChalkInstance } from 'chalk';
import ora, { type Ora } from 'ora';

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
        const spinner: Ora = ora({ text, stream, color: 'cyan' }).start();
        return {
          update: (t) => { spinner.text = t; },
          succeed: (t) => { spinner.succeed(t); },
          fail: (t) => { spinner.fail(t); },
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
