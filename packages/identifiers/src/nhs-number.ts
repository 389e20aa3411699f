/**
 * NHS numbers: ten digits, the last a modulus 11 check digit over the first nine.
 * See https://www.datadictionary.nhs.uk/attributes/nhs_number.html
 */

const NINE_DIGITS = /^\d{9}$/;
const TEN_DIGITS = /^\d{10}$/;

/**
 * The modulus 11 check digit for the first nine digits of an NHS number, or null
 * when the remainder gives 10: such nine-digit stems are never issued.
 *
 * @throws RangeError when `first9` is not exactly nine digits.
 */
export function nhsNumberCheckDigit(first9: string): number | null {
  if (!NINE_DIGITS.test(first9)) {
    throw new RangeError(`nhsNumberCheckDigit needs exactly 9 digits, got ${JSON.stringify(first9)}`);
  }
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (first9.charCodeAt(i) - 48) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

/**
 * Why `value` is not a valid NHS number, or null when it is. Strict: exactly ten
 * digits with no spaces; use {@link normaliseNhsNumber} first to accept "943 476 5919".
 */
export function validateNhsNumber(value: string): string | null {
  if (typeof value !== 'string') return 'must be a string';
  if (!TEN_DIGITS.test(value)) return 'must be 10 digits';
  const expected = nhsNumberCheckDigit(value.slice(0, 9));
  if (expected === null) return 'no valid check digit exists for these first nine digits';
  const actual = value.charCodeAt(9) - 48;
  if (actual !== expected) return `check digit should be ${expected}, not ${actual}`;
  return null;
}

/** True when `value` is ten digits with a correct modulus 11 check digit. */
export function isValidNhsNumber(value: string): boolean {
  return validateNhsNumber(value) === null;
}

/**
 * Strips the spaces and hyphens people type ("943 476 5919", "943-476-5919").
 * Does not validate: pass the result to {@link validateNhsNumber}.
 */
export function normaliseNhsNumber(value: string): string {
  return value.replace(/[\s-]/g, '');
}

/** True when `value` starts with 999: NHS England never issues that range, so it is safe for test data. */
export function isTestRangeNhsNumber(value: string): boolean {
  return typeof value === 'string' && value.startsWith('999');
}

const TEST_RANGE_BASE = 999_000_000;
const TEST_RANGE_SIZE = 1_000_000;
/** Stems are counted in blocks so that finding the n-th valid one is a lookup, not a scan from zero. */
const BLOCK = 100;
let validBeforeBlock: Uint32Array | undefined;

function checkDigitOfStem(stem: number): number | null {
  return nhsNumberCheckDigit(String(stem));
}

function blockPrefixCounts(): Uint32Array {
  if (validBeforeBlock) return validBeforeBlock;
  const blocks = TEST_RANGE_SIZE / BLOCK;
  const counts = new Uint32Array(blocks + 1);
  for (let b = 0; b < blocks; b++) {
    let valid = 0;
    for (let i = 0; i < BLOCK; i++) {
      if (checkDigitOfStem(TEST_RANGE_BASE + b * BLOCK + i) !== null) valid++;
    }
    counts[b + 1] = counts[b]! + valid;
  }
  validBeforeBlock = counts;
  return counts;
}

/**
 * The `serial`-th (0-based) valid NHS number in the never-issued 999 range, in
 * ascending order, skipping stems whose check digit would be 10. Deterministic and
 * cheap per call (a one-off table of about 10,000 block counts is built on first use),
 * so generating hundreds of thousands of children stays linear.
 *
 * @throws RangeError when `serial` is negative, not an integer, or beyond the range (about 909,000 numbers).
 */
export function makeTestNhsNumber(serial: number): string {
  if (!Number.isInteger(serial) || serial < 0) {
    throw new RangeError(`makeTestNhsNumber needs a non-negative integer serial, got ${serial}`);
  }
  const counts = blockPrefixCounts();
  const blocks = counts.length - 1;
  if (serial >= counts[blocks]!) {
    throw new RangeError(`makeTestNhsNumber: the 999 range holds only ${counts[blocks]} valid numbers`);
  }
  // Last block whose preceding count is <= serial.
  let lo = 0;
  let hi = blocks - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (counts[mid]! <= serial) lo = mid;
    else hi = mid - 1;
  }
  return numbersInBlock(lo)[serial - counts[lo]!]!;
}

// Callers usually ask for serials in order, so the last block's numbers are kept.
let cachedBlock = -1;
let cachedNumbers: string[] = [];

function numbersInBlock(block: number): string[] {
  if (block !== cachedBlock) {
    const numbers: string[] = [];
    for (let i = 0; i < BLOCK; i++) {
      const stem = TEST_RANGE_BASE + block * BLOCK + i;
      const check = checkDigitOfStem(stem);
      if (check !== null) numbers.push(`${stem}${check}`);
    }
    cachedBlock = block;
    cachedNumbers = numbers;
  }
  return cachedNumbers;
}
