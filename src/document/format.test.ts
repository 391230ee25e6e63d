import { describe, expect, it } from 'vitest';
import {
  formatChange, formatDate, formatDayRange, formatNumber, formatPercentChange, formatTimeSlot, formatYear,
  formatYearMonth, japaneseEra,
} from './format.js';

describe('dates in each language', () => {
  it('writes the festival date as the seed does, with the weekday', () => {
    expect(formatDate('2025-10-12', 'ja', { weekday: true })).toBe('2025年10月12日（日）');
    expect(formatDate('2025-10-12', 'ko', { weekday: true })).toBe('2025년 10월 12일(일)');
    expect(formatDate('2025-10-12', 'zh-Hans', { weekday: true })).toBe('2025年10月12日（周日）');
    expect(formatDate('2025-10-12', 'en', { weekday: true })).toBe('Sun 12 October 2025');
    expect(formatDate('2025-10-01', 'fr')).toBe('1er octobre 2025');
  });

  it('shortens a range inside one month and repeats the month across months', () => {
    expect(formatDayRange('2025-12-05', '2025-12-07', 'ja')).toBe('12月5日～7日');
    expect(formatDayRange('2025-12-05', '2025-12-07', 'ko')).toBe('12월 5일~7일');
    expect(formatDayRange('2025-12-05', '2025-12-07', 'en')).toBe('5–7 Dec');
    expect(formatDayRange('2025-06-28', '2025-07-02', 'ja')).toBe('6月28日～7月2日');
    expect(formatDayRange('2025-06-05', undefined, 'ja')).toBe('6月5日');
  });

  it('writes months and time slots', () => {
    expect(formatYearMonth('2026-03', 'ja')).toBe('2026年3月');
    expect(formatYearMonth('2026-03', 'ko')).toBe('2026년 3월');
    expect(formatYearMonth('2026-03', 'fr')).toBe('mars 2026');
    expect(formatTimeSlot('13:30', '13:50', 'ja')).toBe('13:30～13:50');
    expect(formatTimeSlot('18:00', undefined, 'ko')).toBe('18:00');
  });
});

describe('Japanese eras', () => {
  it('derives the era from the Gregorian year', () => {
    expect(japaneseEra(1988)).toBe('昭和63年');
    expect(japaneseEra(1989)).toBe('平成元年');
    expect(japaneseEra(2019)).toBe('令和元年');
    expect(japaneseEra(2026)).toBe('令和8年');
    expect(japaneseEra(1850)).toBeUndefined();
  });

  it('prints the era only in Japanese and only when asked', () => {
    expect(formatYear(1988, 'ja', { era: true })).toBe('1988年（昭和63年）');
    expect(formatYear(1988, 'ja')).toBe('1988年');
    expect(formatYear(1988, 'ko', { era: true })).toBe('1988년');
    expect(formatYear(1988, 'en', { era: true })).toBe('1988');
  });
});

describe('numbers', () => {
  it('groups thousands in each language', () => {
    expect(formatNumber(5933, 'ja')).toBe('5,933');
    expect(formatNumber(80000, 'ko')).toBe('80,000');
    expect(formatNumber(80000, 'fr')).toBe('80\u202f000');
  });

  it('signs changes with a real minus and one decimal for percentages', () => {
    expect(formatChange(16, 'ja')).toBe('+16');
    expect(formatChange(-3, 'en')).toBe('−3');
    expect(formatChange(0, 'ko')).toBe('±0');
    expect(formatPercentChange(0.08, 'ja')).toBe('+8.0%');
    expect(formatPercentChange(-0.125, 'en')).toBe('−12.5%');
  });
});
