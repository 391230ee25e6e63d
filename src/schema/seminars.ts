// seminars.yaml: the joint seminar held every year with a local partner — themes by year and the latest
// seminar's full programme.
import { Type, type Static } from '@sinclair/typebox';
import {
  CompleteFiscalYearsSchema, DateSchema, FiscalYearSchema, FormatSchema, ParticipantsSchema, PersonSchema, PlaceFields, PhotoSchema,
  SchemaKey, TextListSchema, TextSchema, TimeSlotSchema, UrlSchema,
} from './common.js';

export const ProgrammeItemSchema = Type.Object(
  {
    role: TextSchema,
    title: Type.Optional(TextSchema),
    speakers: Type.Array(PersonSchema),
  },
  { additionalProperties: false, description: 'One contribution: 開会の辞, 基調講演1, 発表1 … with its speakers.' },
);
export type ProgrammeItem = Static<typeof ProgrammeItemSchema>;

export const ProgrammeSegmentSchema = Type.Object(
  {
    time: TimeSlotSchema,
    title: TextSchema,
    chair: Type.Optional(PersonSchema),
    items: Type.Optional(Type.Array(ProgrammeItemSchema)),
    sessions: Type.Optional(
      Type.Array(Type.Object({ title: TextSchema, items: Type.Array(ProgrammeItemSchema, { minItems: 1 }) }, { additionalProperties: false })),
    ),
    discussants: Type.Optional(Type.Array(PersonSchema)),
    discussantOrder: Type.Optional(TextSchema),
  },
  { additionalProperties: false },
);
export type ProgrammeSegment = Static<typeof ProgrammeSegmentSchema>;

export const SeminarsFileSchema = Type.Object(
  {
    ...SchemaKey,
    title: TextSchema,
    name: TextSchema,
    partner: Type.Optional(Type.Object({ name: TextSchema, abbreviation: Type.Optional(Type.String()) }, { additionalProperties: false })),
    description: TextListSchema,
    // One entry per seminar held: its theme and, where known, when, where, how and how many took part.
    themes: Type.Array(Type.Object(
      {
        fiscalYear: FiscalYearSchema,
        theme: TextSchema,
        date: Type.Optional(DateSchema),
        venue: Type.Optional(TextSchema),
        ...PlaceFields,
        format: Type.Optional(FormatSchema),
        participants: Type.Optional(ParticipantsSchema),
      },
      { additionalProperties: false },
    )),
    completeFiscalYears: Type.Optional(CompleteFiscalYearsSchema),
    latest: Type.Optional(
      Type.Object(
        {
          fiscalYear: FiscalYearSchema,
          date: DateSchema,
          venue: TextSchema,
          ...PlaceFields,
          format: Type.Optional(FormatSchema),
          participants: Type.Optional(ParticipantsSchema),
          interpretation: Type.Optional(TextSchema),
          programme: Type.Array(ProgrammeSegmentSchema, { minItems: 1 }),
        },
        { additionalProperties: false },
      ),
    ),
    // A pointer ("詳細はこちら") is printed only together with what it points at: its address, and a QR code when marked.
    moreInformation: Type.Optional(Type.Object(
      {
        text: TextSchema,
        url: UrlSchema,
        qr: Type.Optional(Type.Boolean({ description: 'Print a QR code of the address next to the text.' })),
      },
      { additionalProperties: false, description: 'Where to read more: the text, its address, and whether a QR code is printed.' },
    )),
    photos: Type.Optional(Type.Array(PhotoSchema)),
  },
  { additionalProperties: false, $id: 'seminars' },
);
export type SeminarsFile = Static<typeof SeminarsFileSchema>;
