/**
 * GET /api/relay/figures?days=30&tz=Africa/Casablanca (supervisor session): the relay's
 * figures (core/figures/figures.ts). `days` is a whole number from 1 to 366 (30 when
 * absent); `tz` an IANA time zone the store knows (UTC when absent), which decides where
 * each day starts. Anything else in them is a 400 'invalid-request' saying which.
 */
import type { Context, Handler } from 'hono';
import { MAX_FIGURE_DAYS } from '../../src/core/figures/figures.ts';
import { requestTerminal } from '../http/device-auth.ts';
import { problemResponse } from '../http/reply.ts';
import { knownTimeZone, relayFigures } from '../figures/relay-figures.ts';
import { supervisorOf, type TerminalRouteOptions } from './terminals.ts';

const NO_STORE = { 'Cache-Control': 'no-store' };
const DEFAULT_DAYS = 30;
const TIME_ZONE = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;

/** The one value of a query parameter, undefined when absent, null when repeated. */
function single(c: Context, name: string): string | undefined | null {
  const values = c.req.queries(name);
  if (!values) return undefined;
  return values.length === 1 ? values[0]! : null;
}

async function checkQuery(c: Context, db: TerminalRouteOptions['db']): Promise<{ days: number; timeZone: string } | string> {
  const days = single(c, 'days');
  const tz = single(c, 'tz');
  if (days === null || (days !== undefined && !(/^\d{1,3}$/.test(days) && Number(days) >= 1 && Number(days) <= MAX_FIGURE_DAYS))) {
    return `days must be a whole number of days from 1 to ${MAX_FIGURE_DAYS}`;
  }
  if (tz === null || (tz !== undefined && !(TIME_ZONE.test(tz) && (await knownTimeZone(db, tz))))) return 'tz must be an IANA time zone such as Africa/Casablanca';
  return { days: days === undefined ? DEFAULT_DAYS : Number(days), timeZone: tz ?? 'UTC' };
}

export function figuresRoute({ db, relay }: TerminalRouteOptions): Handler {
  return async (c) => {
    const { relayId } = requestTerminal(c);
    const supervisor = await supervisorOf(c, db, relay);
    if (supervisor instanceof Response) return supervisor;
    const query = await checkQuery(c, db);
    if (typeof query === 'string') return problemResponse(400, 'invalid-request', { detail: query }, NO_STORE);
    return c.json(await relayFigures(db, { relayId, ...query }), 200, NO_STORE);
  };
}
