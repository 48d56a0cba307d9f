/**
 * The figures a terminal computes from its own outbox when the server cannot be reached
 * (core/figures/figures.ts): the same shape and the same rules as the server's — days in
 * the terminal's time zone, delivery-time bins, percentiles as PostgreSQL's
 * percentile_cont, what waits counted whenever it was submitted.
 */
import { describe, expect, it } from 'vitest';
import { bucketOf, localDay, percentile, periodDays, summarize, type ApplicationRecord } from '../../../src/core/figures/figures.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-03-10T10:00:00Z');

describe('figures: pieces', () => {
  it('bins delivery times: under a minute, an hour, a day, a week, and longer', () => {
    expect([0, 59_999, 60_000, HOUR - 1, HOUR, DAY - 1, DAY, 7 * DAY - 1, 7 * DAY, 400 * DAY].map(bucketOf)).toEqual(['minute', 'minute', 'hour', 'hour', 'day', 'day', 'week', 'week', 'more', 'more']);
  });

  it('interpolates percentiles between ranks, as percentile_cont', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([1, 2, 10], 0.5)).toBe(2);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBe(90);
    expect(percentile([20, 600, 18_000, 259_200, 1_036_800], 0.9)).toBeCloseTo(259_200 + 0.6 * (1_036_800 - 259_200));
  });

  it('finds the calendar day in a time zone, and lists a period across month and year ends', () => {
    expect(localDay(Date.parse('2026-03-01T23:30:00Z'), 'UTC')).toBe('2026-03-01');
    expect(localDay(Date.parse('2026-03-01T23:30:00Z'), 'Asia/Tokyo')).toBe('2026-03-02');
    expect(localDay(Date.parse('2026-07-01T23:30:00Z'), 'Africa/Casablanca')).toBe('2026-07-02'); // UTC+1 outside Ramadan
    expect(periodDays('2026-03-02', 4)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(periodDays('2027-01-01', 2)).toEqual(['2026-12-31', '2027-01-01']);
    expect(periodDays('2026-03-30', 90)).toHaveLength(90);
  });
});

describe("figures: this terminal's outbox", () => {
  const record = (serviceId: string, language: string, daysAgo: number, status: ApplicationRecord['status'], deliveryMs?: number): ApplicationRecord => ({
    serviceId, language, submittedAt: NOW - daysAgo * DAY, status, ...(deliveryMs === undefined ? {} : { deliveryMs }),
  });
  const records = [
    record('residence-certificate', 'ar', 0, 'delivered', 30_000),
    record('residence-certificate', 'fr', 0, 'delivered', 20 * MIN),
    record('life-certificate', 'shi-Latn', 1, 'delivered', 2 * DAY),
    record('residence-certificate', 'ar', 2, 'waiting'),
    record('life-certificate', 'ar', 3, 'needs-attention'),
    record('life-certificate', 'ar', 6, 'waiting'),
    record('residence-certificate', 'ar', 20, 'delivered', 9 * DAY), // outside 7 days
    record('residence-certificate', 'fr', 45, 'waiting'), // outside 30 days, still waiting
    record('residence-certificate', 'ar', 5, 'closed'), // refused, then discarded: submitted all the same
  ];

  it('counts a week per service, day and language; what waits whenever submitted; bins and median of the delivered', () => {
    const week = summarize(records, { days: 7, timeZone: 'UTC', now: NOW });
    expect(week).toMatchObject({ scope: 'terminal', days: 7, timeZone: 'UTC', firstDay: '2026-03-04', lastDay: '2026-03-10', total: 7 });
    expect(week.byService).toEqual([{ key: 'residence-certificate', count: 4 }, { key: 'life-certificate', count: 3 }]);
    expect(week.byLanguage).toEqual([{ key: 'ar', count: 5 }, { key: 'fr', count: 1 }, { key: 'shi-Latn', count: 1 }]);
    expect(week.byDay).toEqual([
      { key: '2026-03-04', count: 1 }, { key: '2026-03-05', count: 1 }, { key: '2026-03-06', count: 0 }, { key: '2026-03-07', count: 1 },
      { key: '2026-03-08', count: 1 }, { key: '2026-03-09', count: 1 }, { key: '2026-03-10', count: 2 },
    ]);
    expect(week.status).toEqual({ delivered: 3, queued: 3, needsAttention: 1 });
    expect(week.delivery).toEqual({
      count: 3,
      buckets: [{ key: 'minute', count: 1 }, { key: 'hour', count: 1 }, { key: 'day', count: 0 }, { key: 'week', count: 1 }, { key: 'more', count: 0 }],
      medianMs: 20 * MIN,
      p90Ms: 20 * MIN + 0.8 * (2 * DAY - 20 * MIN),
    });
  });

  it('a month takes in the older delivery; nothing at all gives zeros and no median', () => {
    const month = summarize(records, { days: 30, timeZone: 'UTC', now: NOW });
    expect([month.total, month.status.delivered, month.delivery.buckets.at(-1)]).toEqual([8, 4, { key: 'more', count: 1 }]);
    const none = summarize([], { days: 7, timeZone: 'Africa/Casablanca', now: NOW });
    expect([none.total, none.byService, none.delivery.medianMs, none.byDay.length, none.byDay.every((d) => d.count === 0)]).toEqual([0, [], null, 7, true]);
  });

  it('puts an application on its day in the terminal’s time zone, and a delivered one without a time is counted but not timed', () => {
    const late = { serviceId: 's', language: 'ar', submittedAt: Date.parse('2026-03-09T23:30:00Z'), status: 'delivered' as const };
    expect(summarize([late], { days: 2, timeZone: 'UTC', now: NOW }).byDay).toEqual([{ key: '2026-03-09', count: 1 }, { key: '2026-03-10', count: 0 }]);
    const tokyo = summarize([late], { days: 2, timeZone: 'Asia/Tokyo', now: NOW });
    expect(tokyo.byDay).toEqual([{ key: '2026-03-09', count: 0 }, { key: '2026-03-10', count: 1 }]);
    expect([tokyo.status.delivered, tokyo.delivery.count, tokyo.delivery.medianMs]).toEqual([1, 0, null]);
  });
});
