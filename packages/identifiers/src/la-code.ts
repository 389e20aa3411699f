/**
 * ONS (GSS) codes for local authorities: a country letter and eight digits, the
 * first two of which give the kind of area. See
 * https://www.ons.gov.uk/methodology/geography/geographicalproducts/namesandcodes
 */

/** The kinds of English local authority an ONS code can name. */
export type LaCodeKind = 'COUNTY' | 'UNITARY' | 'METROPOLITAN' | 'LONDON_BOROUGH' | 'DISTRICT';

const ENGLISH_KINDS: Readonly<Record<string, LaCodeKind>> = {
  E06: 'UNITARY',
  E07: 'DISTRICT',
  E08: 'METROPOLITAN',
  E09: 'LONDON_BOROUGH',
  E10: 'COUNTY',
};

/**
 * Why `value` is not a local authority ONS code, or null when it is. English codes
 * must be one of the local authority entities (E06–E10), so a region (E12) or
 * ward (E05) code is caught; Welsh, Scottish and Northern Irish codes are only
 * checked for shape.
 */
export function validateLaCode(value: string): string | null {
  if (typeof value !== 'string') return 'must be a string';
  if (value.length !== 9) return 'must be 9 characters';
  if (!/^[EWSN]\d{8}$/.test(value)) return 'must be a letter (E, W, S or N) followed by 8 digits';
  if (value[0] === 'E' && !(value.slice(0, 3) in ENGLISH_KINDS)) {
    return `${value.slice(0, 3)} is not an English local authority code (expected E06, E07, E08, E09 or E10)`;
  }
  return null;
}

/** True when `value` is a valid local authority ONS code. */
export function isValidLaCode(value: string): boolean {
  return validateLaCode(value) === null;
}

/** The kind of English local authority an ONS code names (Kent, E10000016, is a COUNTY), or null. */
export function laCodeKind(code: string): LaCodeKind | null {
  if (validateLaCode(code) !== null) return null;
  return ENGLISH_KINDS[code.slice(0, 3)] ?? null;
}
