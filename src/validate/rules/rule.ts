// What a semantic rule sees and how it reports. Rules only run on files that passed their schema, so they read
// typed data and never have to defend against a missing key or a wrong type.
import type { Localized, Severity } from '../../diagnostics.js';
import type { LanguageTag } from '../../schema/common.js';
import type { DataKey, OfficeData } from '../../schema/index.js';
import type { World } from '../../world.js';
import type { Segment } from '../paths.js';
import type { SharedSchemaName, ValidatorSet } from '../validators.js';

export interface Issue {
  /** The data file the problem is in. */
  file: DataKey;
  /** Where in it: the value at these segments (or its key with where: 'key'). */
  at: Segment[];
  where?: 'value' | 'key';
  code: string;
  /** Default: error. */
  severity?: Severity;
  message: Localized;
  found?: string;
  expected?: Localized;
}

/** A shared building block (a Text, a prefecture, a photo) found in a data file that passed its schema. */
export interface SharedValue {
  file: DataKey;
  at: Segment[];
  value: unknown;
}

export interface RuleContext {
  officeId: string;
  /** The office folder, absolute. */
  dir: string;
  /** Files that passed their schema, typed. A file that is missing or failed is absent. */
  data: Partial<OfficeData>;
  /** Every data file in the folder, even one that could not be read or failed its schema. */
  present: ReadonlySet<DataKey>;
  /** The office's languages when office.yaml declares them validly. */
  languages?: readonly LanguageTag[];
  validators: ValidatorSet;
  world: World;
  /** Every value of a shared building block in the valid files, found in one walk for all rules. */
  shared(name: SharedSchemaName): readonly SharedValue[];
  report(issue: Issue): void;
}

export interface Rule {
  /** Names the rule in JUnit output and in the README. */
  id: string;
  check(context: RuleContext): void;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
