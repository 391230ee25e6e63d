// The font configuration file, fonts/fonts.yaml: faces (font files), the order in which families are tried per
// language (stacks), scripts that always take another language's stack, and per-office stacks. typeset/config.ts
// checks the rest (files exist, families are declared, every language has a stack).
import { Type, type Static } from '@sinclair/typebox';

const nonEmpty = (description: string) => Type.String({ minLength: 1, description });

export const FaceSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$', description: 'Stable id, e.g. noto-sans-cjk-jp-regular.' }),
    family: nonEmpty('Family name used in stacks, in pdfmake and as the CSS font-family of web fonts.'),
    file: nonEmpty('Font file, relative to the fonts folder: .ttf, .otf, or a collection .ttc/.otc.'),
    postscriptName: Type.Optional(nonEmpty('Which face of a collection (.ttc) to use, by PostScript name.')),
    weight: Type.Union([Type.Literal('normal'), Type.Literal('bold')], { description: 'normal or bold.' }),
  },
  { additionalProperties: false },
);
export type FaceConfig = Static<typeof FaceSchema>;

const StackSchema = Type.Array(nonEmpty('A family name declared in faces.'), { minItems: 1 });
const StacksSchema = Type.Record(Type.String(), StackSchema);

export const FontsFileSchema = Type.Object(
  {
    faces: Type.Array(FaceSchema, { minItems: 1 }),
    stacks: StacksSchema,
    scripts: Type.Optional(Type.Record(Type.String(), nonEmpty('A language tag that has a stack.'))),
    offices: Type.Optional(Type.Record(Type.String(), StacksSchema)),
  },
  { additionalProperties: false },
);
export type FontsFile = Static<typeof FontsFileSchema>;
