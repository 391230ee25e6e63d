// The registry of an office's data files: file name → schema. Adding a subject means adding a schema module and
// one line here; the loader, validator, JSON Schema export and editor support all read this list.
import type { TSchema } from '@sinclair/typebox';
import { DATA_FILE_NAMES, dataFileNamed, type DataFile } from './files.js';
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

export type { DataFile } from './files.js';
export { DATA_FILE_NAMES } from './files.js';

/** A data file with the schema it must follow. */
export interface DataFileKind extends DataFile {
  /** Schema id, also the JSON Schema file name: src/schema/json/<id>.schema.json */
  schema: TSchema;
}

const SCHEMAS: Record<DataKey, TSchema> = {
  office: OfficeSchema,
  brochure: BrochureSchema,
  events: EventsFileSchema,
  festival: FestivalFileSchema,
  influencerVisits: InfluencerVisitsFileSchema,
  cookingClasses: CookingClassesFileSchema,
  snsChannel: SnsChannelFileSchema,
  lectures: LecturesFileSchema,
  jet: JetFileSchema,
  seminars: SeminarsFileSchema,
  sisterCities: SisterCitiesFileSchema,
  support: SupportFileSchema,
  partners: PartnersFileSchema,
  outreach: OutreachFileSchema,
};

export const DATA_FILES: readonly DataFileKind[] = DATA_FILE_NAMES.map((kind) => ({ ...kind, schema: SCHEMAS[kind.key] }));

/** The data file kind for a file name (office.yaml, office.yml), or undefined for a file clair does not know. */
export function dataFileKind(fileName: string): DataFileKind | undefined {
  const kind = dataFileNamed(fileName);
  return kind && DATA_FILES.find((k) => k.key === kind.key);
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
