// Refuses to build from data that does not validate, printing the same messages as `clair validate`. Warnings are
// printed too but do not stop the build; notes are left to `clair validate`. Returns the office as the validator read it, for the build to use.
import { DataError, type UiLanguage } from '../diagnostics.js';
import { formatDiagnostics, hasErrors, validateOffices } from '../validate/index.js';
import type { LoadedOffice } from '../load/office.js';
import type { World } from '../world.js';
import { missingGlyphDiagnostics } from './glyphs.js';
import { sharedTypesetter } from '../load/fonts.js';

export async function checkBeforeBuild(world: World, officeId: string, lang: UiLanguage, options: { color?: boolean } = {}): Promise<LoadedOffice | undefined> {
  // The font files are read while the data is checked; the glyph check and the build need them next.
  const typesetter = import('../typeset/index.js').then(async ({ Typesetter }) => {
    const shared = await sharedTypesetter(world, { office: officeId });
    await shared.library.readAhead();
    return shared;
  });
  typesetter.catch(() => undefined); // awaited below, when the data is fit to build
  const result = await validateOffices(world, { paths: [world.officeDir(officeId)] });
  const office = result.offices.find((o) => o.id === officeId);
  if (office && !hasErrors(result.diagnostics)) {
    const { officeData } = await import('../load/office.js');
    const languages = officeData(office).office.languages;
    result.diagnostics.push(...missingGlyphDiagnostics(world, office, await typesetter, languages));
  }
  // Notes (photo entries without a file) are `validate`'s to list; a build would repeat them every time.
  const shown = result.diagnostics.filter((d) => d.severity !== 'note');
  if (shown.length === 0) return office;
  process.stderr.write(formatDiagnostics(shown, 'text', lang, { files: result.files, color: options.color ?? false }));
  if (hasErrors(result.diagnostics)) {
    const error = new DataError(result.diagnostics.filter((d) => d.severity === 'error'));
    error.reported = true;
    throw error;
  }
  return office;
}
