// Turns the view model's runs into pdfmake inlines: each run is handed to the typesetter, which splits it into
// pieces set in a face that has their glyphs and that break only where the language allows (kinsoku, Korean at
// spaces). Readings are printed small after the name, since PDF has no ruby.
import type { Rich, Run, Txt } from '../../document/blocks.js';
import type { LanguageTag } from '../../schema/index.js';
import { COLOURS, SIZES } from './style.js';

/** What clair needs from the typesetting layer to set text in pdfmake. */
export interface PdfTypesetter {
  /** pdfmake inlines for one run of text in one language (fonts chosen, breaks controlled). */
  inlines(text: string, lang: LanguageTag, style: InlineStyle): PdfInline[];
  /** The pdfmake font dictionary (family → normal/bold/… file or [file, face]). */
  fontDictionary(): Record<string, Record<string, unknown>>;
  /** The family used when no run says otherwise. */
  defaultFamily(lang: LanguageTag): string;
}

export interface InlineStyle {
  bold?: boolean;
  fontSize?: number;
  color?: string;
  link?: string;
}

export type PdfInline = Record<string, unknown> & { text: string };

export interface TextOptions {
  fontSize?: number;
  bold?: boolean;
  color?: string;
  alignment?: 'left' | 'center' | 'right' | 'justify';
  margin?: number[];
}

export class PdfText {
  constructor(readonly typesetter: PdfTypesetter) {}

  run(run: Run, base: TextOptions): PdfInline[] {
    const fontSize = (base.fontSize ?? SIZES.body) * (run.small ? 0.86 : 1);
    const style: InlineStyle = {
      bold: Boolean(base.bold || run.strong),
      fontSize,
      color: run.small ? COLOURS.muted : base.color,
      ...(run.href ? { link: run.href } : {}),
    };
    const out = this.typesetter.inlines(run.text, run.lang, style);
    if (run.href) for (const inline of out) inline.decoration = 'underline';
    if (run.reading) {
      out.push(...this.typesetter.inlines(`（${run.reading}）`, run.lang, { fontSize: fontSize * 0.8, color: COLOURS.muted }));
    }
    return out;
  }

  rich(rich: Rich, base: TextOptions = {}): PdfInline[] {
    return rich.flatMap((run) => this.run(run, base));
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
        color: COLOURS.secondaryText,
      }),
      ...(base.alignment ? { alignment: base.alignment } : {}),
      lineHeight: SIZES.lineHeight,
      margin: [0, 1, 0, 0],
    };
    return { stack: [primary, secondary], ...(base.margin ? { margin: base.margin } : {}) };
  }

  /** Plain text of a Txt for places that take a string (outline entries, metadata). */
  static plain(txt: Txt): string {
    return txt.primary.map((r) => r.text).join('');
  }
}
