// How the office informs municipalities: web sites, social accounts, newsletter and publications.
import type { Block, Txt } from '../../document/blocks.js';
import { formatYearMonth } from '../../document/format.js';
import { textIn } from '../../document/text.js';
import { photos, textList, type SectionDefinition } from '../kit.js';
import { languageProfile } from '../../i18n/profile.js';

export const outreach: SectionDefinition = {
  id: 'outreach',
  numbered: true,
  build(context) {
    const file = context.data.outreach;
    if (!file) return undefined;
    const { t, data } = context;
    const contact = data.office.contact;
    const blocks: Block[] = [...textList(t, 'bullet', file.description)];

    const sites: Txt[] = (contact.websites ?? []).map((w) => t.each((lang) => [
      { text: `${textIn(w.label, lang) ?? ''}: `, lang },
      { text: w.url, lang, href: w.url },
    ]));
    if (sites.length > 0) blocks.push({ kind: 'list', marker: 'bullet', items: sites, title: file.searchHint ? t.text(file.searchHint) : t.label('outreach.websites') });
    if (contact.social && contact.social.length > 0) {
      blocks.push({
        kind: 'list', marker: 'bullet', title: t.label('outreach.social'),
        items: contact.social.map((s) => t.each((lang) => [
          { text: `${t.raw(`platforms.${s.platform}`, lang)}${s.handle ? ` (${s.handle})` : ''}${s.url ? ': ' : ''}`, lang },
          ...(s.url ? [{ text: s.url, lang, href: s.url }] : []),
        ])),
      });
    }
    if (file.callToAction) blocks.push({ kind: 'paragraph', tone: 'callout', text: t.text(file.callToAction) });
    if (file.newsletter) {
      const n = file.newsletter;
      blocks.push({ kind: 'heading', text: t.text(n.name) });
      blocks.push({ kind: 'paragraph', text: t.text(n.description) });
      blocks.push({
        kind: 'paragraph', tone: 'note',
        text: t.each((lang) => [
          { text: t.raw('outreach.subscribe', lang), lang },
          { text: ` ${n.subscribeEmail}`, lang, href: `mailto:${n.subscribeEmail}` },
          { text: ` ${textIn(n.subscribeInstructions, lang) ?? ''}`, lang },
        ]),
      });
    }
    for (const publication of file.publications) {
      blocks.push({ kind: 'heading', text: t.text(publication.title) });
      const lines: Txt[] = [];
      if (publication.url) lines.push(t.each((lang) => [{ text: publication.url!, lang, href: publication.url }]));
      if (publication.revised) lines.push(t.each((lang) => `${languageProfile(lang).marks.note} ${t.fill('outreach.revised', lang, { month: formatYearMonth(publication.revised!, lang) })}`));
      if (publication.description) lines.push(t.text(publication.description));
      if (lines.length > 0) blocks.push({ kind: 'list', marker: 'bullet', items: lines });
      if (publication.topics && publication.topics.length > 0) {
        blocks.push({ kind: 'list', marker: 'bullet', items: publication.topics.map((x) => t.text(x)), title: publication.topicsTitle ? t.text(publication.topicsTitle) : t.label('outreach.topics') });
      }
    }
    blocks.push(...photos(context, file.photos));
    return { title: t.text(file.title), blocks };
  },
};
