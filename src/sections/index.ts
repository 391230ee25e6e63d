// The one list of brochure sections. A section is a folder here (its builder) and a line below; the generic
// partial templates/sections/default.hbs draws it in HTML unless it has a partial of its own.
import type { SectionId } from '../schema/index.js';
import type { SectionDefinition } from './kit.js';
import { contact } from './contact/index.js';
import { cookingClasses } from './cooking-classes/index.js';
import { events } from './events/index.js';
import { festival } from './festival/index.js';
import { influencerVisits } from './influencer-visits/index.js';
import { jet } from './jet/index.js';
import { lectures } from './lectures/index.js';
import { outreach } from './outreach/index.js';
import { partners } from './partners/index.js';
import { profile } from './profile/index.js';
import { researchRequests } from './research-requests/index.js';
import { seminars } from './seminars/index.js';
import { sisterCities } from './sister-cities/index.js';
import { snsChannel } from './sns-channel/index.js';
import { supportCases } from './support-cases/index.js';
import { surveys } from './surveys/index.js';
import { atAGlance } from './at-a-glance/index.js';
import { message } from './message/index.js';

export const SECTIONS: readonly SectionDefinition[] = [
  profile, atAGlance, events, festival, influencerVisits, cookingClasses, snsChannel, lectures, jet, seminars,
  sisterCities, supportCases, researchRequests, surveys, partners, outreach, contact, message,
];

export function sectionDefinition(id: SectionId): SectionDefinition {
  const definition = SECTIONS.find((s) => s.id === id);
  if (!definition) throw new Error(`no builder registered for section "${id}"`);
  return definition;
}

export type { SectionContext, SectionDefinition } from './kit.js';
