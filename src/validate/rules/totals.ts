// Totals equal their parts and stated counts equal their lists: the brochure prints both the total and the
// breakdown (職員数 11名 next to 所長、上席調査役、所長補佐6名、韓国人スタッフ3名), so a typo in either would print
// figures that contradict each other.
import type { JetPosition } from '../../schema/jet.js';
import { plural, type Rule } from './rule.js';

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const addition = (values: readonly number[]) => (values.length > 1 ? ` (${values.join(' + ')})` : '');

export const staffTotal: Rule = {
  id: 'staff-total',
  check({ data, report }) {
    const staff = data.office?.staff;
    if (!staff) return;
    const counts = staff.roles.map((role) => role.count);
    const parts = sum(counts);
    if (parts === staff.total) return;
    report({
      file: 'office', at: ['staff', 'total'], code: 'sum-mismatch',
      message: {
        en: `staff.total is ${staff.total}, but the roles add up to ${parts}${addition(counts)}`,
        ja: `staff.total は ${staff.total} ですが、役職ごとの人数の合計は ${parts}${addition(counts)} です`,
      },
      found: String(staff.total),
      expected: { en: `${parts}, the sum of staff.roles[].count`, ja: `${parts}（staff.roles[].count の合計）` },
    });
  },
};

export const jetPlacements: Rule = {
  id: 'jet-placements',
  check({ data, report }) {
    const placements = data.jet?.placements ?? [];
    placements.forEach((p, index) => {
      // The positions come from the data (the schema requires each), keeping TypeBox off the validate path.
      const positions = Object.keys(p.byPosition) as JetPosition[];
      const byPosition = positions.map((position) => p.byPosition[position]);
      const total = sum(byPosition);
      if (total !== p.total) {
        report({
          file: 'jet', at: ['placements', index, 'total'], code: 'sum-mismatch',
          message: {
            en: `placements for ${p.fiscalYear}: total is ${p.total}, but ${positions.join(' + ')} = ${byPosition.join(' + ')} = ${total}`,
            ja: `${p.fiscalYear}年度の配置状況: 合計は ${p.total} ですが、${positions.join(' + ')} = ${byPosition.join(' + ')} = ${total} です`,
          },
          found: String(p.total),
          expected: { en: `${total}, the sum of byPosition`, ja: `${total}（byPosition の合計）` },
        });
      }
      for (const position of positions) {
        const stated = p.byPosition[position];
        const bodies = (p.byPlacingBody ?? []).map((entry, i) => ({ entry, i })).filter(({ entry }) => entry.position === position);
        if (bodies.length > 0) {
          const counts = bodies.map(({ entry }) => entry.count);
          const parts = sum(counts);
          if (parts !== stated) {
            report({
              file: 'jet', at: ['placements', index, 'byPlacingBody', bodies[0]!.i], code: 'sum-mismatch',
              message: {
                en: `placements for ${p.fiscalYear}: the ${position} placing bodies add up to ${parts}${addition(counts)}, but byPosition.${position} is ${stated}`,
                ja: `${p.fiscalYear}年度の配置状況: ${position} の配置団体別の合計は ${parts}${addition(counts)} ですが、byPosition.${position} は ${stated} です`,
              },
              found: String(parts),
              expected: { en: `${stated} ${position}s in total`, ja: `${position} 合計 ${stated} 名` },
            });
          }
        }
        const prefectures = (p.byPrefecture ?? []).map((entry, i) => ({ entry, i })).filter(({ entry }) => entry.position === position);
        if (prefectures.length > 0) {
          const counts = prefectures.map(({ entry }) => entry.count);
          const parts = sum(counts);
          // Prefectures may list only part of the placements (municipal placements are not by prefecture).
          if (parts > stated) {
            report({
              file: 'jet', at: ['placements', index, 'byPrefecture', prefectures[0]!.i], code: 'sum-mismatch',
              message: {
                en: `placements for ${p.fiscalYear}: the ${position} counts by prefecture add up to ${parts}${addition(counts)}, more than byPosition.${position} = ${stated}`,
                ja: `${p.fiscalYear}年度の配置状況: ${position} の都道府県別の合計 ${parts}${addition(counts)} が byPosition.${position} = ${stated} を超えています`,
              },
              found: String(parts),
              expected: { en: `at most ${stated}`, ja: `${stated} 以下` },
            });
          }
        }
      }
    });
  },
};

