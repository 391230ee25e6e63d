// The data files of an office folder by name, kept free of TypeBox (index.ts pairs each with its schema) so that
// loading an office for `clair build` does not load the schema builder.
import type { DataKey } from './index.js';

export interface DataFile {
  key: DataKey;
  /** File name inside the office folder; `.yml` is accepted too. */
  file: string;
  /** Schema id, also the JSON Schema file name: src/schema/json/<id>.schema.json */
  id: string;
  required: boolean;
}

export const DATA_FILE_NAMES: readonly DataFile[] = [
  { key: 'office', file: 'office.yaml', id: 'office', required: true },
  { key: 'brochure', file: 'brochure.yaml', id: 'brochure', required: true },
  { key: 'events', file: 'events.yaml', id: 'events', required: false },
  { key: 'festival', file: 'festival.yaml', id: 'festival', required: false },
  { key: 'influencerVisits', file: 'influencer-visits.yaml', id: 'influencer-visits', required: false },
  { key: 'cookingClasses', file: 'cooking-classes.yaml', id: 'cooking-classes', required: false },
  { key: 'snsChannel', file: 'sns-channel.yaml', id: 'sns-channel', required: false },
  { key: 'lectures', file: 'lectures.yaml', id: 'lectures', required: false },
  { key: 'jet', file: 'jet.yaml', id: 'jet', required: false },
  { key: 'seminars', file: 'seminars.yaml', id: 'seminars', required: false },
  { key: 'sisterCities', file: 'sister-cities.yaml', id: 'sister-cities', required: false },
  { key: 'support', file: 'support.yaml', id: 'support', required: false },
  { key: 'partners', file: 'partners.yaml', id: 'partners', required: false },
  { key: 'outreach', file: 'outreach.yaml', id: 'outreach', required: false },
];

/** The data file for a file name (office.yaml, office.yml), or undefined for a file clair does not know. */
export function dataFileNamed(fileName: string): DataFile | undefined {
  const normalised = fileName.replace(/\.yml$/, '.yaml');
  return DATA_FILE_NAMES.find((kind) => kind.file === normalised);
}
