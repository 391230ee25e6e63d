// Numbers, dates, fiscal years and Japanese eras in each language's conventions. Both renderers receive these
// strings ready-made, so a date reads the same in the PDF and the HTML.
// Japanese, Korean, Chinese, English and French dates are written out here as their editors expect them; any other
// language gets Intl's long date in its profile's locale (templates/languages), in the Gregorian calendar the
// data's fiscal years are counted in.
import { languageProfile } from '../i18n/profile.js';
import type { LanguageTag } from '../schema/index.js';

const localeOf = (lang: LanguageTag) => languageProfile(lang).locale;

const intlDates = new Map<string, Intl.DateTimeFormat>();
/** Intl's wording of a date in the language's locale, Gregorian calendar and Latin digits. */
function intlDate(lang: LanguageTag, date: CalendarDate, options: Intl.DateTimeFormatOptions): string {
  const key = `${lang}\u0000${JSON.stringify(options)}`;
  let format = intlDates.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(lang), { ...options, calendar: 'gregory', numberingSystem: 'latn', timeZone: 'UTC' });
    intlDates.set(key, format);
  }
  return format.format(new Date(Date.UTC(date.year, date.month - 1, date.day)));
}

const numberFormats = new Map<LanguageTag, Intl.NumberFormat>();
/** 5933 → "5,933" (ja, ko, en, zh), "5 933" (fr, with a narrow no-break space). */
export function formatNumber(value: number, lang: LanguageTag): string {
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 1 });
    numberFormats.set(lang, format);
  }
  return format.format(value);
}

/** Signed change: +16, −3 (with a real minus sign), ±0. */
export function formatChange(value: number, lang: LanguageTag): string {
  if (value === 0) return '±0';
  const body = formatNumber(Math.abs(value), lang);
  return value > 0 ? `+${body}` : `−${body}`;
}

const percentFormats = new Map<LanguageTag, Intl.NumberFormat>();
/** Percent change with one decimal: +8.0%, −12.5 %. */
export function formatPercentChange(ratio: number, lang: LanguageTag): string {
  const percent = Math.round(ratio * 1000) / 10;
  let format = percentFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(lang), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    percentFormats.set(lang, format);
  }
  const body = format.format(Math.abs(percent));
  const sign = percent > 0 ? '+' : percent < 0 ? '−' : '±';
  return lang === 'fr' ? `${sign}${body}\u202f%` : `${sign}${body}%`;
}

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function parseIsoDate(iso: string): CalendarDate {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day: day ?? 1 };
}

