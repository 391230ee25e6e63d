// brochure.yaml: how this year's brochure is put together — title, editions, parts and section order.
import { Type, type Static } from '@sinclair/typebox';
import { DateSchema, FiscalYearSchema, FocusSchema, ImageFileSchema, LanguageTagSchema, SchemaKey, TextSchema } from './common.js';

export const SECTION_IDS = [
  'profile', 'events', 'festival', 'influencer-visits', 'cooking-classes', 'sns-channel', 'lectures', 'jet',
  'seminars', 'sister-cities', 'support-cases', 'research-requests', 'surveys', 'partners', 'outreach', 'at-a-glance',
  'contact', 'message',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const SectionRefSchema = Type.Object(
  {
    id: Type.Union(SECTION_IDS.map((id) => Type.Literal(id)), { description: 'A brochure section.' }),
    fiscalYears: Type.Optional(
      Type.Object({ from: Type.Optional(FiscalYearSchema), to: Type.Optional(FiscalYearSchema) }, { additionalProperties: false, description: 'Which fiscal years the section shows (default: all).' }),
    ),
  },
  { additionalProperties: false },
);
export type SectionRef = Static<typeof SectionRefSchema>;

export const BrochureSchema = Type.Object(
  {
    ...SchemaKey,
    title: TextSchema,
    edition: Type.Integer({ minimum: 1950, maximum: 2200, description: 'The year on the cover, e.g. 2026.' }),
    published: DateSchema,
    editions: Type.Array(Type.Array(LanguageTagSchema, { minItems: 1, maxItems: 2, uniqueItems: true }), {
      minItems: 1,
      description: 'Editions to build: [ja], [ko], or a bilingual [ja, ko] (its id is ja-ko).',
    }),
    booklet: Type.Optional(Type.Boolean({ description: 'Printed as a folded booklet: the page count is made a multiple of 4 (blank pages go before the back cover).' })),
    cover: Type.Optional(Type.Object(
      { photo: Type.Optional(Type.Object({ file: ImageFileSchema, focus: Type.Optional(FocusSchema) }, { additionalProperties: false })) },
      { additionalProperties: false, description: 'The front cover: a photo as its key visual (else a composition drawn from the theme).' },
    )),
    parts: Type.Array(
      Type.Object(
        {
          title: Type.Optional(TextSchema),
          newPage: Type.Optional(Type.Boolean({ description: 'The part starts a new page (sections otherwise flow one after another).' })),
          sections: Type.Array(SectionRefSchema, { minItems: 1 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
  },
  { additionalProperties: false, $id: 'brochure' },
);
export type Brochure = Static<typeof BrochureSchema>;
