/** Calendar dates without a time or time zone, written yyyy-mm-dd (RFC 3339 full-date). */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why `value` is not a real yyyy-mm-dd calendar date, or null when it is (so 2026-02-30 fails). */
export function validateIsoDate(value: string): string | null {
  if (typeof value !== 'string') return 'must be a string';
  const match = ISO_DATE.exec(value);
  if (!match) return 'must be a date written yyyy-mm-dd';
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12) return 'month must be 01 to 12';
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return `day must be 01 to ${last} in ${match[1]}-${match[2]}`;
  return null;
}

/** True when `value` is a real yyyy-mm-dd calendar date. */
export function isValidIsoDate(value: string): boolean {
  return validateIsoDate(value) === null;
}

/** A Date's UTC calendar day as yyyy-mm-dd; UTC so the result does not depend on the server's time zone. */
export function formatIsoDate(date: Date): string {
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

const englishDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Today's date in England, yyyy-mm-dd: the day a school roll, a statutory clock or an
 * age is reckoned on, whatever the server's time zone (UTC is a day behind late on a
 * summer evening).
 */
export function todayInEngland(now?: Date): string {
  if (now) return englishDate.format(now);
  // Asked for by many fields of every answer; the formatter is slow, the day is not.
  // Kept for one second, and only for the second it was worked out in.
  const ms = Date.now();
  const second = Math.floor(ms / 1000);
  if (second !== today.second) {
    today.second = second;
    today.date = englishDate.format(new Date(ms));
  }
  return today.date;
}

const today = { second: Number.NaN, date: '' };

/** A record with an end date is current while it has none or it is still to come. */
export function isCurrentOn(endDate: string | null, today: string): boolean {
  return endDate === null || endDate > today;
}
