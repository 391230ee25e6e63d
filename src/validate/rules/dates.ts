// Dates belong to the fiscal year (年度, April 1 – March 31) they are filed under, ranges run forwards, and a
// seminar's programme runs in time order. An "as of" date (現在, 時点) may come after its year has ended — a
// figure for 2025 counted in July 2026 — but never before the year began.
import type { Localized } from '../../diagnostics.js';
import type { DataKey } from '../../schema/index.js';
import type { Segment } from '../paths.js';
import type { Issue, Rule } from './rule.js';

export const fiscalYearStart = (fiscalYear: number) => `${fiscalYear}-04-01`;
export const fiscalYearEnd = (fiscalYear: number) => `${fiscalYear + 1}-03-31`;

/** The fiscal year a date falls in: 2026-03-31 is in 2025, 2026-04-01 in 2026. */
export function fiscalYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return month >= 4 ? year : year - 1;
}

const yearWords = (fiscalYear: number): Localized => ({
  en: `fiscal year ${fiscalYear} (${fiscalYearStart(fiscalYear)} – ${fiscalYearEnd(fiscalYear)})`,
  ja: `${fiscalYear}年度（${fiscalYearStart(fiscalYear)}〜${fiscalYearEnd(fiscalYear)}）`,
});

function inYear(file: DataKey, at: Segment[], date: string, fiscalYear: number): Issue | undefined {
  if (date >= fiscalYearStart(fiscalYear) && date <= fiscalYearEnd(fiscalYear)) return undefined;
  const year = yearWords(fiscalYear);
  return {
    file, at, code: 'date-outside-fiscal-year',
    message: {
      en: `${date} is not in ${year.en}, the year it is listed under (it falls in fiscal year ${fiscalYearOf(date)})`,
      ja: `${date} は記載されている ${year.ja} に入っていません（${fiscalYearOf(date)}年度の日付です）`,
    },
    found: date,
    expected: { en: `a date in ${year.en}`, ja: `${year.ja} の日付` },
  };
}

