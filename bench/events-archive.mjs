// The shipped data with an events archive of a given number of rows, for the benchmarks that measure how a build
// grows with the data (pdf: a long archive as staff would keep it; robustness: rows compact enough for 10,000 to
// stay under the 1 MB data-file limit).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

/** Copies `root`/data into `work`/data-<rows> and replaces Seoul's events with `rows` generated rows. */
export function dataWithEvents(root, work, rows, { compact = false } = {}) {
  const dataRoot = join(work, `data-${rows}`);
  cpSync(join(root, 'data'), dataRoot, { recursive: true });
  const file = join(dataRoot, 'seoul', 'events.yaml');
  const source = readFileSync(file, 'utf8');
  // One flow mapping per row, as a long archive would be kept.
  const rowsText = Array.from({ length: rows }, (_, i) => {
    const fiscalYear = 2000 + (i % 26);
    const month = String(4 + (i % 9)).padStart(2, '0');
    const day = String(1 + (i % 27)).padStart(2, '0');
    const dates = `dates: {start: ${fiscalYear}-${month}-${day}}`;
    return compact
      ? `- {fiscalYear: ${fiscalYear}, name: {ja: 展${i + 1}, ko: 전${i + 1}}, ${dates}, venue: V}`
      : `  - {fiscalYear: ${fiscalYear}, name: {ja: 観光展 第${i + 1}回, ko: 관광전 제${i + 1}회}, ${dates}, venue: COEX, location: {ja: ソウル特別市, ko: 서울특별시}}`;
  });
  const document = parseDocument(source);
  document.delete('events');
  writeFileSync(file, `${source.split('\n')[0]}\n${document.toString()}events:\n${rowsText.join('\n')}\n`);
  return dataRoot;
}
