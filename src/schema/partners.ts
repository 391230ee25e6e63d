// partners.yaml: organisations the office works with, grouped (Japanese bodies abroad, host-country bodies),
// and what was done together.
import { Type, type Static } from '@sinclair/typebox';
import { CountryCodeSchema, PhotoSchema, SchemaKey, TextListSchema, TextSchema } from './common.js';

export const PartnersFileSchema = Type.Object(
  {
    ...SchemaKey,
    title: TextSchema,
    description: TextListSchema,
    groups: Type.Array(
      Type.Object(
        {
          title: TextSchema,
          organisations: Type.Array(
            Type.Object(
              {
                name: TextSchema,
                abbreviation: Type.Optional(Type.String({ minLength: 1 })),
                country: Type.Optional(CountryCodeSchema),
                cooperation: Type.Array(
                  Type.Object({ activity: TextSchema, photo: Type.Optional(PhotoSchema) }, { additionalProperties: false }),
                ),
              },
              { additionalProperties: false },
            ),
            { minItems: 1 },
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
  },
  { additionalProperties: false, $id: 'partners' },
);
export type PartnersFile = Static<typeof PartnersFileSchema>;