export const jetYearFigures: Rule = {
  id: 'jet-year-figures',
  check({ data, report }) {
    const jet = data.jet;
    if (!jet) return;
    jet.placements.forEach((p, index) => {
      const year = jet.years.find((y) => y.fiscalYear === p.fiscalYear);
      if (!year || year.fromOfficeCountry === p.total) return;
      report({
        file: 'jet', at: ['placements', index, 'total'], code: 'figures-differ', severity: 'warning',
        message: {
          en: `${p.fiscalYear}: the placements total ${p.total} participants, but years says ${year.fromOfficeCountry} came from the office's country`,
          ja: `${p.fiscalYear}年度: 配置状況の合計は ${p.total} 名ですが、years では事務所の国からの参加者は ${year.fromOfficeCountry} 名です`,
        },
        found: String(p.total),
        expected: { en: `${year.fromOfficeCountry}, as in years`, ja: `${year.fromOfficeCountry}（years と同じ）` },
      });
    });
  },
};

export const festivalBooths: Rule = {
  id: 'festival-booths',
  check({ data, report }) {
    data.festival?.editions.forEach((edition, index) => {
      const listed = edition.booths.exhibitors.length;
      if (listed === edition.booths.count) return;
      report({
        file: 'festival', at: ['editions', index, 'booths', 'count'], code: 'count-mismatch',
        message: {
          en: `festival ${edition.fiscalYear}: booths.count is ${edition.booths.count}, but ${plural(listed, 'exhibitor is', 'exhibitors are')} listed`,
          ja: `${edition.fiscalYear}年度のおまつり: booths.count は ${edition.booths.count} ですが、出展団体は ${listed} 件です`,
        },
        found: String(edition.booths.count),
        expected: { en: `${listed}, the number of booths.exhibitors`, ja: `${listed}（booths.exhibitors の件数）` },
      });
    });
  },
};

export const sisterCityTotal: Rule = {
  id: 'sister-city-total',
  check({ data, report }) {
    const partnerships = data.sisterCities?.partnerships;
    if (!partnerships?.list) return;
    // The list may show a selection (a map), never more than the total.
    if (partnerships.list.length <= partnerships.total) return;
    report({
      file: 'sisterCities', at: ['partnerships', 'total'], code: 'count-mismatch',
      message: {
        en: `partnerships.total is ${partnerships.total}, but the list has ${partnerships.list.length}`,
        ja: `partnerships.total は ${partnerships.total} ですが、list には ${partnerships.list.length} 件あります`,
      },
      found: String(partnerships.total),
      expected: { en: `at least ${partnerships.list.length}`, ja: `${partnerships.list.length} 以上` },
    });
  },
};

/**
 * A list declared complete for some fiscal years is counted in those years (clair compare, charts): a research
 * request without its fiscal year would silently fall out of the count, so it must say its year.
 */
export const completeListYears: Rule = {
  id: 'complete-list-years',
  check({ data, report }) {
    const requests = data.support?.researchRequests;
    const complete = requests?.completeFiscalYears ?? [];
    if (!requests?.requests || complete.length === 0) return;
    requests.requests.forEach((request, i) => {
      if (request.fiscalYear !== undefined) return;
      report({
        file: 'support', at: ['researchRequests', 'requests', i], where: 'value', code: 'complete-list-year',
        message: {
          en: `this request gives no fiscalYear, but researchRequests.completeFiscalYears says the list is complete for ${complete.join(', ')}: give its fiscal year so it is counted`,
          ja: `この依頼調査には fiscalYear がありませんが、researchRequests.completeFiscalYears で ${complete.join('、')} 年度の一覧は全件とされています。件数に入るよう年度を書いてください`,
        },
        expected: { en: 'fiscalYear: 2025 (for example)', ja: 'fiscalYear: 2025 など' },
      });
    });
  },
};
