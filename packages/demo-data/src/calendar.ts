/**
 * Dates as whole days since 1970-01-01 (UTC), so the generator can do arithmetic on
 * plain numbers and format each distinct day only once.
 */
import { validateIsoDate } from '@local-area-graph/identifiers';
import type { Term } from './types.js';

const DAY_MS = 86_400_000;

/** The day number of a calendar date (month 1–12). */
export function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** The day number of a yyyy-mm-dd string; throws on anything that is not a real date. */
export function parseIsoDay(iso: string): number {
  const reason = validateIsoDate(iso);
  if (reason !== null) throw new RangeError(`${JSON.stringify(iso)} is not a date: ${reason}`);
  return dayOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

const isoCache = new Map<number, string>();

/** yyyy-mm-dd for a day number; memoised because a county reuses a few thousand days millions of times. */
export function isoOf(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

/**
 * Calendar year, month (1–12) and day of month of a day number. Integer arithmetic
 * (Howard Hinnant's civil-from-days) rather than a Date per call: the generator
 * asks millions of times.
 */
export function partsOf(day: number): { year: number; month: number; day: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

/** The academic year (named by the calendar year it starts in, September) containing a day. */
export function academicYearOf(day: number): number {
  const { year, month } = partsOf(day);
  return month >= 9 ? year : year - 1;
}

const labelCache = new Map<number, string>();

/** "2025/26" for 2025; one shared string per year, since every attendance row carries one. */
export function academicYearLabel(startYear: number): string {
  let label = labelCache.get(startYear);
  if (label === undefined) {
    label = `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
    labelCache.set(startYear, label);
  }
  return label;
}

/** Whole years of age on `day` for someone born on `birthDay`. */
export function ageOn(birthDay: number, day: number): number {
  const b = partsOf(birthDay);
  const d = partsOf(day);
  let age = d.year - b.year;
  if (d.month < b.month || (d.month === b.month && d.day < b.day)) age--;
  return age;
}

// Day -3 (1969-12-29) is a Monday; counting from it makes weekdays a closed form.
function weekdaysBefore(day: number): number {
  const s = day + 3;
  const weeks = Math.floor(s / 7);
  return weeks * 5 + Math.min(s - weeks * 7, 5);
}

/** Monday-to-Friday days from `first` to `last` inclusive (0 when last < first). */
export function weekdaysBetween(first: number, last: number): number {
  return last < first ? 0 : weekdaysBefore(last + 1) - weekdaysBefore(first);
}

/** True on Saturdays and Sundays. */
export function isWeekend(day: number): boolean {
  const s = (((day + 3) % 7) + 7) % 7;
  return s >= 5;
}

/** One school term: dates and the sessions (half days) a full-time pupil could attend in it. */
export interface TermDates {
  term: Term;
  academicYear: number;
  start: number;
  end: number;
  /** Typical possible sessions for the whole term, allowing for half-term. */
  sessions: number;
  /** Weekdays from start to end, used to pro-rate part-terms. */
  weekdays: number;
}

const termCache = new Map<number, readonly TermDates[]>();

/**
 * The three terms of an academic year with typical English dates: autumn early
 * September to before Christmas, spring January to Easter, summer after Easter to
 * late July. Possible sessions are the usual 140, 120 and 130.
 */
export function termsOf(academicYear: number): readonly TermDates[] {
  let terms = termCache.get(academicYear);
  if (!terms) {
    const y = academicYear;
    const make = (term: Term, start: number, end: number, sessions: number): TermDates => ({
      term,
      academicYear: y,
      start,
      end,
      sessions,
      weekdays: weekdaysBetween(start, end),
    });
    // Terms start on a weekday on or after, and end on a weekday on or before, these dates.
    const open = (day: number): number => (isWeekend(day) ? open(day + 1) : day);
    const close = (day: number): number => (isWeekend(day) ? close(day - 1) : day);
    terms = [
      make('AUTUMN', open(dayOf(y, 9, 3)), close(dayOf(y, 12, 19)), 140),
      make('SPRING', open(dayOf(y + 1, 1, 5)), close(dayOf(y + 1, 3, 31)), 120),
      make('SUMMER', open(dayOf(y + 1, 4, 15)), close(dayOf(y + 1, 7, 22)), 130),
    ];
    termCache.set(academicYear, terms);
  }
  return terms;
}

/** First day of the autumn term of an academic year. */
export function yearStart(academicYear: number): number {
  return termsOf(academicYear)[0]!.start;
}

/** Last day of the summer term of an academic year. */
export function yearEnd(academicYear: number): number {
  return termsOf(academicYear)[2]!.end;
}
