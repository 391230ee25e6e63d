// Widths of view-model texts in ems, before any font is loaded: the renderers choose a block's arrangement from
// them (a list of short items in two columns, a pair side by side), so the PDF and the HTML choose alike.
import type { ListBlock, Rich, Txt } from './blocks.js';

export const plainOf = (rich: Rich | undefined): string => (rich ?? []).map((r) => r.text).join('');

/** Display width of a text in ems: full-width characters count 1, others about a half. */
export function ems(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uff60]/u.test(ch) ? 1 : 0.55;
  return n;
}

/** The wider language of a text, in ems. */
export const txtEms = (txt: Txt | undefined): number => (txt ? Math.max(ems(plainOf(txt.primary)), ems(plainOf(txt.secondary))) : 0);

/** The http(s) links of a text, for QR codes beside it. */
export const webLinks = (txt: Txt): string[] =>
  [...new Set([...txt.primary, ...(txt.secondary ?? [])].map((r) => r.href).filter((h): h is string => !!h && /^https?:\/\//.test(h)))];

/**
 * Four or more short items read better, and take half the height, in two columns: each item at most 1.6 lines of
 * a column `columnEms` wide, none with a web address (those get a QR code beside them).
 */
export function shortItemsList(block: ListBlock, columnEms: number): boolean {
  return block.items.length >= 4 && block.items.every((i) => txtEms(i) <= columnEms * 1.6 && webLinks(i).length === 0);
}
