// The list of sub-commands; each lives in its own file and registers itself on the program.
import type { Command } from 'commander';

type Register = (program: Command) => void;
const commands: Register[] = [];

export function registerCommands(program: Command): void {
  for (const register of commands) register(program);
}
