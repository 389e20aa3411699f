/**
 * Calendar months for figures reported month by month. A board looks at complete
 * months: the month we are in is not over, so its figures would change under it.
 */

/** A run of whole calendar months: its first and last days and each month, written "2026-03". */
export interface MonthWindow {
  /** The first day of the first month, e.g. "2025-11-01". */
  from: string;
  /** The last day of the last month, e.g. "2026-10-31". */
  to: string;
  /** Each month, oldest first, e.g. ["2025-11", ..., "2026-10"]. */
  months: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The `count` complete calendar months before the month `today` falls in, oldest
 * first: on 2026-11-25, 12 months are 2025-11 to 2026-10.
 *
 * @throws RangeError unless `count` is a whole number from 1 to 120.
 */
export function completeMonthsBefore(today: string, count: number): MonthWindow {
  if (!Number.isInteger(count) || count < 1 || count > 120) throw new RangeError(`count must be a whole number from 1 to 120, got ${count}`);
  const current = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1;
  const months: string[] = [];
  for (let m = current - count; m < current; m++) months.push(`${Math.floor(m / 12)}-${pad((m % 12) + 1)}`);
  return { from: `${months[0]}-01`, to: lastDayOf(months[months.length - 1]!), months };
}

/** The last day of a "yyyy-mm" month: lastDayOf("2028-02") is "2028-02-29". */
export function lastDayOf(month: string): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, mon, 0)).toISOString().slice(0, 10);
}

/**
 * Every month from the one `from` falls in to the one `to` falls in, oldest first:
 * ("2025-11-15", "2026-02-01") gives ["2025-11", "2025-12", "2026-01", "2026-02"].
 * Empty when `to` comes first. Month-by-month figures fill their empty months from it.
 */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  const last = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7)) - 1;
  for (let m = Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7)) - 1; m <= last; m++) months.push(`${Math.floor(m / 12)}-${pad((m % 12) + 1)}`);
  return months;
}
