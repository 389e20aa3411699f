/**
 * School unique reference numbers, as published by Get Information About Schools:
 * six digits, 100000 to 999999.
 */

/** Why `value` is not a valid URN, or null when it is. */
export function validateUrn(value: string): string | null {
  if (typeof value !== 'string') return 'must be a string';
  if (!/^\d{6}$/.test(value)) return 'must be 6 digits';
  if (value[0] === '0') return 'must be between 100000 and 999999';
  return null;
}

/** True when `value` is a 6-digit URN from 100000 to 999999. */
export function isValidUrn(value: string): boolean {
  return validateUrn(value) === null;
}
