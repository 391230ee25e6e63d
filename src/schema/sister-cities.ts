// sister-cities.yaml: sister (friendship) city partnerships with the host country, the exchanges they run,
// and notable cases.
import { Type, type Static } from '@sinclair/typebox';
import {
  BodySchema, CountSchema, CountryCodeSchema, DateSchema, FiscalYearSchema, PhotoSchema, SchemaKey, TextListSchema, TextSchema,
} from './common.js';

export const SisterCitiesFileSchema = Type.Object(
  {
    ...SchemaKey,
    title: TextSchema,
    partnerships: Type.Object(
      {
        total: CountSchema,
        asOf: DateSchema,
        // The total per country, where the source gives it; they add up to the total.
        byCountry: Type.Optional(Type.Array(
          Type.Object({ country: CountryCodeSchema, total: CountSchema }, { additionalProperties: false }),
          { minItems: 1 },
        )),
        list: Type.Optional(
          Type.Array(
            Type.Object(
              {
                japan: BodySchema,
                partner: TextSchema,
                country: Type.Optional(CountryCodeSchema),
                prefectureLevel: Type.Optional(Type.Boolean({ description: 'Partnership signed by a prefecture (※).' })),
                since: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200 })),
              },
              { additionalProperties: false },
            ),
          ),
        ),
      },
      { additionalProperties: false },
    ),
    prefectureMarkNote: Type.Optional(TextSchema),
    definition: Type.Optional(Type.Object({ source: TextSchema, criteria: TextListSchema }, { additionalProperties: false })),
    exchangeProgrammes: Type.Optional(Type.Array(
      Type.Object({ fiscalYear: FiscalYearSchema, count: CountSchema }, { additionalProperties: false }),
    )),
    cases: Type.Optional(Type.Array(
      Type.Object(
        { fiscalYear: FiscalYearSchema, japan: BodySchema, partner: TextSchema, country: Type.Optional(CountryCodeSchema), description: TextSchema },
        { additionalProperties: false },
      ),
    )),
    photos: Type.Optional(Type.Array(PhotoSchema)),
  },
  { additionalProperties: false, $id: 'sister-cities' },
);
export type SisterCitiesFile = Static<typeof SisterCitiesFileSchema>;
