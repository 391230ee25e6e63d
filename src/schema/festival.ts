// festival.yaml: the yearly Japan–host-country grassroots festival (日韓交流おまつり in Seoul), where each edition was
// held, and its booths.
import { Type, type Static } from '@sinclair/typebox';
import {
  BodySchema, CountSchema, DateSchema, FiscalYearSchema, ParticipantsSchema, PhotoSchema, PlaceFields, SchemaKey, TextListSchema, TextSchema,
} from './common.js';

export const FestivalEditionSchema = Type.Object(
  {
    fiscalYear: FiscalYearSchema,
    date: Type.Optional(DateSchema),
    venue: Type.Optional(TextSchema),
    // Where the edition was held, as on every other record: a country the office covers and its city.
    ...PlaceFields,
    organiser: Type.Optional(TextSchema),
    visitors: Type.Optional(ParticipantsSchema),
    sponsors: Type.Optional(
      Type.Object(
        {
          japan: Type.Array(TextSchema, { description: 'Sponsors on the Japanese side (日本側).' }),
          host: Type.Array(TextSchema, { description: "Sponsors on the host country's side (韓国側)." }),
        },
        { additionalProperties: false },
      ),
    ),
    booths: Type.Object(
      {
        count: CountSchema,
        exhibitors: Type.Array(BodySchema, { description: 'Municipal booths, in the order printed.' }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type FestivalEdition = Static<typeof FestivalEditionSchema>;

export const FestivalFileSchema = Type.Object(
  {
    ...SchemaKey,
    title: TextSchema,
    name: TextSchema,
    since: Type.Integer({ minimum: 1950, maximum: 2200, description: 'The year the festival began.' }),
    description: TextListSchema,
    editions: Type.Array(FestivalEditionSchema, { minItems: 1 }),
    notes: Type.Optional(TextListSchema),
    photos: Type.Optional(Type.Array(PhotoSchema)),
  },
  { additionalProperties: false, $id: 'festival' },
);
export type FestivalFile = Static<typeof FestivalFileSchema>;
