// Turns the view model's runs into pdfmake inlines: each run is handed to the typesetter, which splits it into
// pieces set in a face that has their glyphs and that break only where the language allows (kinsoku, Korean at
// spaces). Readings are printed small after the name, since PDF has no ruby.
import type { Rich, Run, Txt } from '../../document/blocks.js';
import type { LanguageTag } from '../../schema/index.js';
import { COLOURS, SIZES } from './style.js';

/** A run of text with its pdfmake style, as handed to the typesetter. */
export interface PdfSpan {
  text: string;
  lang: LanguageTag;
  style: Record<string, unknown>;
}

/** What clair needs from the typesetting layer to set text in pdfmake. */
export interface PdfTypesetter {
  /** pdfmake inlines for a paragraph of styled spans: faces chosen per character, breaks controlled. */
  inlines(spans: PdfSpan[], options?: { heading?: boolean }): PdfInline[];
  /** The pdfmake font dictionary (family → normal/bold/… file or [file, face]). */
  fontDictionary(): Record<string, Record<string, unknown>>;
  /** The family used when no run says otherwise. */
  defaultFamily(lang: LanguageTag): string;
}

export type PdfInline = Record<string, unknown> & { text: string };

export interface TextOptions {
  fontSize?: number;
  bold?: boolean;
  color?: string;
  alignment?: 'left' | 'center' | 'right' | 'justify';
  margin?: number[];
  /** Colour of the second language in bilingual editions (default: the secondary text colour). */
  secondaryColor?: string;
  /** Properties carried on every inline to the drawn lines, for steps after layout (row-span-labels.ts). */
  mark?: Record<string, unknown>;
}

export class PdfText {
  constructor(readonly typesetter: PdfTypesetter) {}

  private spans(run: Run, base: TextOptions): PdfSpan[] {
    const fontSize = (base.fontSize ?? SIZES.body) * (run.small ? 0.86 : 1);
    const colour = run.small ? COLOURS.muted : base.color;
    const style: Record<string, unknown> = {
      ...base.mark,
      fontSize,
      ...(base.bold || run.strong ? { bold: true } : {}),
      ...(colour ? { color: colour } : {}),
      ...(run.href ? { link: run.href, decoration: 'underline' } : {}),
    };
    const spans: PdfSpan[] = [{ text: run.text, lang: run.lang, style }];
    // PDF has no ruby: the reading follows the name, smaller and grey.
    if (run.reading) spans.push({ text: `（${run.reading}）`, lang: run.lang, style: { ...base.mark, fontSize: fontSize * 0.8, color: COLOURS.muted } });
    return spans;
  }

  /** Inlines of a whole paragraph, so line breaking sees the text across style changes. */
  rich(rich: Rich, base: TextOptions = {}, options: { heading?: boolean } = {}): PdfInline[] {
    const spans = rich.flatMap((run) => this.spans(run, base)).filter((s) => s.text.length > 0);
    if (spans.length === 0) return [{ text: '' }];
    return this.typesetter.inlines(spans, options);
  }

  /** A paragraph node; in bilingual editions the second language follows in a smaller, coloured line. */
  paragraph(txt: Txt, base: TextOptions = {}): Record<string, unknown> {
    const primary = {
      text: this.rich(txt.primary, base),
      ...(base.alignment ? { alignment: base.alignment } : {}),
      lineHeight: SIZES.lineHeight,
    };
    if (!txt.secondary) return base.margin ? { ...primary, margin: base.margin } : primary;
    const secondary = {
      text: this.rich(txt.secondary, {
        ...base,
        fontSize: (base.fontSize ?? SIZES.body) * SIZES.secondaryRatio,
        color: base.secondaryColor ?? COLOURS.secondaryText,
      }),
      ...(base.alignment ? { alignment: base.alignment } : {}),
      lineHeight: SIZES.lineHeight,
      margin: [0, 1, 0, 0],
    };
    return { stack: [primary, secondary], ...(base.margin ? { margin: base.margin } : {}) };
  }
}
