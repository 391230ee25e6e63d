// office.yaml: who the office is — the organisation, the office itself, its staff, contact and access.
import { Type, type Static } from '@sinclair/typebox';
import {
  BodySchema, CountryCodeSchema, CountSchema, DateSchema, EmailSchema, LanguageTagSchema, PhotoSchema, SchemaKey,
  TextListSchema, TextSchema, UrlSchema, YearMonthSchema,
} from './common.js';

export const SocialAccountSchema = Type.Object(
  {
    platform: Type.Union(['facebook', 'instagram', 'x', 'youtube', 'blog', 'line', 'weibo', 'wechat', 'other'].map((p) => Type.Literal(p))),
    handle: Type.Optional(Type.String({ minLength: 1 })),
    url: Type.Optional(UrlSchema),
  },
  { additionalProperties: false },
);

export const OfficeSchema = Type.Object(
  {
    ...SchemaKey,
    id: Type.String({ pattern: '^[a-z][a-z0-9-]*$', description: 'Office id, the folder name: seoul, beijing, …' }),
    name: TextSchema,
    shortName: TextSchema,
    city: TextSchema,
    country: CountryCodeSchema,
    countryName: TextSchema,
    // The countries the office covers (Singapore: the ASEAN countries and India). Without it, only `country`.
    countries: Type.Optional(Type.Array(
      Type.Object(
        { code: CountryCodeSchema, name: TextSchema, nationality: Type.Optional(TextSchema) },
        { additionalProperties: false, description: 'A country the office covers: its code, its name, how its people are called.' },
      ),
      { minItems: 1 },
    )),
    // Words kept in their own script in every language (a proper name such as 한복 in an English text).
    scriptExceptions: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { uniqueItems: true })),
    // How people of the office's country are called (韓国人 / 한국인, 中国人, French…), for the JET figures.
    nationality: Type.Optional(TextSchema),
    languages: Type.Array(LanguageTagSchema, {
      minItems: 1, uniqueItems: true,
      description: 'Languages the office publishes in; every text should have each of them.',
    }),
    organisation: Type.Object(
      {
        name: TextSchema,
        englishName: Type.String({ minLength: 1 }),
        abbreviation: Type.String({ minLength: 1 }),
        foundedYear: Type.Integer({ minimum: 1900, maximum: 2200 }),
        showJapaneseEra: Type.Optional(Type.Boolean({ description: 'Print the Japanese era after the year: 1988（昭和63年）.' })),
        purpose: TextSchema,
        headquarters: TextSchema,
        overseasOffices: Type.Array(
          Type.Object({ id: Type.String({ pattern: '^[a-z][a-z0-9-]*$' }), name: TextSchema }, { additionalProperties: false }),
          { minItems: 1 },
        ),
      },
      { additionalProperties: false },
    ),
    established: Type.Optional(YearMonthSchema),
    description: TextListSchema,
    staff: Type.Optional(Type.Object(
      {
        total: CountSchema,
        roles: Type.Array(Type.Object({ title: TextSchema, count: CountSchema }, { additionalProperties: false }), { minItems: 1 }),
      },
      { additionalProperties: false },
    )),
    dispatchingBodies: Type.Optional(Type.Array(BodySchema)),
    residentRepresentatives: Type.Optional(Type.Array(BodySchema, { description: 'Representatives of municipalities stationed at the office.' })),
    message: Type.Optional(Type.Object(
      {
        title: Type.Optional(TextSchema),
        text: Type.Array(TextSchema, { minItems: 1, description: 'Paragraphs of the message.' }),
        signature: Type.Optional(TextSchema),
        photo: Type.Optional(PhotoSchema),
      },
      { additionalProperties: false, description: "The director's message: a short text with a photo (the brochure section 'message')." },
    )),
    contact: Type.Object(
      {
        postalCode: Type.Optional(Type.String({ minLength: 1 })),
        address: TextSchema,
        phone: Type.String({ pattern: '^\\+[0-9() -]+$', description: 'Phone number in international form, e.g. +82(0)-2-733-5681.' }),
        email: EmailSchema,
        websites: Type.Optional(Type.Array(Type.Object({ label: TextSchema, url: UrlSchema, language: Type.Optional(LanguageTagSchema) }, { additionalProperties: false }))),
        social: Type.Optional(Type.Array(SocialAccountSchema)),
      },
      { additionalProperties: false },
    ),
    access: Type.Optional(Type.Object(
      {
        routes: Type.Array(
          Type.Object({ from: TextSchema, minutes: CountSchema, approximate: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        ),
        note: Type.Optional(TextSchema),
      },
      { additionalProperties: false },
    )),
    asOf: Type.Optional(DateSchema),
  },
  { additionalProperties: false, $id: 'office' },
);
export type Office = Static<typeof OfficeSchema>;
