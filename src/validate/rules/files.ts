// Rules about the office folder itself: the office id is the folder's name, and every photo a data file names
// exists inside the folder (a build would otherwise fail late, or read outside the data), is an image clair can
// decode, and is sharp enough to print (a warning below 200 ppi at the size it is printed).
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Rule } from './rule.js';
import { imageHeader } from '../../photos/header.js';
import { FRAME_RATIO, MIN_PPI, PRINT_WIDTH_PT } from '../../photos/index.js';

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
        let bytes: Uint8Array;
        try {
          bytes = world.readBytes(path);
        } catch {
          continue; // An unreadable file is reported by the build with its reason.
        }
        const header = imageHeader(bytes);
        if (!header || header.format === 'heic') {
          report({
            file: dataFile, at: [...at, 'file'], code: 'photo-not-image',
            message: header
              ? { en: `the photo ${file} is HEIC, which clair cannot decode; save it as JPEG`, ja: `写真 ${file} は HEIC 形式で読み込めません。JPEG で保存し直してください` }
              : { en: `the photo ${file} is not an image clair can read; save it as JPEG`, ja: `写真 ${file} は読み込める画像ではありません。JPEG で保存し直してください` },
            found: header ? 'HEIC' : Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' '),
            expected: { en: 'a JPEG, PNG, WebP, TIFF or AVIF image', ja: 'JPEG・PNG・WebP・TIFF・AVIF の画像' },
          });
          continue;
        }
        if (header.width && header.height) {
          // The frame is cut at 4:3 and printed at most PRINT_WIDTH_PT wide; EXIF may turn the photo, so the
          // smaller of the two readings is taken.
          const cropWidth = Math.min(Math.min(header.width, header.height * FRAME_RATIO), Math.min(header.height, header.width * FRAME_RATIO));
          const ppi = Math.round(cropWidth / (PRINT_WIDTH_PT / 72));
          if (ppi < MIN_PPI) {
            report({
              file: dataFile, at: [...at, 'file'], code: 'photo-low-resolution', severity: 'warning',
              message: {
                en: `the photo ${file} would print at ${ppi} ppi (${header.width}×${header.height} pixels); it looks soft below ${MIN_PPI} ppi`,
                ja: `写真 ${file} は印刷すると ${ppi} ppi（${header.width}×${header.height} ピクセル）で、${MIN_PPI} ppi 未満はぼやけて見えます`,
              },
              found: `${header.width}×${header.height}`,
              expected: { en: `at least ${Math.ceil((PRINT_WIDTH_PT / 72) * MIN_PPI)} pixels across the 4:3 frame`, ja: `4:3 の枠の幅で ${Math.ceil((PRINT_WIDTH_PT / 72) * MIN_PPI)} ピクセル以上` },
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
