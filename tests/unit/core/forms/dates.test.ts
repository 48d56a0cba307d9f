import { describe, expect, it } from 'vitest';
import { isIsoDate, isoDateIn } from '../../../../src/core/forms/dates.ts';

describe('isIsoDate', () => {
  it.each(['2024-02-29', '2000-02-29', '1900-01-01', '2025-12-31'])('accepts %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });
  it.each(['1900-02-29', '2025-00-10', '2025-06-31', '2025-6-1', '2025-06-01T00:00', 'today', 20250601])('rejects %j', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

describe('isoDateIn', () => {
  it('gives the civil date in Morocco, not in UTC', () => {
    // 23:30 UTC on 14 June 2025 is already 15 June in Casablanca (UTC+1 outside Ramadan).
    expect(isoDateIn(new Date('2025-06-14T23:30:00Z'))).toBe('2025-06-15');
    expect(isoDateIn(new Date('2025-06-14T23:30:00Z'), 'UTC')).toBe('2025-06-14');
  });

  it('follows the Ramadan switch to UTC+0', () => {
    // Ramadan 1446 ran through March 2025: Morocco was on UTC+0, so 23:30 UTC is still the 14th.
    expect(isoDateIn(new Date('2025-03-14T23:30:00Z'))).toBe('2025-03-14');
  });
});
