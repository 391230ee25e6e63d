// The fixed vocabularies of the data model, kept free of TypeBox so that commands can name them (in --help, in
// option checks) without loading the schema builder at start-up.
/**
 * The languages clair ships wording for (templates/labels, prefecture names, metric labels). An office may publish
 * in any other language too: a language is data (a labels file, a font stack, at most one profile in
 * templates/languages), so the data model takes any BCP 47 tag.
 */
export const LANGUAGE_TAGS = ['ja', 'ko', 'zh-Hans', 'en', 'fr'] as const;
export type ShippedLanguage = (typeof LANGUAGE_TAGS)[number];
/** A BCP 47 language tag: ja, ko, zh-Hans, en, fr, th, vi… */
export type LanguageTag = string;
/** What the data model accepts as a language tag: a language subtag, then script, region or variant subtags. */
export const LANGUAGE_TAG_PATTERN = '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$';

export const JET_POSITIONS = ['ALT', 'CIR', 'SEA'] as const;
export type JetPosition = (typeof JET_POSITIONS)[number];

export const PLACING_BODY_TYPES = ['prefecture', 'designatedCity', 'municipality'] as const;
export type PlacingBodyType = (typeof PLACING_BODY_TYPES)[number];