/** An "as of" month (2026-01) means its last day, as the brochure's 1月末時点 does. */
export function asOfDay(value: string): string {
  if (!/^\d{4}-\d{2}$/.test(value)) return value;
  const [year, month] = value.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${value}-${String(lastDay).padStart(2, '0')}`;
}

function asOfInYear(file: DataKey, at: Segment[], value: string, fiscalYear: number): Issue | undefined {
  const date = asOfDay(value);
  if (date >= fiscalYearStart(fiscalYear)) return undefined;
  const year = yearWords(fiscalYear);
  return {
    file, at, code: 'as-of-before-fiscal-year',
    message: {
      en: `"as of" ${value} is before ${year.en} began; a figure for that year cannot be counted earlier`,
      ja: `時点の日付 ${value} が ${year.ja} の始まりより前です`,
    },
    found: value,
    expected: { en: `${fiscalYearStart(fiscalYear)} or later`, ja: `${fiscalYearStart(fiscalYear)} 以降` },
  };
}

function ordered(file: DataKey, at: Segment[], start: string, end: string | undefined, what: 'date' | 'time'): Issue | undefined {
  if (end === undefined || start <= end) return undefined;
  return {
    file, at: [...at, 'end'], code: 'range-order',
    message: what === 'date'
      ? { en: `the range ends (${end}) before it starts (${start})`, ja: `終了日 ${end} が開始日 ${start} より前です` }
      : { en: `the slot ends (${end}) before it starts (${start})`, ja: `終了時刻 ${end} が開始時刻 ${start} より前です` },
    found: end,
    expected: { en: `${start} or later`, ja: `${start} 以降` },
  };
}

export const fiscalYearDates: Rule = {
  id: 'fiscal-year-dates',
  check({ data, report }) {
    const issues: (Issue | undefined)[] = [];
    data.events?.events.forEach((event, i) => {
      const at: Segment[] = ['events', i, 'dates'];
      issues.push(inYear('events', [...at, 'start'], event.dates.start, event.fiscalYear));
      if (event.dates.end !== undefined) {
        issues.push(ordered('events', at, event.dates.start, event.dates.end, 'date'));
        issues.push(inYear('events', [...at, 'end'], event.dates.end, event.fiscalYear));
      }
    });
    data.festival?.editions.forEach((edition, i) => {
      if (edition.date) issues.push(inYear('festival', ['editions', i, 'date'], edition.date, edition.fiscalYear));
    });
    const latest = data.seminars?.latest;
    if (latest) issues.push(inYear('seminars', ['latest', 'date'], latest.date, latest.fiscalYear));
    data.jet?.placements.forEach((p, i) => issues.push(asOfInYear('jet', ['placements', i, 'asOf'], p.asOf, p.fiscalYear)));
    data.cookingClasses?.classes.forEach((c, i) => {
      if (!c.dates) return;
      const at: Segment[] = ['classes', i, 'dates'];
      issues.push(inYear('cookingClasses', [...at, 'start'], c.dates.start, c.fiscalYear));
      if (c.dates.end !== undefined) {
        issues.push(ordered('cookingClasses', at, c.dates.start, c.dates.end, 'date'));
        issues.push(inYear('cookingClasses', [...at, 'end'], c.dates.end, c.fiscalYear));
      }
    });
    data.seminars?.themes.forEach((x, i) => {
      if (x.date) issues.push(inYear('seminars', ['themes', i, 'date'], x.date, x.fiscalYear));
    });
    data.support?.cases?.yearly.forEach((y, i) => {
      if (y.asOf) issues.push(asOfInYear('support', ['cases', 'yearly', i, 'asOf'], y.asOf, y.fiscalYear));
    });
    for (const issue of issues) if (issue) report(issue);
  },
};

export const programmeTimes: Rule = {
  id: 'programme-times',
  check({ data, report }) {
    const programme = data.seminars?.latest?.programme ?? [];
    let previous: { end: string; index: number } | undefined;
    programme.forEach((segment, i) => {
      const at: Segment[] = ['latest', 'programme', i, 'time'];
      const order = ordered('seminars', at, segment.time.start, segment.time.end, 'time');
      if (order) report(order);
      if (previous && segment.time.start < previous.end) {
        report({
          file: 'seminars', at: [...at, 'start'], code: 'programme-order',
          message: {
            en: `this slot starts at ${segment.time.start}, before the previous one (programme[${previous.index}]) ends at ${previous.end}`,
            ja: `この枠の開始 ${segment.time.start} が、前の枠（programme[${previous.index}]）の終了 ${previous.end} より前です`,
          },
          found: segment.time.start,
          expected: { en: `${previous.end} or later: slots in time order`, ja: `${previous.end} 以降（時刻順に並べてください）` },
        });
      }
      previous = { end: segment.time.end ?? segment.time.start, index: i };
    });
  },
};

/** A yearly record dated before the thing began (an edition of a festival before its first year). */
export const sinceYear: Rule = {
  id: 'since-year',
  check({ data, report }) {
    const check = (file: DataKey, since: number, years: { fiscalYear: number; at: Segment[] }[]) => {
      for (const { fiscalYear, at } of years) {
        if (fiscalYear >= since) continue;
        report({
          file, at, code: 'year-before-start',
          message: { en: `fiscal year ${fiscalYear} is before ${since}, the year this began (since)`, ja: `${fiscalYear}年度は開始年（since: ${since}）より前です` },
          found: String(fiscalYear),
          expected: { en: `${since} or later`, ja: `${since} 以降` },
        });
      }
    };
    const festival = data.festival;
    if (festival) check('festival', festival.since, festival.editions.map((e, i) => ({ fiscalYear: e.fiscalYear, at: ['editions', i, 'fiscalYear'] })));
    const jet = data.jet;
    if (jet) {
      check('jet', jet.since, [
        ...jet.years.map((y, i) => ({ fiscalYear: y.fiscalYear, at: ['years', i, 'fiscalYear'] as Segment[] })),
        ...jet.placements.map((p, i) => ({ fiscalYear: p.fiscalYear, at: ['placements', i, 'fiscalYear'] as Segment[] })),
      ]);
    }
  },
};
