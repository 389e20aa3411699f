import type { InputCheck } from '@local-area-graph/subgraph-kit';

/** The longest a title or name may be; longer text belongs in a description. */
export const MAX_TITLE = 200;
/** The longest a description, commentary or reason may be. */
export const MAX_TEXT = 2000;
/** A locality's id as the localities service writes it, e.g. "dartford". */
export const LOCALITY_ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * A required piece of text, trimmed: not blank and not longer than `max`. Returns the
 * trimmed text (blank when it was refused), so the caller stores what was checked.
 */
export function requiredText(check: InputCheck, value: string, field: string, max: number, blank = 'is blank'): string {
  const text = value.trim();
  check.require(text.length > 0, field, blank).require(text.length <= max, field, `is ${text.length} characters: at most ${max}`);
  return text;
}

/** Optional text: left out (undefined) or null is none; given, it must not be blank. */
export function optionalText(check: InputCheck, value: string | null | undefined, field: string, max: number): string | null | undefined {
  if (value == null) return value;
  return requiredText(check, value, field, max, 'is blank: leave it out instead');
}
