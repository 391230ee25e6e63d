// The fixed vocabularies of the data model, kept free of TypeBox so that commands can name them (in --help, in
// option checks) without loading the schema builder at start-up.
/** Languages an office can publish in, next to Japanese. BCP 47 tags. */
export const LANGUAGE_TAGS = ['ja', 'ko', 'zh-Hans', 'en', 'fr'] as const;
export type LanguageTag = (typeof LANGUAGE_TAGS)[number];

export const JET_POSITIONS = ['ALT', 'CIR', 'SEA'] as const;
export type JetPosition = (typeof JET_POSITIONS)[number];

export const PLACING_BODY_TYPES = ['prefecture', 'designatedCity', 'municipality'] as const;
export type PlacingBodyType = (typeof PLACING_BODY_TYPES)[number];
