// events.yaml: tourism fairs and other events where the office ran or supported municipal booths.
import { Type, type Static } from '@sinclair/typebox';
import {
  BodySchema, CompleteFiscalYearsSchema, DateRangeSchema, FiscalYearSchema, ParticipantsSchema, PhotoSchema,
  PlaceFields, SchemaKey, TextListSchema, TextSchema,
} from './common.js';

export const EventSchema = Type.Object(
  {
    fiscalYear: FiscalYearSchema,
    name: TextSchema,
    dates: DateRangeSchema,
    venue: TextSchema,
    location: Type.Optional(TextSchema),
    ...PlaceFields,
    organiser: Type.Optional(TextSchema),
    partners: Type.Optional(Type.Array(TextSchema, { minItems: 1 })),
    participants: Type.Optional(ParticipantsSchema),
    municipalities: Type.Optional(Type.Array(BodySchema, { minItems: 1 })),
  },
  { additionalProperties: false },
);
export type BoothEvent = Static<typeof EventSchema>;

export const EventsFileSchema = Type.Object(
  {
    ...SchemaKey,
    title: TextSchema,
    description: TextListSchema,
    tableTitle: Type.Optional(TextSchema),
    events: Type.Array(EventSchema),
    completeFiscalYears: Type.Optional(CompleteFiscalYearsSchema),
    photos: Type.Optional(Type.Array(PhotoSchema)),
    callToAction: Type.Optional(TextListSchema),
  },
  { additionalProperties: false, $id: 'events' },
);
export type EventsFile = Static<typeof EventsFileSchema>;
