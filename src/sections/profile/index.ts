// The office overview page: the organisation, the office, its staff and where they come from.
import type { Block, FactsBlock } from '../../document/blocks.js';
import { formatNumber, formatYear, formatYearMonth } from '../../document/format.js';
import { textIn } from '../../document/text.js';
import { list, type SectionDefinition } from '../kit.js';

export const profile: SectionDefinition = {
  id: 'profile',
  numbered: false,
  build({ data, t }) {
    const { office } = data;
    const org = office.organisation;
    const officeName = (lang: Parameters<typeof t.raw>[1]) => textIn(office.name, lang) ?? '';
    const blocks: Block[] = [];

    blocks.push({ kind: 'heading', text: t.label('profile.aboutOrganisation', { abbreviation: org.abbreviation }) });
    const offices = t.each((lang) => {
      const names = org.overseasOffices.map((o) => {
        const name = textIn(o.name, lang) ?? o.id;
        return o.id === office.id ? `**${name}**` : name;
      });
      return t.fill('profile.overseasOffices', lang, { n: formatNumber(names.length, lang), list: t.joinList(names, lang) });
    });
    blocks.push(list('bullet', [
      t.each((lang) => t.fill('profile.organisationName', lang, { name: textIn(org.name, lang) ?? '' })),
      t.each((lang) => t.fill('profile.founded', lang, {
        purpose: textIn(org.purpose, lang) ?? '',
        year: formatYear(org.foundedYear, lang, { era: org.showJapaneseEra === true }),
      })),
      t.each((lang) => t.fill('profile.headquarters', lang, { place: textIn(org.headquarters, lang) ?? '' })),
      offices,
    ]));

    blocks.push({ kind: 'heading', text: t.each((lang) => t.fill('profile.aboutOffice', lang, { office: officeName(lang) })) });
    const established = office.established;
    // As printed: "1993年10月設立。日本の地方自治体から…" opens the first bullet rather than standing alone.
    const [first, ...rest] = office.description;
    const openingBullets = established && first
      ? [t.each((lang) => t.fill('profile.establishedLead', lang, { date: formatYearMonth(established, lang), text: textIn(first, lang) ?? '' })), ...rest.map((d) => t.text(d))]
      : [
          ...(established ? [t.each((lang) => t.fill('profile.established', lang, { date: formatYearMonth(established, lang) }))] : []),
          ...office.description.map((d) => t.text(d)),
        ];
    blocks.push(list('bullet', openingBullets));

    const staff = office.staff;
    const roles = staff && t.each((lang) => t.joinList(staff.roles.map((role) => {
      const title = textIn(role.title, lang) ?? '';
      return role.count > 1 ? t.fill('profile.roleWithCount', lang, { role: title, n: formatNumber(role.count, lang) }) : title;
    }), lang));
    // An office without staff figures or seconded staff to show has no facts table at all, not an empty one.
    const facts: FactsBlock = {
      kind: 'facts',
      items: [
        ...(staff && roles
          ? [{ label: t.label('profile.staff'), values: [t.each((lang) => t.fill('units.people', lang, { n: formatNumber(staff.total, lang) })), roles] }]
          : []),
        ...(office.dispatchingBodies && office.dispatchingBodies.length > 0
          ? [{ label: t.label('profile.dispatchingBodies'), values: [t.each((lang) => t.joinList(office.dispatchingBodies!.map((b) => t.bodyName(b, lang)), lang))] }]
          : []),
        ...(office.residentRepresentatives && office.residentRepresentatives.length > 0
          ? [{
              label: t.label('profile.other'),
              values: [t.each((lang) => t.fill('profile.residents', lang, {
                list: t.joinList(office.residentRepresentatives!.map((b) => t.fill('profile.resident', lang, { body: t.bodyName(b, lang) })), lang),
              }))],
            }]
          : []),
      ],
    };
    if (facts.items.length > 0) blocks.push(facts);
    return { title: t.each((lang) => t.fill('profile.title', lang, { office: officeName(lang) })), blocks };
  },
};
