/**
 * Every API call but health and enrollment must carry an enrolled terminal's device
 * token (`Authorization: Bearer rlt_…`). The terminal it names is kept for the request,
 * and each call spends a token of that terminal's rate-limit bucket here, so routes only
 * record which terminal spoke. Refused calls are rate-limited by address, so guessing
 * tokens is slow as well as hopeless.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { API, DEVICE_TOKEN_PATTERN } from '../../src/core/sync/protocol.ts';
import type { Db } from '../store/db.ts';
import { checkDeviceToken, type Terminal, type TokenCheck } from '../terminals/terminal-store.ts';
import type { RateLimiter } from './rate-limit.ts';
import { problemResponse } from './reply.ts';

const OPEN_PATHS = new Set<string>([API.health, API.enroll]);
const terminals = new WeakMap<Request, Terminal>();

/** The bearer token of a request, when the header has the right shape. */
export function bearerToken(c: Context): string | undefined {
  return /^Bearer (\S+)$/.exec(c.req.header('authorization') ?? '')?.[1];
}

export function requireDevice(db: Db, limiter: RateLimiter): MiddlewareHandler {
  return async (c, next) => {
    if (OPEN_PATHS.has(c.req.path)) return next();
    const token = bearerToken(c);
    const check: TokenCheck = !token
      ? { ok: false, code: 'device-token-missing' }
      : !DEVICE_TOKEN_PATTERN.test(token)
        ? { ok: false, code: 'device-token-invalid' }
        : await checkDeviceToken(db, token);
    if (!check.ok) {
      const limited = limiter.check(c);
      if (limited) return limited;
      return problemResponse(401, check.code, undefined, { 'WWW-Authenticate': 'Bearer realm="relais"', 'Cache-Control': 'no-store' });
    }
    terminals.set(c.req.raw, check.terminal);
    // One bucket per terminal, spent here for every authenticated call, so no route forgets it.
    const limited = limiter.check(c, check.terminal.terminalId);
    if (limited) return limited;
    return next();
  };
}

/** The terminal whose token this request carried (only after requireDevice let it through). */
export function requestTerminal(c: Context): Terminal {
  const terminal = terminals.get(c.req.raw);
  if (!terminal) throw new Error(`${c.req.path} was reached without a device token check`);
  return terminal;
}
