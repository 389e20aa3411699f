import { describe, it, expect } from 'vitest';
import {
  UPN_ALPHABET,
  isTemporaryUpn,
  isValidUpn,
  makeTemporaryUpn,
  makeUpn,
  upnCheckLetter,
  validateUpn,
} from './index.js';

/** Walks serials until the check letter is `letter`: found by computation, not hard-coded. */
function findUpnWithCheckLetter(letter: string, make: (serial: number) => string, max: number): string {
  for (let serial = 0; serial <= max; serial++) {
    const upn = make(serial);
    if (upn[0] === letter) return upn;
  }
  throw new Error(`no UPN with check letter ${letter}`);
}

function withLetter(upn: string, letter: string): string {
  return letter + upn.slice(1);
}

describe('UPN', () => {
  it('accepts the published example B801200005001', () => {
    expect(upnCheckLetter('801200005001')).toBe('B');
    expect(validateUpn('B801200005001')).toBeNull();
    expect(isValidUpn('B801200005001')).toBe(true);
    expect(isTemporaryUpn('B801200005001')).toBe(false);
  });

  it('names the expected check letter when it is wrong', () => {
    expect(validateUpn('C801200005001')).toBe('check letter should be B, not C');
  });

  it('gives reasons for malformed values', () => {
    expect(validateUpn('B80120000500')).toBe('must be 13 characters');
    expect(validateUpn('I801200005001')).toMatch(/^must start with a check letter/);
    expect(validateUpn('b801200005001')).toMatch(/^must start with a check letter/);
    expect(validateUpn('B8012000X5001')).toBe('characters 2 to 12 must be digits');
    expect(validateUpn('B80120000500O')).toMatch(/^must end with a digit or a letter/);
  });

  it('makes permanent UPNs from their parts', () => {
    const upn = makeUpn({ laNumber: 801, establishmentNumber: 2000, year: 5, serial: 1 });
    expect(upn).toBe('B801200005001');
    expect(makeUpn({ laNumber: '801', establishmentNumber: '2000', year: 2005, serial: 1 })).toBe(upn);
    expect(() => makeUpn({ laNumber: 8860, establishmentNumber: 2000, year: 5, serial: 1 })).toThrow(RangeError);
    expect(() => makeUpn({ laNumber: 886, establishmentNumber: 2000, year: 5, serial: 1000 })).toThrow(RangeError);
  });

  it('handles temporary UPNs, whose last character is a letter', () => {
    const temp = makeTemporaryUpn({ laNumber: 886, establishmentNumber: 2041, year: 26, serial: 50 });
    // 50 = 2 * 23 + 4: digits "02", letter E.
    expect(temp.slice(1)).toBe('88620412602E');
    expect(isValidUpn(temp)).toBe(true);
    expect(isTemporaryUpn(temp)).toBe(true);
    const wrong = withLetter(temp, UPN_ALPHABET[(UPN_ALPHABET.indexOf(temp[0]!) + 1) % 23]!);
    expect(validateUpn(wrong)).toBe(`check letter should be ${temp[0]}, not ${wrong[0]}`);
    expect(isTemporaryUpn(wrong)).toBe(false);
  });

  it('counts a final letter as its index in the alphabet, weighted 13', () => {
    // Changing the last letter from A (0) to B (1) adds 13 to the sum.
    const a = upnCheckLetter('88620412602A');
    const b = upnCheckLetter('88620412602B');
    expect(UPN_ALPHABET.indexOf(b)).toBe((UPN_ALPHABET.indexOf(a) + 13) % 23);
  });

  for (const letter of ['Y', 'Z']) {
    it(`accepts UPNs whose check letter is ${letter} and rejects them with any other letter`, () => {
      const permanent = findUpnWithCheckLetter(
        letter,
        (serial) => makeUpn({ laNumber: 886, establishmentNumber: 2001, year: 19, serial }),
        999,
      );
      const temporary = findUpnWithCheckLetter(
        letter,
        (serial) => makeTemporaryUpn({ laNumber: 886, establishmentNumber: 2001, year: 19, serial }),
        2299,
      );
      for (const upn of [permanent, temporary]) {
        expect(upn[0]).toBe(letter);
        expect(validateUpn(upn)).toBeNull();
        for (const other of UPN_ALPHABET.replace(letter, '')) {
          expect(validateUpn(withLetter(upn, other))).toBe(`check letter should be ${letter}, not ${other}`);
        }
      }
      expect(isTemporaryUpn(temporary)).toBe(true);
    });
  }

  it('produces every check letter over a range of serials', () => {
    const letters = new Set<string>();
    for (let serial = 0; serial < 1000; serial++) {
      letters.add(makeUpn({ laNumber: 886, establishmentNumber: 4012, year: 22, serial })[0]!);
    }
    expect([...letters].sort().join('')).toBe(UPN_ALPHABET);
  });
});
