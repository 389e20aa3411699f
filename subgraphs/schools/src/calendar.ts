/**
 * School calendar arithmetic. "Today" is the date in England, because that is the
 * day a school's roll and its registers are kept on, whatever the server's time zone.
 */

const englishDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in England, yyyy-mm-dd. */
export function todayInEngland(now: Date = new Date()): string {
  return englishDate.format(now);
}

/**
 * An enrolment or SEN status is current while it has no end date or its end date is
 * still to come (a leaving date already agreed for later in the term).
 */
export function isCurrent(endDate: string | null, today: string): boolean {
  return endDate === null || endDate > today;
}

/** The academic year ("2025/26") a date falls in; years run from 1 September. */
export function academicYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const start = month >= 9 ? year : year - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** True for "YYYY/YY" where the second year follows the first, e.g. "2025/26" or "2099/00". */
export function isAcademicYear(value: string): boolean {
  const match = /^(\d{4})\/(\d{2})$/.exec(value);
  return match !== null && (Number(match[1]) + 1) % 100 === Number(match[2]);
}
