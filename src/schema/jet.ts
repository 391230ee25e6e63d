// jet.yaml: the JET Programme as seen from the office's country — yearly figures, positions, placements,
// duties and the alumni association.
import { Type, type Static } from '@sinclair/typebox';
import {
  CountSchema, CountryCodeSchema, DateSchema, FigureSchema, FiscalYearSchema, PhotoSchema, PrefectureSchema, SchemaKey, TextListSchema,
  TextSchema,
} from './common.js';

import { JET_POSITIONS, PLACING_BODY_TYPES } from './constants.js';

export { JET_POSITIONS, PLACING_BODY_TYPES, type JetPosition, type PlacingBodyType } from './constants.js';
const PositionSchema = Type.Union(JET_POSITIONS.map((p) => Type.Literal(p)));



export const PlacementsSchema = Type.Object(
  {
    fiscalYear: FiscalYearSchema,
    asOf: DateSchema,
    total: CountSchema,
    byPosition: Type.Object({ ALT: CountSchema, CIR: CountSchema, SEA: CountSchema }, { additionalProperties: false }),
    byPlacingBody: Type.Optional(
      Type.Array(
        Type.Object(
          {
            position: PositionSchema,
            bodyType: Type.Union(PLACING_BODY_TYPES.map((t) => Type.Literal(t)), {
              description: 'prefecture (道府県), designatedCity (政令指定都市) or municipality (市町村).',
            }),
            count: CountSchema,
            label: Type.Optional(TextSchema),
          },
          { additionalProperties: false, description: 'label overrides how the body type is printed, e.g. 道県.' },
        ),
      ),
    ),
    byPrefecture: Type.Optional(
      Type.Array(
        Type.Object({ position: PositionSchema, prefecture: PrefectureSchema, count: CountSchema }, { additionalProperties: false }),
      ),
    ),
  },
  { additionalProperties: false, description: "Participants from the office's country by position and placing body." },
);
export type Placements = Static<typeof PlacementsSchema>;

export const JetFileSchema = Type.Object(
  {
    ...SchemaKey,
    title: TextSchema,
    name: TextSchema,
    englishName: Type.String({ minLength: 1 }),
    since: Type.Integer({ minimum: 1950, maximum: 2200 }),
    description: TextListSchema,
    years: Type.Array(
      Type.Object(
        {
          fiscalYear: FiscalYearSchema,
          countries: CountSchema,
          participants: CountSchema,
          fromOfficeCountry: CountSchema,
          // Participants from each country the office covers, where the source gives them.
          byCountry: Type.Optional(Type.Array(
            Type.Object({ country: CountryCodeSchema, participants: CountSchema }, { additionalProperties: false }),
            { minItems: 1 },
          )),
        },
        { additionalProperties: false },
      ),
    ),
    cumulative: Type.Optional(
      Type.Object(
        { countries: FigureSchema, participants: FigureSchema, fromOfficeCountry: FigureSchema, asOf: DateSchema },
        { additionalProperties: false },
      ),
    ),
    positions: Type.Array(
      Type.Object({ code: PositionSchema, name: TextSchema, duties: TextSchema }, { additionalProperties: false }),
    ),
    placements: Type.Array(PlacementsSchema),
    duties: Type.Object({ title: TextSchema, items: TextListSchema }, { additionalProperties: false }),
    alumni: Type.Optional(
      Type.Object(
        {
          name: Type.String({ minLength: 1 }),
          englishName: Type.String({ minLength: 1 }),
          description: TextListSchema,
          activities: TextListSchema,
          photos: Type.Optional(Type.Array(PhotoSchema)),
        },
        { additionalProperties: false },
      ),
    ),
    photos: Type.Optional(Type.Array(PhotoSchema)),
  },
  { additionalProperties: false, $id: 'jet' },
);
export type JetFile = Static<typeof JetFileSchema>;
