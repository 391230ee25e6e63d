// The list of sub-commands; each lives in its own file and registers itself on the program.
import type { Command } from 'commander';
import { register as registerCompare } from './compare.js';

type Register = (program: Command) => void;
const commands: Register[] = [
  registerCompare,
];

export function registerCommands(program: Command): void {
  for (const register of commands) register(program);
}
