import { describe, it, expect } from 'vitest';
import {
  isTestRangeNhsNumber,
  isValidNhsNumber,
  makeTestNhsNumber,
  nhsNumberCheckDigit,
  normaliseNhsNumber,
  validateNhsNumber,
} from './index.js';

describe('NHS number', () => {
  it('accepts the published example 9434765919', () => {
    expect(nhsNumberCheckDigit('943476591')).toBe(9);
    expect(validateNhsNumber('9434765919')).toBeNull();
    expect(isValidNhsNumber('9434765919')).toBe(true);
  });

  it('names the expected check digit when it is wrong', () => {
    expect(validateNhsNumber('9434765918')).toBe('check digit should be 9, not 8');
    expect(isValidNhsNumber('9434765918')).toBe(false);
  });

  it('rejects stems whose check digit would be 10', () => {
    // 999000000: 9*10 + 9*9 + 9*8 = 243, remainder 1, so the check would be 10.
    expect(nhsNumberCheckDigit('999000000')).toBeNull();
    for (let d = 0; d <= 9; d++) {
      expect(validateNhsNumber(`999000000${d}`)).toBe('no valid check digit exists for these first nine digits');
    }
  });

  it('maps a check of 11 to 0', () => {
    // 000000000 sums to 0: 11 - 0 = 11, which becomes 0.
    expect(nhsNumberCheckDigit('000000000')).toBe(0);
    expect(isValidNhsNumber('0000000000')).toBe(true);
  });

  it('is strict about format but offers normalisation', () => {
    expect(validateNhsNumber('943 476 5919')).toBe('must be 10 digits');
    expect(validateNhsNumber('943476591')).toBe('must be 10 digits');
    expect(validateNhsNumber('94347659190')).toBe('must be 10 digits');
    expect(validateNhsNumber('94347659I9')).toBe('must be 10 digits');
    expect(validateNhsNumber('')).toBe('must be 10 digits');
    expect(normaliseNhsNumber('943 476 5919')).toBe('9434765919');
    expect(normaliseNhsNumber('943-476-5919')).toBe('9434765919');
    expect(() => nhsNumberCheckDigit('12345678')).toThrow(RangeError);
  });

  it('recognises the 999 test range', () => {
    expect(isTestRangeNhsNumber('9990000018')).toBe(true);
    expect(isTestRangeNhsNumber('9434765919')).toBe(false);
  });

  it('makes distinct, ascending, valid test-range numbers for serials 0..2000', () => {
    const seen = new Set<string>();
    let previous = '';
    for (let serial = 0; serial <= 2000; serial++) {
      const n = makeTestNhsNumber(serial);
      expect(isValidNhsNumber(n)).toBe(true);
      expect(isTestRangeNhsNumber(n)).toBe(true);
      expect(n > previous).toBe(true);
      previous = n;
      seen.add(n);
    }
    expect(seen.size).toBe(2001);
  });

  it('does not skip valid numbers: serial n is the n-th valid 999 number', () => {
    const expected: string[] = [];
    for (let stem = 999_000_000; expected.length < 500; stem++) {
      const check = nhsNumberCheckDigit(String(stem));
      if (check !== null) expected.push(`${stem}${check}`);
    }
    expect(expected.map((_, i) => makeTestNhsNumber(i))).toEqual(expected);
  });

  it('is deterministic and reaches large serials cheaply', () => {
    expect(makeTestNhsNumber(0)).toBe('9990000018');
    expect(makeTestNhsNumber(300_000)).toBe(makeTestNhsNumber(300_000));
    expect(isValidNhsNumber(makeTestNhsNumber(900_000))).toBe(true);
    expect(() => makeTestNhsNumber(-1)).toThrow(RangeError);
    expect(() => makeTestNhsNumber(1.5)).toThrow(RangeError);
    expect(() => makeTestNhsNumber(1_000_000)).toThrow(RangeError);
  });
});
