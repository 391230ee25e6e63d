// How the office informs municipalities: web sites, social accounts, newsletter and publications.
import type { Block, Txt } from '../../document/blocks.js';
import { formatYearMonth } from '../../document/format.js';
import { languageOf, textIn } from '../../document/text.js';
import { bracketedAfter, marked, photos, textList, type SectionDefinition } from '../kit.js';

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
      { text: `${textIn(w.label, lang) ?? ''}${t.raw('punctuation.labelSeparator', lang)}`, lang },
      { text: w.url, lang, href: w.url },
    ]));
    // As printed: the heading (クレアソウル事務所ホームページ), the search hint, then the addresses.
    if (sites.length > 0) {
      blocks.push({ kind: 'heading', text: file.websitesTitle ? t.text(file.websitesTitle) : t.label('outreach.websites') });
      if (file.searchHint) blocks.push({ kind: 'paragraph', tone: 'callout', text: t.text(file.searchHint) });
      blocks.push({ kind: 'list', marker: 'bullet', items: sites });
    }
    if (contact.social && contact.social.length > 0) {
      blocks.push({
        kind: 'list', marker: 'bullet', title: t.label('outreach.social'),
        items: contact.social.map((s) => t.each((lang) => [
          { text: `${t.raw(`platforms.${s.platform}`, lang)}${s.handle ? t.fill('parenthesised', lang, { text: s.handle }) : ''}${s.url ? t.raw('punctuation.labelSeparator', lang) : ''}`, lang },
          ...(s.url ? [{ text: s.url, lang, href: s.url }] : []),
        ])),
      });
    }
    if (file.callToAction) blocks.push({ kind: 'paragraph', tone: 'callout', text: t.text(file.callToAction) });
    if (file.newsletter) {
      const n = file.newsletter;
      blocks.push({ kind: 'heading', text: t.text(n.name) });
      blocks.push({ kind: 'paragraph', text: t.text(n.description) });
      // The whole request, as printed: "★配信を希望される方は info@… にメールをお送りください。（件名を…）".
      blocks.push({
        kind: 'paragraph', tone: 'note',
        text: t.each((lang) => {
          const [before = '', after = ''] = t.raw('outreach.subscribe', lang).split('{email}');
          return [
            { text: before, lang },
            { text: n.subscribeEmail, lang, href: `mailto:${n.subscribeEmail}` },
            { text: after, lang },
            { text: bracketedAfter(t, lang, textIn(n.subscribeInstructions, lang) ?? ''), lang: languageOf(n.subscribeInstructions, lang) },
          ];
        }),
      });
    }
    for (const publication of file.publications) {
      // A heading is printed only with something under it (`clair validate` warns about one without).
      if (!publication.url && !publication.revised && !publication.description && !(publication.topics && publication.topics.length > 0)) continue;
      blocks.push({ kind: 'heading', text: t.text(publication.title) });
      const link: Txt | undefined = publication.url ? t.each((lang) => [{ text: publication.url!, lang, href: publication.url }]) : undefined;
      const description = publication.description ? t.text(publication.description) : undefined;
      if (publication.revised) {
        // As printed: the revision date is a note under the link ("※ 2026年3月改訂"), not an item of its own.
        if (link) blocks.push({ kind: 'list', marker: 'bullet', items: [link] });
        blocks.push({
          kind: 'paragraph', tone: 'note',
          text: t.each((lang) => marked(lang, 'note', t.fill('outreach.revised', lang, { month: formatYearMonth(publication.revised!, lang) }))),
        });
        if (description) blocks.push({ kind: 'list', marker: 'bullet', items: [description] });
      } else {
        const lines = [link, description].filter((line): line is Txt => line !== undefined);
        if (lines.length > 0) blocks.push({ kind: 'list', marker: 'bullet', items: lines });
      }
      if (publication.topics && publication.topics.length > 0) {
        blocks.push({ kind: 'list', marker: 'bullet', items: publication.topics.map((x) => t.text(x)), title: publication.topicsTitle ? t.text(publication.topicsTitle) : t.label('outreach.topics') });
      }
    }
    blocks.push(...photos(context, file.photos));
    return { title: t.text(file.title), blocks };
  },
};
