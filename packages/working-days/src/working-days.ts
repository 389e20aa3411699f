import { BANK_HOLIDAYS_ENGLAND } from './bank-holidays.js';

const DAY_MS = 86_400_000;
const YEARS = Object.keys(BANK_HOLIDAYS_ENGLAND).map(Number).sort((a, b) => a - b);

/** The first and last years the calendar knows the bank holidays of. */
export const CALENDAR_FIRST_YEAR = YEARS[0]!;
export const CALENDAR_LAST_YEAR = YEARS[YEARS.length - 1]!;

for (let year = CALENDAR_FIRST_YEAR; year <= CALENDAR_LAST_YEAR; year++) {
  // A missing year in the middle would silently count its bank holidays as working days.
  if (!BANK_HOLIDAYS_ENGLAND[year]) throw new Error(`working-days: bank holidays of ${year} are missing`);
}

/** A date the calendar cannot answer for: refused, never guessed. */
export class OutsideCalendarError extends RangeError {
  constructor(readonly date: string) {
    super(
      `${date} is outside the working-day calendar (${CALENDAR_FIRST_YEAR} to ${CALENDAR_LAST_YEAR}): add that year's bank holidays in England to packages/working-days`,
    );
    this.name = 'OutsideCalendarError';
  }
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a yyyy-mm-dd date; throws on anything else. */
function dayNumber(date: string): number {
  const match = ISO.exec(date);
  if (!match) throw new RangeError(`"${date}" is not a date (yyyy-mm-dd)`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) throw new RangeError(`"${date}" is not a date (yyyy-mm-dd)`);
  return ms / DAY_MS;
}

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const FIRST_DAY = dayNumber(`${CALENDAR_FIRST_YEAR}-01-01`);
const LAST_DAY = dayNumber(`${CALENDAR_LAST_YEAR}-12-31`);
const HOLIDAYS = new Map<string, string>(Object.values(BANK_HOLIDAYS_ENGLAND).flat().map(([date, name]) => [date, name]));

/** For each day of the calendar: working or not, and working days so far (that day included). */
const WORKING: boolean[] = [];
const CUMULATIVE: number[] = [];
{
  let count = 0;
  for (let day = FIRST_DAY; day <= LAST_DAY; day++) {
    const weekday = new Date(day * DAY_MS).getUTCDay();
    const working = weekday !== 0 && weekday !== 6 && !HOLIDAYS.has(isoOf(day));
    if (working) count++;
    WORKING.push(working);
    CUMULATIVE.push(count);
  }
}

function indexOf(date: string): number {
  const day = dayNumber(date);
  if (day < FIRST_DAY || day > LAST_DAY) throw new OutsideCalendarError(date);
  return day - FIRST_DAY;
}

/** The bank holiday's name, or null when `date` is not one. */
export function bankHolidayName(date: string): string | null {
  indexOf(date);
  return HOLIDAYS.get(date) ?? null;
}

/** Monday to Friday and not a bank holiday in England. */
export function isWorkingDay(date: string): boolean {
  return WORKING[indexOf(date)]!;
}

/**
 * Working days from the start of the calendar to `date`, `date` included: the number
 * the database's `working_day` table keeps, so that the working days between two dates
 * are a subtraction.
 */
export function workingDayNumber(date: string): number {
  return CUMULATIVE[indexOf(date)]!;
}

/** `date` itself when it is a working day, else the next working day. */
export function nextWorkingDayOnOrAfter(date: string): string {
  let i = indexOf(date);
  while (i < WORKING.length && !WORKING[i]) i++;
  if (i >= WORKING.length) throw new OutsideCalendarError(isoOf(FIRST_DAY + i));
  return isoOf(FIRST_DAY + i);
}

/**
 * The working day `n` working days after `date` (n ≥ 0): from a Friday, 1 is the
 * Monday (or the Tuesday after a bank holiday Monday). `n` = 0 gives `date` back.
 */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays: n must be a whole number of at least 0, got ${n}`);
  let i = indexOf(date);
  if (n === 0) return date;
  const target = CUMULATIVE[i]! + n;
  while (i < CUMULATIVE.length && CUMULATIVE[i]! < target) i++;
  if (i >= CUMULATIVE.length) throw new OutsideCalendarError(isoOf(FIRST_DAY + i));
  return isoOf(FIRST_DAY + i);
}

/**
 * Working days after `from` up to and including `to`: 0 on the same day, 1 from a
 * Friday to the next Monday. Negative when `to` is before `from`.
 */
export function workingDaysBetween(from: string, to: string): number {
  return CUMULATIVE[indexOf(to)]! - CUMULATIVE[indexOf(from)]!;
}

/** One day of the calendar, as the database's working_day table keeps it. */
export interface CalendarDay {
  day: string;
  working: boolean;
  workingDayNumber: number;
  bankHoliday: string | null;
}

/** Every day of the given years (all of the calendar by default), for a migration to load. */
export function calendarDays(fromYear = CALENDAR_FIRST_YEAR, toYear = CALENDAR_LAST_YEAR): CalendarDay[] {
  const first = indexOf(`${fromYear}-01-01`);
  const last = indexOf(`${toYear}-12-31`);
  const days: CalendarDay[] = [];
  for (let i = first; i <= last; i++) {
    const day = isoOf(FIRST_DAY + i);
    days.push({ day, working: WORKING[i]!, workingDayNumber: CUMULATIVE[i]!, bankHoliday: HOLIDAYS.get(day) ?? null });
  }
  return days;
}

const LONDON_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
const LONDON_HOUR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' });

/** The date in England (Europe/London) of an instant. */
export function dateInEngland(at: Date): string {
  return LONDON_DATE.format(at);
}

/** The instant a date begins in England: midnight GMT in winter, midnight BST (23:00 UTC the day before) in summer. */
export function startOfDayInEngland(date: string): Date {
  const utcMidnight = dayNumber(date) * DAY_MS;
  // Clocks change at 01:00 UTC, so London's midnight is always either 00:00 or 23:00 UTC.
  const offsetHours = Number(LONDON_HOUR.format(new Date(utcMidnight)));
  return new Date(utcMidnight - offsetHours * 3_600_000);
}

/**
 * The locality's response clock for a request received at `receivedAt` (times in
 * Europe/London):
 * - received on a working day, that day is day 0;
 * - received on a weekend or bank holiday, it counts as received at the start of the
 *   next working day, which is day 0;
 * - the response is due by the end of the `workingDays`-th working day after day 0
 *   (2 for the locality's single point of contact).
 */
export interface ResponseClock {
  /** Day 0: the working day the request counts as received on. */
  dayZero: string;
  /** When the request counts as received: as sent on a working day, else the start of day 0. */
  countsFrom: Date;
  /** The last day the response is on time. */
  dueDate: string;
  /** The end of the due date in England: a response before this instant is on time. */
  dueAt: Date;
}

export const LOCALITY_RESPONSE_WORKING_DAYS = 2;

export function responseClock(receivedAt: Date, workingDays = LOCALITY_RESPONSE_WORKING_DAYS): ResponseClock {
  if (Number.isNaN(receivedAt.getTime())) throw new RangeError('responseClock: receivedAt is not a date and time');
  const received = dateInEngland(receivedAt);
  const dayZero = nextWorkingDayOnOrAfter(received);
  const dueDate = addWorkingDays(dayZero, workingDays);
  const after = isoOf(dayNumber(dueDate) + 1);
  return {
    dayZero,
    countsFrom: dayZero === received ? receivedAt : startOfDayInEngland(dayZero),
    dueDate,
    // The day after the due date may be 1 January of a year past the calendar: it is only a midnight, not a working-day question.
    dueAt: startOfDayInEngland(after),
  };
}

/**
 * Working days the response took, counted like the receipt: a response made on a
 * weekend or bank holiday counts as made on the next working day. 0 on day 0 itself;
 * on time exactly when this is at most the clock's working days, so the count and
 * `dueAt` never disagree. The database computes the same from its calendar table.
 */
export function workingDaysToRespond(receivedAt: Date, respondedAt: Date): number {
  return Math.max(0, effectiveWorkingDayNumber(dateInEngland(respondedAt)) - effectiveWorkingDayNumber(dateInEngland(receivedAt)));
}

/** The working-day number of `date`, or of the next working day when it is not one (that day's number plus 1). */
export function effectiveWorkingDayNumber(date: string): number {
  const i = indexOf(date);
  return CUMULATIVE[i]! + (WORKING[i] ? 0 : 1);
}
