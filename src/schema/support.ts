// support.yaml: what the office does for Japanese municipalities — support cases, research requests and surveys.
import { Type, type Static } from '@sinclair/typebox';
import {
  CompleteFiscalYearsSchema, CountSchema, DateSchema, FiscalYearSchema, PhotoSchema, PlaceFields, SchemaKey,
  TextListSchema, TextSchema, YearMonthSchema,
} from './common.js';

export const SupportFileSchema = Type.Object(
  {
    ...SchemaKey,
    // Each part is optional: an office shows the parts it has.
    cases: Type.Optional(Type.Object(
      {
        title: TextSchema,
        description: TextListSchema,
        examples: Type.Optional(TextSchema),
        yearly: Type.Array(
          Type.Object(
            {
              fiscalYear: FiscalYearSchema,
              count: CountSchema,
              asOf: Type.Optional(Type.Union([DateSchema, YearMonthSchema], { description: 'A date, or a month meaning its end (2026-01 = end of January 2026).' })),
            },
            { additionalProperties: false, description: 'Support cases in a fiscal year (延べ件数), as of a date while the year runs.' },
          ),
        ),
        photos: Type.Optional(Type.Array(PhotoSchema)),
      },
      { additionalProperties: false },
    )),
    researchRequests: Type.Optional(Type.Object(
      {
        title: TextSchema,
        description: TextListSchema,
        examples: Type.Optional(TextListSchema),
        // Requests with their year and the country they concern, where the office records them.
        requests: Type.Optional(Type.Array(
          Type.Object({ fiscalYear: Type.Optional(FiscalYearSchema), subject: TextSchema, ...PlaceFields }, { additionalProperties: false }),
          { minItems: 1 },
        )),
        completeFiscalYears: Type.Optional(CompleteFiscalYearsSchema),
        photos: Type.Optional(Type.Array(PhotoSchema)),
      },
      { additionalProperties: false },
    )),
    surveys: Type.Optional(Type.Object(
      {
        title: TextSchema,
        heading: Type.Optional(TextSchema),
        surveys: Type.Array(
          Type.Object(
            {
              subject: TextSchema,
              reason: TextSchema,
              fiscalYears: Type.Array(FiscalYearSchema, { minItems: 1, uniqueItems: true }),
              description: Type.Optional(TextSchema),
              ...PlaceFields,
            },
            { additionalProperties: false },
          ),
        ),
        completeFiscalYears: Type.Optional(CompleteFiscalYearsSchema),
        photos: Type.Optional(Type.Array(PhotoSchema)),
      },
      { additionalProperties: false },
    )),
  },
  { additionalProperties: false, $id: 'support' },
);
export type SupportFile = Static<typeof SupportFileSchema>;
