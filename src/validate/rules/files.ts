// Rules about the office folder itself: the office id is the folder's name, and every photo a data file names
// exists inside the folder (a build would otherwise fail late, or read outside the data).
import { isAbsolute, join, relative, sep } from 'node:path';
import { MAX_PHOTO_BYTES } from '../../load/source.js';
import { FileLimitError, type World } from '../../world.js';
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
      if (world.exists(path)) {
        const problem = photoProblem(world, path, file);
        if (problem) report({ file: dataFile, at: [...at, 'file'], found: file, ...problem });
        continue;
      }
      report({
        file: dataFile, at: [...at, 'file'], code: 'missing-photo',
        message: { en: `the photo ${file} does not exist in the office folder`, ja: `写真 ${file} が事務所のフォルダにありません` },
        found: file,
        expected: { en: `a file at ${world.display(path)}`, ja: `${world.display(path)} のファイル` },
      });
    }
  },
};

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

/**
 * Why a photo file cannot go into a brochure, judged from its first bytes: not a regular file (a named pipe would
 * block the build, /dev/zero would fill the memory), too large, unreadable, or not a JPEG or PNG. The build reads
 * the file only after this check, and its problem is located at the data that names the photo.
 */
function photoProblem(world: World, path: string, file: string):
  { code: string; message: { en: string; ja: string }; expected?: { en: string; ja: string } } | undefined {
  let head: Uint8Array;
  try {
    head = world.readHead(path, 16, MAX_PHOTO_BYTES).head;
  } catch (error) {
    if (error instanceof FileLimitError && error.code === 'EFBIG') {
      return {
        code: 'photo-too-large',
        message: { en: `the photo ${file} is ${error.reason.en}`, ja: `写真 ${file} は ${error.reason.ja}` },
        expected: { en: `a JPEG or PNG of at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB (a photo for print need not be larger)`, ja: `${MAX_PHOTO_BYTES / 1024 / 1024} MB 以下の JPEG か PNG（印刷用の写真ならこれで十分です）` },
      };
    }
    const reason = error instanceof FileLimitError ? error.reason : { en: (error as NodeJS.ErrnoException).code ?? String(error), ja: (error as NodeJS.ErrnoException).code ?? String(error) };
    return { code: 'photo-unreadable', message: { en: `cannot read the photo ${file}: ${reason.en}`, ja: `写真 ${file} を読めません: ${reason.ja}` } };
  }
  const starts = (magic: number[]) => head.length >= magic.length && magic.every((byte, i) => head[i] === byte);
  if (starts(PNG) || starts(JPEG)) return undefined;
  return {
    code: 'photo-not-image',
    message: { en: `the photo ${file} is not a JPEG or PNG image`, ja: `写真 ${file} は JPEG でも PNG でもありません` },
    expected: { en: 'a JPEG (FF D8 FF) or PNG (89 50 4E 47) file', ja: 'JPEG（FF D8 FF）か PNG（89 50 4E 47）のファイル' },
  };
}
