// List and note marks come from the edition language's profile (templates/languages/<tag>.yaml), never from code:
// the Korean edition of Seoul and the English edition of the Singapore test office are built with every profile's
// marks replaced by tags such as ⟨note⟩, and no Japanese ※ or ・ may be left in them unless the data itself holds it.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { BrochureDocument } from '../document/blocks.js';
import { partTexts } from '../document/__fixtures__/texts.js';
import { buildDocument, editionsOf } from '../document/build.js';
import type { LanguageProfile } from '../i18n/profile.js';
import { loadOffice, officeData } from '../load/office.js';
import { INSTALL_ROOT, World } from '../world.js';

vi.mock('../i18n/profile.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../i18n/profile.js')>();
  const tagged = new Map<string, LanguageProfile>();
  return {
    ...original,
    languageProfile: (lang: string, world?: World) => {
      const profile = original.languageProfile(lang, world);
      let copy = tagged.get(lang);
      if (!copy) {
        copy = { ...profile, marks: { bullet: '⟨bullet⟩', merit: '⟨merit⟩', note: '⟨note⟩', arrow: '⟨arrow⟩' } };
        tagged.set(lang, copy);
      }
      return copy;
    },
  };
});

const JAPANESE_MARKS = /[※・]/;

function texts(doc: BrochureDocument): string[] {
  return partTexts(doc).flatMap((txt) => [txt.primary, ...(txt.secondary ? [txt.secondary] : [])]).map((rich) => rich.map((r) => r.text).join(''));
}

/** Every string the data gives in one language (a language-neutral string counts for every language). */
function dataTexts(value: unknown, lang: string, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) dataTexts(item, lang, out);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const isText = Object.keys(record).length > 0 && Object.keys(record).every((key) => /^[a-z]{2,3}(-[A-Za-z]+)?$/.test(key));
    if (isText) {
      if (typeof record[lang] === 'string') out.push(record[lang] as string);
    } else for (const item of Object.values(record)) dataTexts(item, lang, out);
  }
  return out;
}

function edition(root: string, officeId: string, editionId: string): { doc: BrochureDocument; data: string[]; lang: string } {
  const world = new World({ dataRoot: root });
  const loaded = loadOffice(world, officeId);
  const data = officeData(loaded);
  const chosen = editionsOf(data.brochure).find((e) => e.id === editionId)!;
  return { doc: buildDocument({ world, officeId, officeDir: loaded.dir, data }, chosen), data: dataTexts(data, chosen.primary), lang: chosen.primary };
}

describe('list and note marks', () => {
  const cases = [
    { name: 'the Korean edition of Seoul', root: join(INSTALL_ROOT, 'data'), office: 'seoul', edition: 'ko' },
    { name: 'the English edition of the Singapore test office', root: join(INSTALL_ROOT, 'src', '__fixtures__', 'offices', 'asean'), office: 'singapore', edition: 'en' },
  ];
  for (const c of cases) {
    it(`come from the language profile in ${c.name}`, () => {
      const { doc, data } = edition(c.root, c.office, c.edition);
      const printed = texts(doc);
      // A ※ or ・ is allowed only inside a text the data gives in this language (none here, as it happens).
      const fromData = data.filter((text) => JAPANESE_MARKS.test(text));
      const stray = printed.filter((text) => JAPANESE_MARKS.test(text) && !fromData.some((d) => text.includes(d)));
      expect(stray).toEqual([]);
      // And the profile's marks are used: the tags stand where the marks are printed.
      expect(printed.some((text) => text.includes('⟨note⟩'))).toBe(true);
    });
  }

  it('print the Korean note mark before the JET placements\' as-of date and the sister-city definition', () => {
    const { doc } = edition(join(INSTALL_ROOT, 'data'), 'seoul', 'ko');
    const printed = texts(doc);
    expect(printed.filter((text) => text.startsWith('⟨note⟩')).length).toBeGreaterThanOrEqual(2);
    expect(printed.some((text) => /^⟨note⟩ \d{4}년/.test(text))).toBe(true);
  });
});
