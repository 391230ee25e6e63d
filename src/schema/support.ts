// support.yaml: what the office does for Japanese municipalities — support cases, research requests and surveys.
import { Type, type Static } from '@sinclair/typebox';
import { CompleteFiscalYearsSchema, CountSchema, DateSchema, FiscalYearSchema, PhotoSchema, SchemaKey, TextListSchema, TextSchema, YearMonthSchema } from './common.js';

export const SupportFileSchema = Type.Object(
  {
    ...SchemaKey,
    cases: Type.Object(
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
    ),
    researchRequests: Type.Object(
      {
        title: TextSchema,
        description: TextListSchema,
        examples: TextListSchema,
        photos: Type.Optional(Type.Array(PhotoSchema)),
      },
      { additionalProperties: false },
    ),
    surveys: Type.Object(
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
            },
            { additionalProperties: false },
          ),
        ),
        completeFiscalYears: Type.Optional(CompleteFiscalYearsSchema),
        photos: Type.Optional(Type.Array(PhotoSchema)),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false, $id: 'support' },
);
export type SupportFile = Static<typeof SupportFileSchema>;
