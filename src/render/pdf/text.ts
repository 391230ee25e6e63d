// Turns the view model's runs into pdfmake inlines: each run is handed to the typesetter, which splits it into
// pieces set in a face that has their glyphs and that break only where the language allows (kinsoku, Korean at
// spaces). Readings are printed small after the name, since PDF has no ruby.
import type { Rich, Run, Txt } from '../../document/blocks.js';
import type { LanguageTag } from '../../schema/index.js';
import { leadingOf, type PdfStyle } from './style.js';

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
  /** Leading as a multiple of the size, instead of the language's (table cells). */
  lineHeight?: number;
  /** Properties carried on every inline to the drawn lines, for steps after layout (row-span-labels.ts). */
  mark?: Record<string, unknown>;
}

export class PdfText {
  constructor(readonly typesetter: PdfTypesetter, readonly style: PdfStyle) {}

  private spans(run: Run, base: TextOptions): PdfSpan[] {
    const fontSize = (base.fontSize ?? this.style.sizes.body) * (run.small ? 0.86 : 1);
    const colour = run.small ? this.style.colours.muted : base.color;
    const style: Record<string, unknown> = {
      ...base.mark,
      fontSize,
      ...(base.bold || run.strong ? { bold: true } : {}),
      ...(colour ? { color: colour } : {}),
      ...(run.href ? { link: run.href, decoration: 'underline' } : {}),
    };
    const spans: PdfSpan[] = [{ text: run.text, lang: run.lang, style }];
    // PDF has no ruby: the reading follows the name, smaller and grey.
    if (run.reading) spans.push({ text: `（${run.reading}）`, lang: run.lang, style: { ...base.mark, fontSize: fontSize * 0.8, color: this.style.colours.muted } });
    return spans;
  }

  /** Inlines of a whole paragraph, so line breaking sees the text across style changes. */
  rich(rich: Rich, base: TextOptions = {}, options: { heading?: boolean } = {}): PdfInline[] {
    const spans = rich.flatMap((run) => this.spans(run, base)).filter((s) => s.text.length > 0);
    if (spans.length === 0) return [{ text: '' }];
    return this.typesetter.inlines(spans, options);
  }

  /** The size of the second language for a primary size: a little smaller, never below the theme's minimum. */
  secondarySize(primarySize: number): number {
    return Math.max(primarySize * 0.9, Math.min(primarySize, this.style.sizes.secondary));
  }

  /** Leading of a text: its language's (JLREQ 160–175 % for CJK body text), or the heading leading. */
  leading(rich: Rich, base: TextOptions & { heading?: boolean }): number {
    if (base.heading) return this.style.sizes.leading.heading;
    if (base.lineHeight) return base.lineHeight;
    return leadingOf(this.style, rich[0]?.lang ?? 'ja');
  }

  /**
   * A paragraph node; in bilingual editions the second language follows in a coloured line at a readable size.
   * The pair is one unbreakable stack: a page never separates a text from its translation.
   */
  paragraph(txt: Txt, base: TextOptions & { heading?: boolean } = {}): Record<string, unknown> {
    const primary = {
      text: this.rich(txt.primary, base, { heading: base.heading }),
      ...(base.alignment ? { alignment: base.alignment } : {}),
      lineHeight: this.leading(txt.primary, base),
    };
    if (!txt.secondary) return base.margin ? { ...primary, margin: base.margin } : primary;
    const secondary = {
      text: this.rich(txt.secondary, {
        ...base,
        fontSize: this.secondarySize(base.fontSize ?? this.style.sizes.body),
        color: base.secondaryColor ?? this.style.colours.second,
      }, { heading: base.heading }),
      ...(base.alignment ? { alignment: base.alignment } : {}),
      lineHeight: this.leading(txt.secondary, base),
    };
    return { stack: [primary, secondary], unbreakable: true, ...(base.margin ? { margin: base.margin } : {}) };
  }
}
