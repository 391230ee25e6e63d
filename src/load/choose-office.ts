// Which office a command works on: the one asked for with --office, or the only one of the data root. Shared by
// `clair build` and `clair compare`; kept free of the schemas so commands can call it before loading anything.
import { UsageError } from '../i18n/ui.js';
import { didYouMean } from '../validate/suggest.js';
import type { World } from '../world.js';

export function chooseOffice(world: World, requested: string | undefined): string {
  const root = world.display(world.dataRoot);
  if (!world.isDirectory(world.dataRoot)) {
    throw new UsageError({
      en: `the data folder ${root} does not exist (use --data)`,
      ja: `データフォルダ ${root} がありません（--data で指定してください）`,
    });
  }
  const offices = world.offices();
  const listed = { en: offices.join(', ') || 'none', ja: offices.join(', ') || 'なし' };
  if (requested !== undefined) {
    if (offices.includes(requested)) return requested;
    const suggestion = didYouMean(requested, offices);
    throw new UsageError({
      en: `no office "${requested}" under ${root}${suggestion ? ` — did you mean "${suggestion}"?` : ''} (offices: ${listed.en})`,
      ja: `${root} に事務所「${requested}」がありません${suggestion ? `。「${suggestion}」のことですか？` : ''}（あるもの: ${listed.ja}）`,
    });
  }
  if (offices.length === 1) return offices[0]!;
  if (offices.length === 0) throw noOfficeData(root);
  throw new UsageError({
    en: `the data root holds several offices; choose one with --office: ${offices.join(', ')}`,
    ja: `データに複数の事務所があります。--office で指定してください: ${offices.join(', ')}`,
  });
}

/**
 * A data root without any office: wrong usage (exit 2) for every command, worded once. An office is a folder of
 * the data root that holds office.yaml (World.offices).
 */
export function noOfficeData(root: string): UsageError {
  return new UsageError({
    en: `no office data under ${root} (expected a folder per office holding office.yaml; use --data DIR)`,
    ja: `${root} に事務所のデータがありません（事務所ごとに office.yaml を含むフォルダが必要です。--data DIR で指定できます）`,
  });
}
