// Countries, places and the small facts (participants, organiser, partners, format) that records of any office
// carry, worded the same way by every section. An office covers one country (Seoul) or several (Singapore: the
// ASEAN countries and India); a country is printed next to a place only when the office covers more than one.
import type { TableCell, Txt } from '../document/blocks.js';
import { formatNumber } from '../document/format.js';
import { textIn, type EditionText } from '../document/text.js';
import type { HeldFormat, LanguageTag, Office, Participants, Text } from '../schema/index.js';

export interface CoveredCountry {
  code: string;
  name: Text;
  nationality?: Text;
}

/** The countries an office covers: office.yaml `countries`, or its own country alone. */
export function coveredCountries(office: Office): CoveredCountry[] {
  if (office.countries && office.countries.length > 0) return office.countries;
  return [{ code: office.country, name: office.countryName, ...(office.nationality ? { nationality: office.nationality } : {}) }];
}

/** The name of a country by its code in one language; the code itself when the office does not list it. */
export function countryName(office: Office, code: string, lang: LanguageTag): string {
  const country = coveredCountries(office).find((c) => c.code === code);
  return country ? textIn(country.name, lang) ?? code : code;
}

/** Countries spoken of in the data, in the order office.yaml lists them. */
export function countriesIn(office: Office, codes: readonly (string | undefined)[]): string[] {
  const used = new Set(codes.filter((c): c is string => c !== undefined));
  return [...coveredCountries(office).map((c) => c.code).filter((c) => used.has(c)), ...[...used].filter((c) => !coveredCountries(office).some((k) => k.code === c))];
}

/**
 * A place in one language: "Bangkok, Thailand" in English, "タイ・バンコク" in Japanese (the label `details.place`
 * holds each language's order). The country is left out when the office covers only that country.
 */
export function placeIn(
  t: EditionText, office: Office, where: { country?: string; city?: Text }, lang: LanguageTag,
): string | undefined {
  const city = textIn(where.city, lang);
  const single = coveredCountries(office).length === 1;
  const country = where.country && !(single && where.country === coveredCountries(office)[0]!.code)
    ? countryName(office, where.country, lang) : undefined;
  // A city-state (Singapore) is named once.
  if (city && country && city !== country) return t.fill('details.place', lang, { city, country });
  return city ?? country;
}

export function participantsIn(t: EditionText, participants: Participants, lang: LanguageTag): string {
  const figure = typeof participants === 'number' ? { value: participants, atLeast: false } : participants;
  if (figure.atLeast) return t.fill('details.participantsAtLeast', lang, { n: formatNumber(figure.value, lang) });
  return t.fillCount('details.participants', lang, figure.value, { n: formatNumber(figure.value, lang) });
}

export function formatIn(t: EditionText, format: HeldFormat, lang: LanguageTag): string {
  return t.raw(`details.formats.${format}`, lang);
}

/** The facts of a record that exist, one line each, for a "details" cell. */
export interface RecordFacts {
  place?: { country?: string; city?: Text };
  partner?: Text;
  organiser?: Text;
  partners?: Text[];
  format?: HeldFormat;
  participants?: Participants;
  media?: Text[];
}

export function hasFacts(facts: RecordFacts): boolean {
  return Boolean(facts.place?.city ?? facts.place?.country ?? facts.partner ?? facts.organiser ?? facts.partners ?? facts.format
    ?? facts.participants ?? facts.media);
}

/** Each fact worded on its own line: place, organiser, partner(s), format, participants, invited media. */
export function factLines(t: EditionText, office: Office, facts: RecordFacts): Txt[] {
  const lines: Txt[] = [];
  const add = (word: (lang: LanguageTag) => string | undefined) => {
    const txt = t.each((lang) => word(lang) || undefined);
    if (txt.primary.length > 0) lines.push(txt);
  };
  if (facts.place) add((lang) => placeIn(t, office, facts.place!, lang));
  if (facts.organiser) add((lang) => t.fill('details.organiser', lang, { name: textIn(facts.organiser, lang) ?? '' }));
  if (facts.partner) add((lang) => t.fill('details.partner', lang, { name: textIn(facts.partner, lang) ?? '' }));
  if (facts.partners) add((lang) => t.fill('details.partners', lang, { list: t.joinList(facts.partners!.map((p) => textIn(p, lang) ?? ''), lang) }));
  if (facts.format) add((lang) => formatIn(t, facts.format!, lang));
  if (facts.participants !== undefined) add((lang) => participantsIn(t, facts.participants!, lang));
  if (facts.media) add((lang) => t.fill('details.media', lang, { list: t.joinList(facts.media!.map((m) => textIn(m, lang) ?? ''), lang) }));
  return lines;
}

/** A table cell with a record's facts, one per line (an empty cell when it has none). */
export function factsCell(t: EditionText, office: Office, facts: RecordFacts): TableCell {
  const lines = factLines(t, office, facts);
  return { content: lines.length > 0 ? lines : [t.each(() => '')] };
}
