// The semantic rules, in the order their findings are most useful to read. Adding a rule means one module and one
// line here.
import { brochureSections } from './brochure.js';
import { cookingClassContent, countryCodes, countryTotals } from './countries.js';
import { fiscalYearDates, programmeTimes, sinceYear } from './dates.js';
import { duplicateEntries } from './duplicates.js';
import { titleYear } from './edition.js';
import { officeId, photoFiles } from './files.js';
import { editionLanguages, textLanguages } from './languages.js';
import { placeholderValues } from './placeholders.js';
import { prefectureNames } from './prefectures.js';
import { textScripts } from './scripts.js';
import type { Rule } from './rule.js';
import { completeListYears, festivalBooths, jetPlacements, jetYearFigures, sisterCityTotal, staffTotal } from './totals.js';
import { japaneseWording } from './wording.js';
import { danglingReferences } from './references.js';

export const RULES: readonly Rule[] = [
  officeId,
  staffTotal,
  jetPlacements,
  jetYearFigures,
  festivalBooths,
  sisterCityTotal,
  countryTotals,
  completeListYears,
  countryCodes,
  cookingClassContent,
  fiscalYearDates,
  programmeTimes,
  sinceYear,
  duplicateEntries,
  brochureSections,
  editionLanguages,
  textLanguages,
  japaneseWording,
  danglingReferences,
  textScripts,
  prefectureNames,
  photoFiles,
  titleYear,
  placeholderValues,
];

export type { Issue, Rule, RuleContext, SharedValue } from './rule.js';
