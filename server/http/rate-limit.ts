/**
 * Rate limiting per terminal (DESIGN §5 hardening): a token bucket per key, in memory.
 * The key is the terminal whose device token the request carried (http/device-auth.ts),
 * or the client address for requests without a valid token (enrollment, refused calls),
 * so a runaway kiosk, or someone guessing tokens or PINs, cannot flood the API.
 * With several API nodes each keeps its own buckets (a terminal gets N × the limit).
 *
 * Direct requests from this machine (loopback, no proxy header) are not limited unless
 * asked: they are the operator's tools and the test and bench harnesses, which send
 * thousands of applications from one terminal id on purpose.
 */
import type { Context } from 'hono';
import { problemResponse } from './reply.ts';

export interface RateLimitOptions {
  /** Requests per minute per key, also the burst a quiet key may spend at once. */
  perMinute: number;
  /** Limit loopback requests too (RATE_LIMIT_LOOPBACK=1; tests of the limit itself). */
  limitLoopback?: boolean;
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets beyond this many are pruned (full ones first): made-up ids cannot fill memory. */
const MAX_BUCKETS = 50_000;

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(private readonly capacity: number) {
    this.perMs = capacity / 60_000;
  }

  /** Takes a token for `key`: 0 when granted, else the milliseconds until one is free. */
  take(key: string, now: number): number {
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    this.buckets.delete(key); // re-inserted last: the Map's order is least recently used first
    this.buckets.set(key, bucket);
    if (this.buckets.size > MAX_BUCKETS) this.prune(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / this.perMs);
  }

  private prune(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.capacity) this.buckets.delete(key);
    }
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= MAX_BUCKETS * 0.9) break;
      this.buckets.delete(key);
    }
  }
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

/** The peer's address from @hono/node-server's incoming request; absent under app.request(). */
export function clientAddress(c: Context): string | undefined {
  return (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
}

export interface RateLimiter {
  /** A 429 response when the key has no token left, else null (and a token is spent). */
  check(c: Context, terminalId?: unknown): Response | null;
}

export function rateLimiter(options: RateLimitOptions): RateLimiter {
  const buckets = new TokenBuckets(options.perMinute);
  const now = options.now ?? Date.now;
  return {
    check(c, terminalId) {
      const address = clientAddress(c);
      const direct = !PROXY_HEADERS.some((name) => c.req.header(name) !== undefined);
      if (!options.limitLoopback && address && LOOPBACK.test(address) && direct) return null;
      const key = typeof terminalId === 'string' && terminalId.length <= 200 ? `terminal:${terminalId}` : `address:${address ?? 'unknown'}`;
      const waitMs = buckets.take(key, now());
      if (waitMs === 0) return null;
      const seconds = String(Math.max(1, Math.ceil(waitMs / 1000)));
      return problemResponse(429, 'rate-limited', { detail: `retry after ${seconds} s` }, { 'Retry-After': seconds });
    },
  };
}

/** No limit (tests, RATE_LIMIT_PER_MINUTE=0). */
export const noRateLimit: RateLimiter = { check: () => null };
