import { describe, expect, it } from 'vitest';
import {
  BANK_HOLIDAYS_ENGLAND,
  OutsideCalendarError,
  addWorkingDays,
  bankHolidayName,
  calendarDays,
  dateInEngland,
  isWorkingDay,
  responseClock,
  startOfDayInEngland,
  workingDayNumber,
  workingDaysBetween,
  workingDaysToRespond,
} from './index.js';

// Every expectation here was worked out by hand from a wall calendar and the GOV.UK list.
const at = (iso: string) => new Date(iso);

describe('the 2-working-day locality response clock', () => {
  it('a request on a Friday afternoon is due by the end of Tuesday', () => {
    // Friday 20 November 2026, 15:30 GMT.
    const clock = responseClock(at('2026-11-20T15:30:00Z'));
    expect(clock.dayZero).toBe('2026-11-20');
    expect(clock.countsFrom).toEqual(at('2026-11-20T15:30:00Z'));
    expect(clock.dueDate).toBe('2026-11-24');
    expect(clock.dueAt).toEqual(at('2026-11-25T00:00:00Z'));
    expect(workingDaysToRespond(at('2026-11-20T15:30:00Z'), at('2026-11-20T16:00:00Z'))).toBe(0);
    expect(workingDaysToRespond(at('2026-11-20T15:30:00Z'), at('2026-11-23T09:00:00Z'))).toBe(1);
    expect(workingDaysToRespond(at('2026-11-20T15:30:00Z'), at('2026-11-24T23:59:00Z'))).toBe(2);
    expect(workingDaysToRespond(at('2026-11-20T15:30:00Z'), at('2026-11-25T08:00:00Z'))).toBe(3);
    // A reply on the Saturday counts as made on the Monday.
    expect(workingDaysToRespond(at('2026-11-20T15:30:00Z'), at('2026-11-21T10:00:00Z'))).toBe(1);
  });

  it('the end of a Friday is Friday in London, in winter and in summer', () => {
    expect(responseClock(at('2026-11-20T23:59:59Z')).dayZero).toBe('2026-11-20');
    expect(responseClock(at('2026-11-21T00:00:00Z')).dayZero).toBe('2026-11-23');
    // Friday 26 June 2026 at 23:30 UTC is already Saturday 00:30 BST.
    expect(responseClock(at('2026-06-26T22:59:00Z')).dayZero).toBe('2026-06-26');
    expect(responseClock(at('2026-06-26T23:30:00Z')).dayZero).toBe('2026-06-29');
  });

  it('a request received on a Saturday counts from the start of Monday', () => {
    const clock = responseClock(at('2026-11-21T11:00:00Z'));
    expect(clock).toEqual({ dayZero: '2026-11-23', countsFrom: at('2026-11-23T00:00:00Z'), dueDate: '2026-11-25', dueAt: at('2026-11-26T00:00:00Z') });
    expect(workingDaysToRespond(at('2026-11-21T11:00:00Z'), at('2026-11-22T11:00:00Z'))).toBe(0);
  });

  it('over Easter: Good Friday and Easter Monday are not working days', () => {
    // Thursday 2 April 2026 at 16:00 BST; Good Friday 3 April, Easter Monday 6 April.
    const thursday = responseClock(at('2026-04-02T15:00:00Z'));
    expect(thursday.dueDate).toBe('2026-04-08');
    expect(thursday.dueAt).toEqual(at('2026-04-08T23:00:00Z'));
    expect(workingDaysToRespond(at('2026-04-02T15:00:00Z'), at('2026-04-07T10:00:00Z'))).toBe(1);
    // Easter 2025: Thursday 17 April, due Wednesday 23 April.
    expect(responseClock(at('2025-04-17T09:00:00Z')).dueDate).toBe('2025-04-23');
  });

  it('on a bank holiday itself: counts from the start of the next working day', () => {
    // Good Friday 2026, 10:00 BST: day 0 is Tuesday 7 April, from midnight BST.
    const goodFriday = responseClock(at('2026-04-03T09:00:00Z'));
    expect(goodFriday).toEqual({ dayZero: '2026-04-07', countsFrom: at('2026-04-06T23:00:00Z'), dueDate: '2026-04-09', dueAt: at('2026-04-09T23:00:00Z') });
    // Early May bank holiday, Monday 4 May 2026.
    expect(responseClock(at('2026-05-04T08:00:00Z')).dueDate).toBe('2026-05-07');
    // The State Funeral, Monday 19 September 2022, a one-off.
    expect(responseClock(at('2022-09-19T12:00:00Z')).dueDate).toBe('2022-09-22');
  });

  it('over Christmas and the substitute days', () => {
    // 2026: Christmas Day Friday 25, Boxing Day (substitute) Monday 28.
    expect(responseClock(at('2026-12-24T14:00:00Z')).dueDate).toBe('2026-12-30');
    expect(responseClock(at('2026-12-25T10:00:00Z'))).toMatchObject({ dayZero: '2026-12-29', dueDate: '2026-12-31', dueAt: at('2027-01-01T00:00:00Z') });
    // 2027: Christmas on a Saturday, both substitute days Monday 27 and Tuesday 28.
    expect(responseClock(at('2027-12-24T10:00:00Z')).dueDate).toBe('2027-12-30');
    expect(responseClock(at('2027-12-29T10:00:00Z')).dueDate).toBe('2027-12-31');
    expect(workingDaysBetween('2026-12-24', '2026-12-31')).toBe(3);
  });

  it('a date outside the calendar is an error, never a guess', () => {
    // 30 December 2027 + 2 working days falls in 2028, whose bank holidays are not listed.
    expect(() => responseClock(at('2027-12-30T10:00:00Z'))).toThrow(OutsideCalendarError);
    expect(() => responseClock(at('2027-12-30T10:00:00Z'))).toThrow(/2028-.* is outside the working-day calendar \(2019 to 2027\)/);
    expect(() => responseClock(at('2018-12-31T10:00:00Z'))).toThrow(OutsideCalendarError);
    expect(() => isWorkingDay('2030-06-03')).toThrow(OutsideCalendarError);
    expect(() => workingDaysBetween('2026-01-05', '2028-01-05')).toThrow(OutsideCalendarError);
    expect(() => isWorkingDay('2026-02-30')).toThrow(/not a date/);
    expect(() => responseClock(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('working-day arithmetic', () => {
  it('adds working days over weekends and bank holidays', () => {
    expect(addWorkingDays('2026-11-20', 0)).toBe('2026-11-20');
    expect(addWorkingDays('2026-11-20', 1)).toBe('2026-11-23');
    expect(addWorkingDays('2022-09-16', 1)).toBe('2022-09-20');
    expect(addWorkingDays('2026-11-21', 1)).toBe('2026-11-23');
    expect(() => addWorkingDays('2026-11-20', -1)).toThrow(RangeError);
  });

  it('counts working days between two dates', () => {
    expect(workingDaysBetween('2026-11-20', '2026-11-20')).toBe(0);
    expect(workingDaysBetween('2026-11-20', '2026-11-23')).toBe(1);
    expect(workingDaysBetween('2026-11-23', '2026-11-20')).toBe(-1);
    // 2026: 365 days, 104 weekend days, 8 bank holidays on weekdays.
    expect(workingDayNumber('2026-12-31') - workingDayNumber('2025-12-31')).toBe(253);
    // 2020, a leap year starting on a Wednesday: 366 − 104 − 8.
    expect(workingDayNumber('2020-12-31') - workingDayNumber('2019-12-31')).toBe(254);
  });

  it('keeps every published bank holiday, and only those', () => {
    expect(Object.keys(BANK_HOLIDAYS_ENGLAND)).toEqual(['2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026', '2027']);
    expect(Object.values(BANK_HOLIDAYS_ENGLAND).map((days) => days.length)).toEqual([8, 8, 8, 10, 9, 8, 8, 8, 8]);
    expect(bankHolidayName('2023-05-08')).toBe('Bank holiday for the coronation of King Charles III');
    expect(bankHolidayName('2023-05-09')).toBeNull();
    const days = calendarDays();
    expect(days).toHaveLength(365 * 9 + 2);
    expect(days.filter((d) => d.bankHoliday).length).toBe(75);
    expect(days.find((d) => d.day === '2026-11-24')).toEqual({ day: '2026-11-24', working: true, workingDayNumber: workingDayNumber('2026-11-24'), bankHoliday: null });
  });

  it('knows the date and midnight in England', () => {
    expect(dateInEngland(at('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(dateInEngland(at('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
    expect(startOfDayInEngland('2026-07-01')).toEqual(at('2026-06-30T23:00:00Z'));
    expect(startOfDayInEngland('2026-03-29')).toEqual(at('2026-03-29T00:00:00Z'));
    expect(startOfDayInEngland('2026-03-30')).toEqual(at('2026-03-29T23:00:00Z'));
  });
});
