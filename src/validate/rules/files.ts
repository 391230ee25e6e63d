// Rules about the office folder itself: the office id is the folder's name, and every photo a data file names
// exists inside the folder (a build would otherwise fail late, or read outside the data), is an image clair can
// decode, and is sharp enough to print (a warning below 200 ppi at the size it is printed: a column for a grid
// photo, the page's width for the cover's); a photo entry without a file is listed as a note (it prints nothing).
import { isAbsolute, join, relative, sep } from 'node:path';
import { MAX_PHOTO_BYTES } from '../../load/source.js';
import { FileLimitError, type World } from '../../world.js';
import type { Rule } from './rule.js';
import { imageHeader, type ImageHeader } from '../../photos/header.js';
import { COVER_WIDTH_PT, FRAME_RATIO, MIN_PPI, PRINT_WIDTH_PT } from '../../photos/index.js';

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
  check({ dir, world, data, shared, report }) {
    // Grid photos are printed at most a column wide; the cover photo spans the page.
    const photos = shared('photo').map((entry) => ({ ...entry, widthPt: PRINT_WIDTH_PT }));
    const cover = data.brochure?.cover?.photo;
    if (cover) photos.push({ file: 'brochure', at: ['cover', 'photo'], value: cover, widthPt: COVER_WIDTH_PT });
    for (const { file: dataFile, at, value: photo, widthPt } of photos) {
      const file = (photo as { file?: unknown } | null)?.file;
      if (file === undefined) {
        // The seed's photos are captions only until an office adds its pictures: nothing to change, but the
        // editor learns which entries print nothing. One located line each, so an editor or CI jumps to it.
        const caption = captionText((photo as { caption?: unknown }).caption);
        report({
          file: dataFile, at, code: 'photo-without-file', severity: 'note',
          message: {
            en: `the photo "${caption}" has no file, so nothing is printed for it`,
            ja: `写真「${caption}」にはファイルがないため、何も印刷されません`,
          },
        });
        continue;
      }
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
        const { problem, header } = photoProblem(world, path, file);
        if (problem) {
          report({ file: dataFile, at: [...at, 'file'], found: file, ...problem });
          continue;
        }
        if (header?.width && header.height) {
          // The frame is cut at 4:3 and printed at most widthPt wide; EXIF may turn the photo, so the smaller of
          // the two readings is taken.
          const cropWidth = Math.min(Math.min(header.width, header.height * FRAME_RATIO), Math.min(header.height, header.width * FRAME_RATIO));
          const ppi = Math.round(cropWidth / (widthPt / 72));
          if (ppi < MIN_PPI) {
            report({
              file: dataFile, at: [...at, 'file'], code: 'photo-low-resolution', severity: 'warning',
              message: {
                en: `the photo ${file} would print at ${ppi} ppi (${header.width}×${header.height} pixels); it looks soft below ${MIN_PPI} ppi`,
                ja: `写真 ${file} は印刷すると ${ppi} ppi（${header.width}×${header.height} ピクセル）で、${MIN_PPI} ppi 未満はぼやけて見えます`,
              },
              found: `${header.width}×${header.height}`,
              expected: { en: `at least ${Math.ceil((widthPt / 72) * MIN_PPI)} pixels across the 4:3 frame`, ja: `4:3 の枠の幅で ${Math.ceil((widthPt / 72) * MIN_PPI)} ピクセル以上` },
            });
          }
        }
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

/** A caption for a one-line note: its first language's text, shortened. */
function captionText(caption: unknown): string {
  const text = typeof caption === 'string' ? caption : caption && typeof caption === 'object' ? String(Object.values(caption)[0] ?? '') : '';
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 40 ? `${oneLine.slice(0, 39)}…` : oneLine;
}

/** Enough of a file to find a JPEG's frame header (its size) behind the EXIF block of a phone photo. */
const HEAD_BYTES = 256 * 1024;

type Problem = { code: string; message: { en: string; ja: string }; expected?: { en: string; ja: string } };

/**
 * Why a photo file cannot go into a brochure, judged from its first bytes: not a regular file (a named pipe would
 * block the build, /dev/zero would fill the memory), too large, unreadable, or not an image clair decodes (HEIC
 * included: "save it as JPEG"). The build reads the file only after this check, and its problem is located at
 * the data that names the photo. Also returns what the header says (format, size) for the resolution check.
 */
function photoProblem(world: World, path: string, file: string): { problem?: Problem; header?: ImageHeader } {
  let head: Uint8Array;
  try {
    head = world.readHead(path, HEAD_BYTES, MAX_PHOTO_BYTES).head;
  } catch (error) {
    if (error instanceof FileLimitError && error.code === 'EFBIG') {
      return { problem: {
        code: 'photo-too-large',
        message: { en: `the photo ${file} is ${error.reason.en}`, ja: `写真 ${file} は ${error.reason.ja}` },
        expected: { en: `an image of at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB (a photo for print need not be larger)`, ja: `${MAX_PHOTO_BYTES / 1024 / 1024} MB 以下の画像（印刷用の写真ならこれで十分です）` },
      } };
    }
    const reason = error instanceof FileLimitError ? error.reason : { en: (error as NodeJS.ErrnoException).code ?? String(error), ja: (error as NodeJS.ErrnoException).code ?? String(error) };
    return { problem: { code: 'photo-unreadable', message: { en: `cannot read the photo ${file}: ${reason.en}`, ja: `写真 ${file} を読めません: ${reason.ja}` } } };
  }
  const header = imageHeader(head);
  if (header && header.format !== 'heic') return { header };
  return { problem: {
    code: 'photo-not-image',
    message: header
      ? { en: `the photo ${file} is HEIC, which clair cannot decode; save it as JPEG`, ja: `写真 ${file} は HEIC 形式で読み込めません。JPEG で保存し直してください` }
      : { en: `the photo ${file} is not an image clair can read; save it as JPEG`, ja: `写真 ${file} は読み込める画像ではありません。JPEG で保存し直してください` },
    expected: { en: 'a JPEG, PNG, WebP, TIFF or AVIF image', ja: 'JPEG・PNG・WebP・TIFF・AVIF の画像' },
  } };
}
