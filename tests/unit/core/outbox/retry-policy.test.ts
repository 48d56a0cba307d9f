import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter, retryDelay } from '../../../../src/core/outbox/retry-policy.ts';

const policy = { baseMs: 1000, capMs: 60_000 };

describe('retry policy', () => {
  it('the ceiling doubles with each failure and stops at the cap', () => {
    const top = (n: number) => backoffDelay(n, () => 0.999999, policy);
    expect([1, 2, 3, 4].map(top)).toEqual([999, 1999, 3999, 7999]);
    expect(top(20)).toBe(59_999);
  });

  it('jitter spreads delays over the whole window but never to zero', () => {
    expect(backoffDelay(5, () => 0, policy)).toBe(250);
    expect(backoffDelay(5, () => 0.5, policy)).toBe(8000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it('never comes back sooner than the server asked', () => {
    expect(retryDelay(1, 30_000, () => 0.1, policy)).toBe(30_000);
    expect(retryDelay(6, 1_000, () => 0.999999, policy)).toBe(31_999);
  });
});
