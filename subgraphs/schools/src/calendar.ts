/**
 * School calendar arithmetic. "Today" is the date in England, the day a school's roll
 * and registers are kept on. An enrolment or SEN status is current while it has no end
 * date or its end date is still to come (a leaving date agreed for later in the term).
 */
export { todayInEngland, isCurrentOn as isCurrent } from '@local-area-graph/identifiers';

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
