// The list of sub-commands; each lives in its own file and registers itself on the program.
import type { Command } from 'commander';
import { register as registerBuild } from './build.js';
import { register as registerCompare } from './compare.js';
import { register as registerInit } from './init.js';
import { register as registerNew } from './new.js';
import { register as registerServe } from './serve.js';
import { register as registerValidate } from './validate.js';

type Register = (program: Command) => void;
const commands: Register[] = [
  registerBuild,
  registerCompare,
  registerInit,
  registerNew,
  registerServe,
  registerValidate,
];

export function registerCommands(program: Command): void {
  for (const register of commands) register(program);
}
