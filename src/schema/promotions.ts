// The office's promotion programmes, one data file each: influencer visits, cooking classes, the SNS channel
// and university lectures.
import { Type, type Static } from '@sinclair/typebox';
import {
  BodySchema, CompleteFiscalYearsSchema, CountSchema, DateRangeSchema, FiscalYearSchema, ParticipantsSchema, PhotoSchema,
  PlaceFields, SchemaKey, StepsSchema, TextListSchema, TextSchema,
} from './common.js';
import { SocialAccountSchema } from './office.js';

const Intro = {
  title: TextSchema,
  description: TextListSchema,
  merits: Type.Optional(TextListSchema),
  photos: Type.Optional(Type.Array(PhotoSchema)),
  flow: Type.Optional(StepsSchema),
};
/** For the files whose list is counted per fiscal year (visits, classes, lectures). */
const Complete = { completeFiscalYears: Type.Optional(CompleteFiscalYearsSchema) };

export const InfluencerVisitSchema = Type.Object(
  {
    fiscalYear: FiscalYearSchema,
    joint: Type.Optional(Type.Boolean({ description: 'A joint visit promoting several municipalities (連携型).' })),
    // The country (and city) the influencers and their audience are in: the market the visit promotes Japan to.
    ...PlaceFields,
    destinations: Type.Array(
      Type.Object(
        {
          host: BodySchema,
          spots: Type.Array(TextSchema, { minItems: 1 }),
          more: Type.Optional(Type.Boolean({ description: 'The list of spots is not complete (…など).' })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
  },
  { additionalProperties: false },
);
export type InfluencerVisit = Static<typeof InfluencerVisitSchema>;

export const InfluencerVisitsFileSchema = Type.Object(
  { ...SchemaKey, ...Intro, visits: Type.Array(InfluencerVisitSchema), ...Complete },
  { additionalProperties: false, $id: 'influencer-visits' },
);
export type InfluencerVisitsFile = Static<typeof InfluencerVisitsFileSchema>;

export const CookingClassSchema = Type.Object(
  {
    fiscalYear: FiscalYearSchema,
    // One municipality presents its food (Seoul's classes), or several supply the ingredients.
    host: Type.Optional(BodySchema),
    suppliers: Type.Optional(Type.Array(BodySchema, { minItems: 1 })),
    dishes: Type.Optional(Type.Array(TextSchema, { minItems: 1 })),
    ingredients: Type.Optional(Type.Array(TextSchema, { minItems: 1 })),
    partner: Type.Optional(TextSchema),
    ...PlaceFields,
    dates: Type.Optional(DateRangeSchema),
    participants: Type.Optional(ParticipantsSchema),
    media: Type.Optional(Type.Array(TextSchema, { minItems: 1 })),
  },
  { additionalProperties: false, description: 'A cooking class: who presented or supplied what, with whom, where and when.' },
);
export type CookingClass = Static<typeof CookingClassSchema>;

export const CookingClassesFileSchema = Type.Object(
  { ...SchemaKey, ...Intro, classes: Type.Array(CookingClassSchema), ...Complete },
  { additionalProperties: false, $id: 'cooking-classes' },
);
export type CookingClassesFile = Static<typeof CookingClassesFileSchema>;

export const SnsChannelFileSchema = Type.Object(
  {
    ...SchemaKey,
    ...Intro,
    channelName: TextSchema,
    channelReading: Type.Optional(TextSchema),
    channelMeaning: Type.Optional(TextSchema),
    accounts: Type.Array(SocialAccountSchema, { minItems: 1 }),
    target: Type.Optional(TextSchema),
    campaign: Type.Optional(TextSchema),
    featured: Type.Array(
      Type.Object(
        { fiscalYear: FiscalYearSchema, municipalities: CountSchema },
        { additionalProperties: false, description: 'How many municipalities the channel featured in a fiscal year.' },
      ),
    ),
  },
  { additionalProperties: false, $id: 'sns-channel' },
);
export type SnsChannelFile = Static<typeof SnsChannelFileSchema>;

export const LectureSchema = Type.Object(
  {
    fiscalYear: FiscalYearSchema,
    round: Type.Integer({ minimum: 1 }),
    university: TextSchema,
    ...PlaceFields,
    participants: Type.Optional(ParticipantsSchema),
    topics: Type.Array(TextSchema, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type Lecture = Static<typeof LectureSchema>;

export const LecturesFileSchema = Type.Object(
  { ...SchemaKey, ...Intro, lectures: Type.Array(LectureSchema), ...Complete },
  { additionalProperties: false, $id: 'lectures' },
);
export type LecturesFile = Static<typeof LecturesFileSchema>;
