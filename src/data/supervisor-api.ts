/**
 * The supervisor's server-side actions from the kiosk: a session opened with the PIN
 * (checked by the server), then the relay's terminals, listed and revoked. The session
 * token lives in memory only, with the signed-in supervisor.
 */
import { API, STAFF_HEADER, type Problem, type ProblemCode, type StaffSession, type TerminalSummary } from '../core/sync/protocol.ts';
import type { RelaisDb } from './db.ts';
import { apiFetch } from './enrollment.ts';

export type ApiResult<T> = { ok: true; value: T } | { ok: false; code: ProblemCode | 'offline' | 'unknown'; retryAfterSeconds?: number };

export async function call<T>(database: RelaisDb, path: string, init: RequestInit, expect: number): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await apiFetch(database, path, init);
  } catch {
    return { ok: false, code: 'offline' };
  }
  const body: unknown = res.status === 204 ? null : await res.json().catch(() => null);
  if (res.status === expect) return { ok: true, value: body as T };
  const retryAfter = Number(res.headers.get('Retry-After'));
  return { ok: false, code: (body as Partial<Problem> | null)?.code ?? 'unknown', ...(retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}) };
}

export const openStaffSession = (database: RelaisDb, staffId: string, pin: string) =>
  call<StaffSession>(database, API.staffSessions, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ staffId, pin }) }, 201);

export async function closeStaffSession(database: RelaisDb, session: StaffSession): Promise<void> {
  await call(database, API.staffSessions, { method: 'DELETE', headers: { [STAFF_HEADER]: session.token } }, 204);
}

export interface RelayTerminals {
  terminals: TerminalSummary[];
  /** Minutes without a heartbeat after which a terminal is shown as stale. */
  staleAfterMinutes: number;
  /** The catalog version the server publishes now (to see which terminals are behind). */
  catalogVersion: number;
}

export const relayTerminals = (database: RelaisDb, session: StaffSession): Promise<ApiResult<RelayTerminals>> =>
  call<RelayTerminals>(database, API.terminals, { headers: { [STAFF_HEADER]: session.token } }, 200);

export const revokeRelayTerminal = (database: RelaisDb, session: StaffSession, terminalId: string) =>
  call<{ terminalId: string; status: 'revoked' | 'already-revoked' }>(
    database,
    `${API.terminals}/${encodeURIComponent(terminalId)}/revoke`,
    { method: 'POST', headers: { [STAFF_HEADER]: session.token } },
    200,
  );
