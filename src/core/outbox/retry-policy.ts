/**
 * When to try again. Exponential backoff with full jitter (each delay drawn uniformly
 * from [0, min(cap, base·2^attempt)]) spreads a relay's terminals apart when the link
 * comes back, instead of having them all hit the server in the same second.
 * A server's Retry-After is a floor: we never come back sooner than it asked.
 */
export interface RetryPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 2_000, capMs: 10 * 60_000 };

/** Delay before attempt number `attempts + 1`, given `attempts` failures so far (>= 1). */
export function backoffDelay(attempts: number, random: () => number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  // Never zero: a loop that retries immediately on a dead link only burns battery.
  return Math.max(250, Math.floor(random() * ceiling));
}

/**
 * Parses a Retry-After header (RFC 9110 §10.2.3): delay-seconds or an HTTP-date.
 * Returns milliseconds from `nowMs`, or null when absent or unreadable.
 */
export function parseRetryAfter(header: string | null | undefined, nowMs: number): number | null {
  if (header == null) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}

export function retryDelay(
  attempts: number,
  retryAfterMs: number | null,
  random: () => number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): number {
  const backoff = backoffDelay(attempts, random, policy);
  return retryAfterMs == null ? backoff : Math.max(backoff, Math.min(retryAfterMs, policy.capMs * 6));
}
