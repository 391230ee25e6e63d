// The printed look of the brochure, derived from the one theme (templates/theme.yaml, src/render/theme.ts) that
// the HTML reads too: page geometry, the grid's columns, type sizes, leading and colours in pdfmake's terms.
import type { LanguageTag } from '../../schema/index.js';
import type { Theme } from '../theme.js';

/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 };

export interface PdfStyle {
  page: {
    size: 'A4';
    width: number;
    height: number;
    /** left, top, right, bottom in points. */
    margins: [number, number, number, number];
    /** The width of the text area. */
    textWidth: number;
    columns: number;
    columnGap: number;
    /** Width of one column of the grid. */
    columnWidth: number;
    measure: number;
  };
  colours: Theme['colours'] & { stripe: string; group: string };
  sizes: Theme['sizes'];
  spacing: Omit<Theme['spacing'], 'bilingual'>;
  fonts: Theme['fonts'];
}

const CJK = new Set(['ja', 'ko', 'zh-Hans', 'zh-Hant', 'zh']);

/** Leading for text of a language: 160–175 % for Japanese, Korean and Chinese (JLREQ), tighter for Latin. */
export function leadingOf(style: PdfStyle, lang: LanguageTag | string): number {
  return CJK.has(lang) ? style.sizes.leading.cjk : style.sizes.leading.latin;
}

/** Mixes a colour with white: tints for stripes and group rows, so they follow the brand colour. */
export function tint(hex: string, amount: number): string {
  const value = (i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  return `#${[0, 1, 2].map((i) => Math.round(value(i) + (255 - value(i)) * amount).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The PDF style of an edition. A bilingual edition keeps the theme's share (`spacing.bilingual`) of the vertical
 * spaces between paragraphs, blocks and sections: its second language already parts one block from the next.
 */
export function pdfStyle(theme: Theme, options: { bilingual?: boolean } = {}): PdfStyle {
  const margins = theme.page.margins;
  const textWidth = A4.width - margins[0] - margins[2];
  const columnGap = theme.spacing.columnGap;
  const columns = theme.page.columns;
  return {
    page: {
      size: 'A4', width: A4.width, height: A4.height, margins, textWidth, columns, columnGap,
      columnWidth: (textWidth - columnGap * (columns - 1)) / columns,
      measure: theme.page.measure,
    },
    colours: { ...theme.colours, stripe: tint(theme.colours.brandTint, 0.55), group: tint(theme.colours.brandTint, 0.3) },
    sizes: theme.sizes,
    spacing: spacingOf(theme.spacing, options.bilingual ? theme.spacing.bilingual : 1),
    fonts: theme.fonts,
  };
}

function spacingOf(spacing: Theme['spacing'], share: number): PdfStyle['spacing'] {
  return { paragraph: spacing.paragraph * share, block: spacing.block * share, section: spacing.section * share, columnGap: spacing.columnGap };
}
