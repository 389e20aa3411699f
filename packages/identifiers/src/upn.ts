/**
 * Unique pupil numbers (DfE common basic data set). Thirteen characters: a check
 * letter, the 3-digit LA number, the 4-digit establishment number, the 2-digit year
 * of allocation and a 3-digit serial. A temporary UPN replaces the last serial digit
 * with a letter. See https://www.gov.uk/government/publications/unique-pupil-numbers
 */

/** The 23 letters UPNs use: I, O and S are left out because they read as 1, 0 and 5. */
export const UPN_ALPHABET = 'ABCDEFGHJKLMNPQRTUVWXYZ';

const BODY = /^\d{11}[0-9A-HJ-NP-RT-Z]$/;
const CHECK = /^[A-HJ-NP-RT-Z]$/;

/**
 * The check letter for the last twelve characters of a UPN (characters 2 to 13).
 * Character i is weighted by i; a final letter (temporary UPN) counts as its
 * position in {@link UPN_ALPHABET}.
 *
 * @throws RangeError when `last12` is not eleven digits followed by a digit or UPN letter.
 */
export function upnCheckLetter(last12: string): string {
  if (typeof last12 !== 'string' || !BODY.test(last12)) {
    throw new RangeError(
      `upnCheckLetter needs 11 digits then a digit or letter from ${UPN_ALPHABET}, got ${JSON.stringify(last12)}`,
    );
  }
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += (last12.charCodeAt(i) - 48) * (i + 2);
  const last = last12[11]!;
  const lastValue = last >= '0' && last <= '9' ? last.charCodeAt(0) - 48 : UPN_ALPHABET.indexOf(last);
  sum += lastValue * 13;
  return UPN_ALPHABET[sum % 23]!;
}

/** Why `value` is not a valid UPN (permanent or temporary), or null when it is. Upper case only. */
export function validateUpn(value: string): string | null {
  if (typeof value !== 'string') return 'must be a string';
  if (value.length !== 13) return 'must be 13 characters';
  if (!CHECK.test(value[0]!)) return `must start with a check letter from ${UPN_ALPHABET}`;
  if (!/^\d{11}$/.test(value.slice(1, 12))) return 'characters 2 to 12 must be digits';
  if (!BODY.test(value.slice(1))) return `must end with a digit or a letter from ${UPN_ALPHABET}`;
  const expected = upnCheckLetter(value.slice(1));
  if (value[0] !== expected) return `check letter should be ${expected}, not ${value[0]}`;
  return null;
}

/** True when `value` is a well-formed UPN with the right check letter. */
export function isValidUpn(value: string): boolean {
  return validateUpn(value) === null;
}

/** True when `value` is a valid UPN issued as temporary (it ends in a letter). */
export function isTemporaryUpn(value: string): boolean {
  return isValidUpn(value) && !/\d/.test(value[12]!);
}

/** The parts a UPN is built from. */
export interface UpnParts {
  /** DfE LA number, 3 digits (Kent is 886). */
  laNumber: number | string;
  /** DfE establishment number within the LA, 4 digits. */
  establishmentNumber: number | string;
  /** Year of allocation: two digits, or a full year of which the last two digits are used. */
  year: number;
  /** Permanent UPN: 0 to 999. Temporary UPN: 0 to 2299 (two digits and a letter). */
  serial: number;
}

function digits(name: string, value: number | string, width: number): string {
  const text = typeof value === 'number' ? String(value) : value;
  if (!new RegExp(`^\\d{1,${width}}$`).test(text)) {
    throw new RangeError(`${name} must be at most ${width} digits, got ${JSON.stringify(value)}`);
  }
  return text.padStart(width, '0');
}

function stem(parts: UpnParts): string {
  if (!Number.isInteger(parts.year) || parts.year < 0) {
    throw new RangeError(`year must be a non-negative integer, got ${parts.year}`);
  }
  return (
    digits('laNumber', parts.laNumber, 3) +
    digits('establishmentNumber', parts.establishmentNumber, 4) +
    String(parts.year % 100).padStart(2, '0')
  );
}

/**
 * A permanent UPN with its check letter.
 *
 * @throws RangeError when a part does not fit its width or `serial` is outside 0–999.
 */
export function makeUpn(parts: UpnParts): string {
  if (!Number.isInteger(parts.serial) || parts.serial < 0 || parts.serial > 999) {
    throw new RangeError(`serial must be 0 to 999, got ${parts.serial}`);
  }
  const last12 = stem(parts) + String(parts.serial).padStart(3, '0');
  return upnCheckLetter(last12) + last12;
}

/**
 * A temporary UPN: as {@link makeUpn} but the serial is two digits and a letter,
 * so serial n gives digits floor(n / 23) and letter n mod 23 of {@link UPN_ALPHABET}.
 *
 * @throws RangeError when a part does not fit its width or `serial` is outside 0–2299.
 */
export function makeTemporaryUpn(parts: UpnParts): string {
  if (!Number.isInteger(parts.serial) || parts.serial < 0 || parts.serial > 100 * 23 - 1) {
    throw new RangeError(`temporary serial must be 0 to 2299, got ${parts.serial}`);
  }
  const last12 =
    stem(parts) + String(Math.floor(parts.serial / 23)).padStart(2, '0') + UPN_ALPHABET[parts.serial % 23]!;
  return upnCheckLetter(last12) + last12;
}
