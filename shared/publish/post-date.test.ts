import { describe, expect, test } from 'vitest';
import { parsePostDate, todayPostDate } from './post-date';

describe('parsePostDate', () => {
  test.each([
    ['2020-02-23', '2020-02-23'],
    ['2020-2-3', '2020-02-03'],
    ['2020-02-23 10:00:00 +0800', '2020-02-23'],
    ['2020-02-23T23:59:00Z', '2020-02-23'],
    [' 2020-02-29 ', '2020-02-29'],
  ])('%j is %s', (value, iso) => expect(parsePostDate(value).iso).toBe(iso));

  test.each([
    ['', /not a date like/],
    ['23/02/2020', /not a date like/],
    ['2020-02-23x', /not a date like/],
    ['yesterday', /not a date like/],
    ['2021-02-29', /not a day of the calendar/],
    ['2020-13-01', /not a day of the calendar/],
    ['2020-00-10', /not a day of the calendar/],
  ])('refuses %j', (value, message) => expect(() => parsePostDate(value)).toThrow(message));

  test('today is the UTC day', () => {
    expect(todayPostDate(new Date('2024-03-01T23:30:00Z'))).toEqual({ year: '2024', month: '03', day: '01', iso: '2024-03-01' });
  });
});