function weekdayIndex(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

const WEEKDAYS: Record<string, string[]> = {
  ja: ['日', '月', '火', '水', '木', '金', '土'],
  ko: ['일', '월', '화', '수', '목', '금', '토'],
  'zh-Hans': ['日', '一', '二', '三', '四', '五', '六'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  fr: ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'],
};
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const FR_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/**
 * A full date: 2025年10月12日（日） / 2025년 10월 12일 (일) / 2025年10月12日（周日） / Sunday 12 October 2025 style
 * kept short: Sun 12 October 2025 / dim. 12 octobre 2025.
 */
export function formatDate(iso: string, lang: LanguageTag, options: { weekday?: boolean } = {}): string {
  const date = parseIsoDate(iso);
  const weekday = options.weekday ? WEEKDAYS[lang]?.[weekdayIndex(date)] : undefined;
  switch (lang) {
    case 'ja':
      return `${date.year}年${date.month}月${date.day}日${weekday ? `（${weekday}）` : ''}`;
    case 'zh-Hans':
      return `${date.year}年${date.month}月${date.day}日${weekday ? `（周${weekday}）` : ''}`;
    case 'ko':
      // A bracket is set close to the word before it in Korean (공문서: "12일(일)").
      return `${date.year}년 ${date.month}월 ${date.day}일${weekday ? `(${weekday})` : ''}`;
    case 'en':
      return `${weekday ? `${weekday} ` : ''}${date.day} ${EN_MONTHS[date.month - 1]} ${date.year}`;
    case 'fr':
      return `${weekday ? `${weekday} ` : ''}${date.day === 1 ? '1er' : date.day} ${FR_MONTHS[date.month - 1]} ${date.year}`;
    default:
      return intlDate(lang, date, { year: 'numeric', month: 'long', day: 'numeric', ...(options.weekday ? { weekday: 'short' } : {}) });
  }
}

/** A month: 2026年3月 / 2026년 3월 / March 2026. */
export function formatYearMonth(yearMonth: string, lang: LanguageTag): string {
  const { year, month } = parseIsoDate(`${yearMonth}-01`);
  switch (lang) {
    case 'ja':
    case 'zh-Hans':
      return `${year}年${month}月`;
    case 'ko':
      return `${year}년 ${month}월`;
    case 'en':
      return `${EN_MONTHS[month - 1]} ${year}`;
    case 'fr':
      return `${FR_MONTHS[month - 1]} ${year}`;
    default:
      return intlDate(lang, { year, month, day: 1 }, { year: 'numeric', month: 'long' });
  }
}

/** Month and day without the year (the year is in the row): 12月5日 / 12월 5일 / 5 Dec. */
export function formatMonthDay(iso: string, lang: LanguageTag): string {
  const { month, day } = parseIsoDate(iso);
  switch (lang) {
    case 'ja':
    case 'zh-Hans':
      return `${month}月${day}日`;
    case 'ko':
      return `${month}월 ${day}일`;
    case 'en':
      return `${day} ${EN_MONTHS[month - 1]!.slice(0, 3)}`;
    case 'fr':
      return `${day === 1 ? '1er' : day} ${FR_MONTHS[month - 1]}`;
    default:
      return intlDate(lang, { year: 2000, month, day }, { month: 'long', day: 'numeric' });
  }
}

/**
 * A date range inside one year, without the year: 12月5日～7日 / 12월 5일~7일 / 5–7 Dec; across months the
 * second month is repeated: 6月28日～7月2日.
 */
export function formatDayRange(start: string, end: string | undefined, lang: LanguageTag): string {
  if (!end || end === start) return formatMonthDay(start, lang);
  const a = parseIsoDate(start);
  const b = parseIsoDate(end);
  const sameMonth = a.year === b.year && a.month === b.month;
  switch (lang) {
    case 'ja':
    case 'zh-Hans':
      return `${formatMonthDay(start, lang)}～${sameMonth ? `${b.day}日` : formatMonthDay(end, lang)}`;
    case 'ko':
      return `${formatMonthDay(start, lang)}~${sameMonth ? `${b.day}일` : formatMonthDay(end, lang)}`;
    case 'en':
      return sameMonth ? `${a.day}–${b.day} ${EN_MONTHS[b.month - 1]!.slice(0, 3)}` : `${formatMonthDay(start, lang)} – ${formatMonthDay(end, lang)}`;
    case 'fr':
      return sameMonth ? `${a.day === 1 ? '1er' : a.day}–${b.day} ${FR_MONTHS[b.month - 1]}` : `${formatMonthDay(start, lang)} – ${formatMonthDay(end, lang)}`;
    default:
      return `${formatMonthDay(start, lang)} – ${formatMonthDay(end, lang)}`;
  }
}

/** A time slot: 13:30～13:50 / 13:30~13:50 / 13:30–13:50. */
export function formatTimeSlot(start: string, end: string | undefined, lang: LanguageTag): string {
  if (!end) return start;
  const dash = lang === 'ja' || lang === 'zh-Hans' ? '～' : lang === 'ko' ? '~' : '–';
  return `${start}${dash}${end}`;
}

/** The Japanese eras of the modern calendar, newest first (year-level: the era in force at the end of the year). */
const ERAS: { name: string; start: number }[] = [
  { name: '令和', start: 2019 },
  { name: '平成', start: 1989 },
  { name: '昭和', start: 1926 },
  { name: '大正', start: 1912 },
  { name: '明治', start: 1868 },
];

/** 1988 → 昭和63年, 2019 → 令和元年; undefined before Meiji. */
export function japaneseEra(year: number): string | undefined {
  const era = ERAS.find((e) => year >= e.start);
  if (!era) return undefined;
  const n = year - era.start + 1;
  return `${era.name}${n === 1 ? '元' : n}年`;
}

/** A calendar year, with the era in Japanese when asked: 1988年（昭和63年） / 1988년 / 1988. */
export function formatYear(year: number, lang: LanguageTag, options: { era?: boolean } = {}): string {
  switch (lang) {
    case 'ja': {
      const era = options.era ? japaneseEra(year) : undefined;
      return `${year}年${era ? `（${era}）` : ''}`;
    }
    case 'zh-Hans':
      return `${year}年`;
    case 'ko':
      return `${year}년`;
    default:
      return String(year);
  }
}
