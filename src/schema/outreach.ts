// outreach.yaml: how the office informs municipalities — its channels, newsletter and publications.
import { Type, type Static } from '@sinclair/typebox';
import { EmailSchema, PhotoSchema, SchemaKey, TextListSchema, TextSchema, UrlSchema, YearMonthSchema } from './common.js';

export const OutreachFileSchema = Type.Object(
  {
    ...SchemaKey,
    title: TextSchema,
    description: TextListSchema,
    websitesTitle: Type.Optional(TextSchema),
    searchHint: Type.Optional(TextSchema),
    callToAction: Type.Optional(TextSchema),
    newsletter: Type.Optional(
      Type.Object(
        {
          name: TextSchema,
          description: TextSchema,
          subscribeEmail: EmailSchema,
          subscribeInstructions: TextSchema,
        },
        { additionalProperties: false },
      ),
    ),
    publications: Type.Array(
      Type.Object(
        {
          title: TextSchema,
          url: Type.Optional(UrlSchema),
          revised: Type.Optional(YearMonthSchema),
          description: Type.Optional(TextSchema),
          topicsTitle: Type.Optional(TextSchema),
          topics: Type.Optional(TextListSchema),
        },
        { additionalProperties: false },
      ),
    ),
    photos: Type.Optional(Type.Array(PhotoSchema)),
  },
  { additionalProperties: false, $id: 'outreach' },
);
export type OutreachFile = Static<typeof OutreachFileSchema>;
