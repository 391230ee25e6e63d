// The registry of an office's data files: file name → schema. Adding a subject means adding a schema module and
// one line here; the loader, validator, JSON Schema export and editor support all read this list.
import type { TSchema } from '@sinclair/typebox';
import { BrochureSchema, type Brochure } from './brochure.js';
import { EventsFileSchema, type EventsFile } from './events.js';
import { FestivalFileSchema, type FestivalFile } from './festival.js';
import { JetFileSchema, type JetFile } from './jet.js';
import { OfficeSchema, type Office } from './office.js';
import { OutreachFileSchema, type OutreachFile } from './outreach.js';
import { PartnersFileSchema, type PartnersFile } from './partners.js';
import {
  CookingClassesFileSchema, InfluencerVisitsFileSchema, LecturesFileSchema, SnsChannelFileSchema,
  type CookingClassesFile, type InfluencerVisitsFile, type LecturesFile, type SnsChannelFile,
} from './promotions.js';
import { SeminarsFileSchema, type SeminarsFile } from './seminars.js';
import { SisterCitiesFileSchema, type SisterCitiesFile } from './sister-cities.js';
import { SupportFileSchema, type SupportFile } from './support.js';

/** Everything known about one office, as loaded from its folder and checked against the schemas. */
export interface OfficeData {
  office: Office;
  brochure: Brochure;
  events?: EventsFile;
  festival?: FestivalFile;
  influencerVisits?: InfluencerVisitsFile;
  cookingClasses?: CookingClassesFile;
  snsChannel?: SnsChannelFile;
  lectures?: LecturesFile;
  jet?: JetFile;
  seminars?: SeminarsFile;
  sisterCities?: SisterCitiesFile;
  support?: SupportFile;
  partners?: PartnersFile;
  outreach?: OutreachFile;
}
export type DataKey = keyof OfficeData;

export interface DataFileKind {
  key: DataKey;
  /** File name inside the office folder; `.yml` is accepted too. */
  file: string;
  /** Schema id, also the JSON Schema file name: src/schema/json/<id>.schema.json */
  id: string;
  schema: TSchema;
  required: boolean;
}

export const DATA_FILES: readonly DataFileKind[] = [
  { key: 'office', file: 'office.yaml', id: 'office', schema: OfficeSchema, required: true },
  { key: 'brochure', file: 'brochure.yaml', id: 'brochure', schema: BrochureSchema, required: true },
  { key: 'events', file: 'events.yaml', id: 'events', schema: EventsFileSchema, required: false },
  { key: 'festival', file: 'festival.yaml', id: 'festival', schema: FestivalFileSchema, required: false },
  { key: 'influencerVisits', file: 'influencer-visits.yaml', id: 'influencer-visits', schema: InfluencerVisitsFileSchema, required: false },
  { key: 'cookingClasses', file: 'cooking-classes.yaml', id: 'cooking-classes', schema: CookingClassesFileSchema, required: false },
  { key: 'snsChannel', file: 'sns-channel.yaml', id: 'sns-channel', schema: SnsChannelFileSchema, required: false },
  { key: 'lectures', file: 'lectures.yaml', id: 'lectures', schema: LecturesFileSchema, required: false },
  { key: 'jet', file: 'jet.yaml', id: 'jet', schema: JetFileSchema, required: false },
  { key: 'seminars', file: 'seminars.yaml', id: 'seminars', schema: SeminarsFileSchema, required: false },
  { key: 'sisterCities', file: 'sister-cities.yaml', id: 'sister-cities', schema: SisterCitiesFileSchema, required: false },
  { key: 'support', file: 'support.yaml', id: 'support', schema: SupportFileSchema, required: false },
  { key: 'partners', file: 'partners.yaml', id: 'partners', schema: PartnersFileSchema, required: false },
  { key: 'outreach', file: 'outreach.yaml', id: 'outreach', schema: OutreachFileSchema, required: false },
];

/** The data file kind for a file name (office.yaml, office.yml), or undefined for a file clair does not know. */
export function dataFileKind(fileName: string): DataFileKind | undefined {
  const normalised = fileName.replace(/\.yml$/, '.yaml');
  return DATA_FILES.find((kind) => kind.file === normalised);
}

export * from './common.js';
export type { Brochure, SectionId, SectionRef } from './brochure.js';
export { SECTION_IDS } from './brochure.js';
export type { Office } from './office.js';
export type { BoothEvent, EventsFile } from './events.js';
export type { FestivalEdition, FestivalFile } from './festival.js';
export type { CookingClass, InfluencerVisit, Lecture } from './promotions.js';
export type { CookingClassesFile, InfluencerVisitsFile, LecturesFile, SnsChannelFile } from './promotions.js';
export type { JetFile, JetPosition, PlacingBodyType, Placements } from './jet.js';
export { JET_POSITIONS, PLACING_BODY_TYPES } from './jet.js';
export type { ProgrammeItem, ProgrammeSegment, SeminarsFile } from './seminars.js';
export type { SisterCitiesFile } from './sister-cities.js';
export type { SupportFile } from './support.js';
export type { PartnersFile } from './partners.js';
export type { OutreachFile } from './outreach.js';
