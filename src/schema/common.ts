// Building blocks shared by every data file's schema: multilingual text, dates, people, places, photos.
// Each schema is declared once with TypeBox: it is the JSON Schema ajv checks and the TypeScript type the
// rest of clair reads, so the two cannot drift apart.
import { Type, type Static, type TSchema } from '@sinclair/typebox';

import { LANGUAGE_TAG_PATTERN } from './constants.js';

export { LANGUAGE_TAGS, LANGUAGE_TAG_PATTERN, type LanguageTag } from './constants.js';
export const LanguageTagSchema = Type.String({
  pattern: LANGUAGE_TAG_PATTERN,
  description: 'A BCP 47 language tag: ja, ko, zh-Hans, en, fr, th…',
});

const nonEmpty = (description: string) => Type.String({ minLength: 1, description });

/**
 * Text shown to readers: either one language-neutral string (a venue such as "COEX", a URL label) or one
 * string per language tag. Validation warns when a language the office declares is missing.
 */
export const TextSchema = Type.Union(
  [
    nonEmpty('Language-neutral text, shown as-is in every edition.'),
    Type.Record(Type.String({ pattern: LANGUAGE_TAG_PATTERN }), nonEmpty('The text in the language of its key.'), {
      additionalProperties: false, minProperties: 1, description: 'One string per language tag (ja, ko, zh-Hans, en, fr, th…).',
    }),
  ],
  { description: 'Text: a language-neutral string, or {ja: …, ko: …}.' },
);
export type Text = Static<typeof TextSchema>;

export const DateSchema = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  format: 'date',
  description: 'A calendar date, YYYY-MM-DD.',
});
export const YearMonthSchema = Type.String({
  pattern: '^\\d{4}-(0[1-9]|1[0-2])$',
  description: 'A month, YYYY-MM.',
});
export const TimeSchema = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'A time of day, HH:MM.' });

export const DateRangeSchema = Type.Object(
  { start: DateSchema, end: Type.Optional(DateSchema) },
  { additionalProperties: false, description: 'A date or a range of dates; end is inclusive.' },
);
export type DateRange = Static<typeof DateRangeSchema>;

export const TimeSlotSchema = Type.Object(
  { start: TimeSchema, end: Type.Optional(TimeSchema) },
  { additionalProperties: false, description: 'A slot in a day programme.' },
);
export type TimeSlot = Static<typeof TimeSlotSchema>;

/** Fiscal year (年度) by its starting calendar year: 2025 runs from 2025-04-01 to 2026-03-31. */
export const FiscalYearSchema = Type.Integer({ minimum: 1950, maximum: 2200, description: 'Fiscal year (年度), April–March, named by the year it starts.' });

/**
 * The fiscal years for which a list names every item, not a selection (最近の主な…, 実績 examples). Only those
 * years' counts of listed items are metrics: charted, compared and given a 前年度比.
 */
export const CompleteFiscalYearsSchema = Type.Array(FiscalYearSchema, {
  uniqueItems: true,
  description: 'Fiscal years whose list is complete (every item, not a selection); only their counts are charted and compared.',
});

export const CountSchema = Type.Integer({ minimum: 0, description: 'A whole number, 0 or more.' });

/** A figure that the source states as a lower bound (80,000名以上) or as of a date. */
export const FigureSchema = Type.Object(
  {
    value: CountSchema,
    atLeast: Type.Optional(Type.Boolean({ description: 'The source says "or more" (以上).' })),
  },
  { additionalProperties: false },
);
export type Figure = Static<typeof FigureSchema>;

/** A country by its ISO 3166 code; its name in each language comes from office.yaml `countries`. */
export const CountryCodeSchema = Type.String({ pattern: '^[A-Z]{2}$', description: 'An ISO 3166 country code, e.g. SG, TH, IN.' });

/** Where something took place: a country the office covers and, optionally, the city (language-neutral or per language). */
export const PlaceFields = {
  country: Type.Optional(CountryCodeSchema),
  city: Type.Optional(TextSchema),
};

/** How many took part: a number, or {value: 80, atLeast: true} when the source says "or more". */
export const ParticipantsSchema = Type.Union([CountSchema, FigureSchema], {
  description: 'How many took part: a whole number, or {value: …, atLeast: true} for "or more".',
});
export type Participants = Static<typeof ParticipantsSchema>;

