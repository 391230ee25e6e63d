// The back page: address, phone, e-mail and access from the airport(s).
import { formatNumber } from '../../document/format.js';
import type { Block } from '../../document/blocks.js';
import { textIn } from '../../document/text.js';
import { languageProfile } from '../../i18n/profile.js';
import { type SectionDefinition } from '../kit.js';

/** Countries whose postal codes are written after 〒. */
const POSTAL_MARK_COUNTRIES = ['JP', 'KR'];

export const contact: SectionDefinition = {
  id: 'contact',
  numbered: false,
  build({ data, t }) {
    const { office } = data;
    const c = office.contact;
    const blocks: Block[] = [{
      kind: 'facts',
      items: [
        {
          label: t.label('contact.address'),
          values: [t.each((lang) => {
            const address = textIn(c.address, lang) ?? '';
            if (!c.postalCode) return address;
            // 〒 is the postal mark of Japan and Korea only; where places run from small to large (English), the
            // postal code follows the address.
            const code = POSTAL_MARK_COUNTRIES.includes(office.country)
              ? t.fill('contact.postalCode', lang, { code: c.postalCode })
              : t.fill('details.postalCodeWithoutMark', lang, { code: c.postalCode });
            return languageProfile(lang).placeOrder === 'small-to-large' ? `${address} ${code}` : `${code} ${address}`;
          })],
        },
        { label: t.label('contact.phone'), values: [t.each((lang) => [{ text: c.phone, lang, href: telUri(c.phone) }])] },
        { label: t.label('contact.email'), values: [t.each((lang) => [{ text: c.email, lang, href: `mailto:${c.email}` }])] },
      ],
    }];
    const access = office.access;
    if (access && access.routes.length > 0) {
      blocks.push({
        kind: 'list', marker: 'bullet', title: t.label(access.routes.length === 1 ? 'details.accessFromOne' : 'contact.access'),
        items: access.routes.map((r) => t.each((lang) => t.fill(r.approximate ? 'contact.routeApprox' : 'contact.route', lang, {
          from: textIn(r.from, lang) ?? '', minutes: formatNumber(r.minutes, lang),
        }))),
        ...(access.note ? { note: t.text(access.note) } : {}),
      });
    }
    return { title: t.label('contact.title'), blocks };
  },
};

/**
 * A phone number as written for readers ("+82(0)-2-733-5681") as a tel: link a phone can dial (RFC 3966): the
 * trunk prefix in brackets is not dialled from abroad, and only digits, + and hyphens are kept.
 */
export function telUri(phone: string): string {
  return `tel:${phone.replace(/\(0\)/g, '').replace(/[^0-9+-]/g, '').replace(/-{2,}/g, '-')}`;
}
