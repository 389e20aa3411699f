import { describe, it, expect } from 'vitest';
import {
  formatIsoDate,
  isValidLaCode,
  isValidUrn,
  laCodeKind,
  validateIsoDate,
  validateLaCode,
  validateUrn,
} from './index.js';

describe('URN', () => {
  it('accepts 6-digit numbers from 100000 to 999999', () => {
    for (const urn of ['100000', '118532', '999999']) expect(validateUrn(urn)).toBeNull();
    expect(isValidUrn('136123')).toBe(true);
  });

  it('rejects other values', () => {
    expect(validateUrn('099999')).toBe('must be between 100000 and 999999');
    expect(validateUrn('12345')).toBe('must be 6 digits');
    expect(validateUrn('1234567')).toBe('must be 6 digits');
    expect(validateUrn('12a456')).toBe('must be 6 digits');
    expect(isValidUrn(' 118532')).toBe(false);
  });
});

describe('ONS local authority code', () => {
  it('knows Kent is a county', () => {
    expect(validateLaCode('E10000016')).toBeNull();
    expect(laCodeKind('E10000016')).toBe('COUNTY');
  });

  it('classifies English local authorities', () => {
    expect(laCodeKind('E06000035')).toBe('UNITARY'); // Medway
    expect(laCodeKind('E07000105')).toBe('DISTRICT'); // Ashford
    expect(laCodeKind('E08000025')).toBe('METROPOLITAN'); // Birmingham
    expect(laCodeKind('E09000033')).toBe('LONDON_BOROUGH'); // Westminster
  });

  it('accepts other nations by shape, with no English kind', () => {
    expect(isValidLaCode('W06000015')).toBe(true);
    expect(isValidLaCode('S12000036')).toBe(true);
    expect(laCodeKind('W06000015')).toBeNull();
  });

  it('rejects malformed and non-authority codes', () => {
    expect(validateLaCode('E1000001')).toBe('must be 9 characters');
    expect(validateLaCode('X10000016')).toBe('must be a letter (E, W, S or N) followed by 8 digits');
    expect(validateLaCode('e10000016')).toBe('must be a letter (E, W, S or N) followed by 8 digits');
    expect(validateLaCode('E12000008')).toMatch(/^E12 is not an English local authority code/);
    expect(laCodeKind('E12000008')).toBeNull();
    expect(laCodeKind('nonsense')).toBeNull();
  });
});

describe('ISO calendar date', () => {
  it('accepts real dates, including 29 February in leap years', () => {
    for (const date of ['2026-11-20', '2024-02-29', '2000-02-29', '1999-12-31']) {
      expect(validateIsoDate(date)).toBeNull();
    }
  });

  it('rejects dates that do not exist or are badly written', () => {
    expect(validateIsoDate('2026-02-30')).toBe('day must be 01 to 28 in 2026-02');
    expect(validateIsoDate('1900-02-29')).toBe('day must be 01 to 28 in 1900-02');
    expect(validateIsoDate('2026-04-31')).toBe('day must be 01 to 30 in 2026-04');
    expect(validateIsoDate('2026-13-01')).toBe('month must be 01 to 12');
    expect(validateIsoDate('2026-00-10')).toBe('month must be 01 to 12');
    expect(validateIsoDate('2026-11-00')).toBe('day must be 01 to 30 in 2026-11');
    expect(validateIsoDate('20/11/2026')).toBe('must be a date written yyyy-mm-dd');
    expect(validateIsoDate('2026-11-20T00:00:00Z')).toBe('must be a date written yyyy-mm-dd');
  });

  it('formats Dates by their UTC day', () => {
    expect(formatIsoDate(new Date('2026-11-20T23:30:00Z'))).toBe('2026-11-20');
    expect(formatIsoDate(new Date('2026-11-20T23:30:00-05:00'))).toBe('2026-11-21');
  });
});