export const FORMATS = ['in-person', 'online', 'hybrid'] as const;
export const FormatSchema = Type.Union(FORMATS.map((f) => Type.Literal(f)), {
  description: 'How it was held: in-person, online or hybrid.',
});
export type HeldFormat = (typeof FORMATS)[number];

export const UrlSchema = Type.String({ pattern: '^https?://[^\\s]+$', description: 'An http(s) address.' });
export const EmailSchema = Type.String({ pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', description: 'An e-mail address.' });

/** A Japanese prefecture by its Japanese name (e.g. 宮城県); other languages come from clair's own table. */
export const PrefectureSchema = Type.String({
  pattern: '^.+(都|道|府|県)$',
  description: 'A Japanese prefecture by its Japanese name, e.g. 宮城県, 北海道, 東京都.',
});

/**
 * A Japanese body that takes part in something: a prefecture, a municipality in a prefecture, or any other
 * organisation by name (a ministry, an association). `name` overrides how it is shown.
 */
export const BodySchema = Type.Object(
  {
    prefecture: Type.Optional(PrefectureSchema),
    city: Type.Optional(TextSchema),
    name: Type.Optional(TextSchema),
    showPrefecture: Type.Optional(
      Type.Boolean({ description: 'Show the prefecture before the city (default true), e.g. 青森県青森市 vs 新潟市.' }),
    ),
  },
  { additionalProperties: false, minProperties: 1, description: 'A prefecture, a city in a prefecture, or a named organisation.' },
);
export type Body = Static<typeof BodySchema>;

export const PersonSchema = Type.Object(
  {
    name: TextSchema,
    reading: Type.Optional(TextSchema),
    affiliation: Type.Optional(TextSchema),
    title: Type.Optional(TextSchema),
  },
  { additionalProperties: false, description: 'A person: name with its reading, affiliation and title.' },
);
export type Person = Static<typeof PersonSchema>;

/** An image file inside the office folder: JPEG, PNG, WebP, TIFF, HEIC/HEIF or AVIF, any case of extension. */
export const ImageFileSchema = Type.String({
  pattern: '\\.(?:[jJ][pP][eE]?[gG]|[pP][nN][gG]|[wW][eE][bB][pP]|[tT][iI][fF][fF]?|[hH][eE][iI][cCfF]|[aA][vV][iI][fF])$',
  description: 'An image file (JPEG, PNG, WebP, TIFF, HEIC), relative to the office folder.',
});

/** Where the subject of a photo is: kept in the frame when the photo is cropped to the brochure's 4:3 frames. */
export const FocusSchema = Type.Object(
  {
    x: Type.Number({ minimum: 0, maximum: 1, description: 'From the left edge (0) to the right edge (1).' }),
    y: Type.Number({ minimum: 0, maximum: 1, description: 'From the top edge (0) to the bottom edge (1).' }),
  },
  { additionalProperties: false, description: 'The point kept in the frame when the photo is cropped (default: the centre).' },
);

export const PhotoSchema = Type.Object(
  {
    file: Type.Optional(ImageFileSchema),
    caption: TextSchema,
    focus: Type.Optional(FocusSchema),
  },
  { additionalProperties: false, description: 'A photo with its caption. Without a file nothing is printed (validate lists it as a note).' },
);

/** A numbered step of a flow figure (実施までの主な流れ). */
export const StepsSchema = Type.Object(
  {
    caption: Type.Optional(TextSchema),
    steps: Type.Array(
      Type.Object({ title: TextSchema, text: Type.Optional(TextSchema) }, { additionalProperties: false }),
      { minItems: 2, maxItems: 12 },
    ),
  },
  { additionalProperties: false, description: 'How it is done, step by step: drawn as a numbered step figure.' },
);
export type Photo = Static<typeof PhotoSchema>;
export type Steps = Static<typeof StepsSchema>;

export const TextListSchema = Type.Array(TextSchema);

export const Optional = <T extends TSchema>(schema: T) => Type.Optional(schema);

/** Every data file may carry a `$schema` key for editors that do not read the modeline comment. */
export const SchemaKey = { $schema: Type.Optional(Type.String()) };
