// Offices cover one country or several (office.yaml `countries`): every country named on a record is one of them,
// figures given per country add up to the total they break down, and a cooking class says who took part and with
// what food, whichever of the two ways it is recorded.
import type { Office } from '../../schema/index.js';
import type { Rule } from './rule.js';

/** The codes of the countries an office covers: `countries`, or its own `country` alone. */
export function coveredCodes(office: Office): string[] {
  return office.countries && office.countries.length > 0 ? office.countries.map((c) => c.code) : [office.country];
}

export const countryCodes: Rule = {
  id: 'country-codes',
  check({ data, shared, report }) {
    const office = data.office;
    if (!office) return;
    const covered = coveredCodes(office);
    const listed = covered.join(', ');
    for (const { file, at, value } of shared('country')) {
      if (file === 'office' || typeof value !== 'string' || covered.includes(value)) continue;
      report({
        file, at, code: 'unknown-country',
        message: {
          en: `${value} is not one of the countries the office covers (${listed}); add it to office.yaml countries, or correct the code`,
          ja: `${value} は事務所の担当国（${listed}）にありません。office.yaml の countries に加えるか、国コードを直してください`,
        },
        found: value,
        expected: { en: `one of: ${listed}`, ja: `次のいずれか: ${listed}` },
      });
    }
    if (office.countries && !office.countries.some((c) => c.code === office.country)) {
      report({
        file: 'office', at: ['country'], code: 'unknown-country',
        message: {
          en: `the office's own country ${office.country} is not among the countries it covers`,
          ja: `事務所の所在国 ${office.country} が countries（担当国）にありません`,
        },
        found: office.country,
        expected: { en: `one of: ${listed}`, ja: `次のいずれか: ${listed}` },
      });
    }
  },
};

export const countryTotals: Rule = {
  id: 'country-totals',
  check({ data, report }) {
    const p = data.sisterCities?.partnerships;
    if (p?.byCountry) {
      const sum = p.byCountry.reduce((total, c) => total + c.total, 0);
      const everyCountry = data.office && coveredCodes(data.office).every((code) => p.byCountry!.some((c) => c.country === code));
      if (sum > p.total || (everyCountry && sum !== p.total)) {
        const parts = p.byCountry.map((c) => c.total).join(' + ');
        report({
          file: 'sisterCities', at: ['partnerships', 'total'], code: 'sum-mismatch',
          message: {
            en: `partnerships.total is ${p.total}, but the totals by country add up to ${sum} (${parts})`,
            ja: `partnerships.total は ${p.total} ですが、国別の合計は ${sum} (${parts}) です`,
          },
          found: String(p.total),
          expected: everyCountry
            ? { en: `${sum}, the sum of byCountry`, ja: `${sum}（byCountry の合計）` }
            : { en: `at least ${sum}, the sum of byCountry`, ja: `${sum} 以上（byCountry の合計）` },
        });
      }
    }
    data.jet?.years.forEach((year, i) => {
      if (!year.byCountry) return;
      const sum = year.byCountry.reduce((total, c) => total + c.participants, 0);
      if (sum <= year.participants) return;
      report({
        file: 'jet', at: ['years', i, 'byCountry'], code: 'sum-mismatch',
        message: {
          en: `fiscal year ${year.fiscalYear}: participants by country add up to ${sum}, more than the ${year.participants} participants in all`,
          ja: `${year.fiscalYear}年度: 国別の参加者の合計 ${sum} が参加者総数 ${year.participants} を超えています`,
        },
        found: String(sum),
        expected: { en: `at most ${year.participants}`, ja: `${year.participants} 以下` },
      });
    });
  },
};

export const cookingClassContent: Rule = {
  id: 'cooking-class-content',
  check({ data, report }) {
    data.cookingClasses?.classes.forEach((c, i) => {
      if (!c.host && !c.suppliers) {
        report({
          file: 'cookingClasses', at: ['classes', i], where: 'value', code: 'cooking-class-municipality',
          message: {
            en: `the class of fiscal year ${c.fiscalYear} names no municipality: give the one that presented it (host) or those that supplied it (suppliers)`,
            ja: `${c.fiscalYear}年度の料理教室に自治体がありません。紹介した自治体（host）か、食材を提供した自治体（suppliers）を書いてください`,
          },
          expected: { en: 'host: {prefecture: …} or suppliers: [{prefecture: …}, …]', ja: 'host: {prefecture: …} または suppliers: [{prefecture: …}, …]' },
        });
      }
      if (!c.dishes && !c.ingredients) {
        report({
          file: 'cookingClasses', at: ['classes', i], where: 'value', code: 'cooking-class-food',
          message: {
            en: `the class of fiscal year ${c.fiscalYear} names no food: give its dishes or its ingredients`,
            ja: `${c.fiscalYear}年度の料理教室に料理がありません。料理（dishes）か食材（ingredients）を書いてください`,
          },
          expected: { en: 'dishes: [...] or ingredients: [...]', ja: 'dishes: [...] または ingredients: [...]' },
        });
      }
    });
  },
};
