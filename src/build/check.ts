// Refuses to build from data that does not validate, printing the same messages as `clair validate`.
import { DataError, type Diagnostic, type UiLanguage } from '../diagnostics.js';
import { loadOffice } from '../load/office.js';
import type { World } from '../world.js';
import type { Terminal } from '../cli/terminal.js';

export function checkBeforeBuild(world: World, officeId: string, lang: UiLanguage, terminal: Terminal): void {
  const loaded = loadOffice(world, officeId);
  const errors: Diagnostic[] = loaded.diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors) terminal.error(`${d.file}:${d.line}:${d.column}: ${d.message[lang]}`);
  if (errors.length > 0) throw new DataError(errors);
}
