// Rules about the office folder itself: the office id is the folder's name, and every photo a data file names
// exists inside the folder (a build would otherwise fail late, or read outside the data).
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Rule } from './rule.js';

export const officeId: Rule = {
  id: 'office-id',
  check({ data, officeId: folder, report }) {
    const id = data.office?.id;
    if (id === undefined || id === folder) return;
    report({
      file: 'office', at: ['id'], code: 'office-id',
      message: {
        en: `the office id "${id}" differs from its folder name "${folder}"`,
        ja: `事務所 ID「${id}」がフォルダ名「${folder}」と違います`,
      },
      found: id,
      expected: { en: `"${folder}", the folder's name (or rename the folder)`, ja: `フォルダ名と同じ「${folder}」（またはフォルダ名を変更）` },
    });
  },
};

export const photoFiles: Rule = {
  id: 'photo-files',
  check({ dir, world, shared, report }) {
    for (const { file: dataFile, at, value: photo } of shared('photo')) {
      const file = (photo as { file?: unknown } | null)?.file;
      if (typeof file !== 'string') continue;
      const path = join(dir, file);
      const inside = relative(dir, path);
      if (isAbsolute(file) || inside.startsWith(`..${sep}`) || inside === '..') {
        report({
          file: dataFile, at: [...at, 'file'], code: 'photo-outside-office',
          message: { en: `the photo ${file} is outside the office folder`, ja: `写真 ${file} が事務所のフォルダの外にあります` },
          found: file,
          expected: { en: 'a path inside the office folder, e.g. photos/stage.jpg', ja: '事務所フォルダ内のパス（例: photos/stage.jpg）' },
        });
        continue;
      }
      if (world.exists(path)) continue;
      report({
        file: dataFile, at: [...at, 'file'], code: 'missing-photo',
        message: { en: `the photo ${file} does not exist in the office folder`, ja: `写真 ${file} が事務所のフォルダにありません` },
        found: file,
        expected: { en: `a file at ${world.display(path)}`, ja: `${world.display(path)} のファイル` },
      });
    }
  },
};
