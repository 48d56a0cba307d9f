/**
 * Where an application is, for a tracking code scanned or typed at any kiosk (issue 6):
 * the server's answer when it can be reached (GET /api/submissions/:code, through
 * apiFetch so the device token goes with it), else what this terminal's outbox knows.
 * The answer always says which source it comes from, and why the server was not used.
 */
import { API, type TrackingState, type TrackingStatus } from '../core/sync/protocol.ts';
import type { OutboxItem } from '../core/outbox/types.ts';
import { normalizeTrackingCode } from '../core/ids/tracking-code.ts';
import type { RelaisDb } from './db.ts';
import { apiFetch } from './enrollment.ts';

/** Why the status does not come from the server. */
export type NotFromServer = 'offline' | 'not-on-server' | 'server-unavailable';

export type TrackLookup =
  | { source: 'server'; status: TrackingStatus; local: OutboxItem | undefined }
  | { source: 'terminal'; why: NotFromServer; item: OutboxItem; httpStatus?: number }
  | { source: 'none'; why: NotFromServer; httpStatus?: number };

const STATES: readonly TrackingState[] = ['received', 'processing', 'needs-information', 'done'];

function isTrackingStatus(body: unknown): body is TrackingStatus {
  const b = body as Partial<TrackingStatus> | null;
  return !!b && typeof b.trackingCode === 'string' && typeof b.serviceId === 'string' && STATES.includes(b.state as TrackingState) && typeof b.receivedAt === 'string' && typeof b.updatedAt === 'string';
}

/** The outbox item with this tracking code (the outbox is small: a few hundred at most). */
export function outboxItemByTrackingCode(database: RelaisDb, trackingCode: string): Promise<OutboxItem | undefined> {
  return database.outbox.filter((item) => item.trackingCode === trackingCode).first();
}

export async function lookUpTracking(database: RelaisDb, code: string, baseUrl = ''): Promise<TrackLookup> {
  const trackingCode = normalizeTrackingCode(code) ?? code;
  const local = () => outboxItemByTrackingCode(database, trackingCode);
  let why: NotFromServer;
  let httpStatus: number | undefined;
  try {
    const res = await apiFetch(database, `${API.submissions}/${encodeURIComponent(trackingCode)}`, { headers: { Accept: 'application/json' } }, baseUrl);
    const body: unknown = res.ok ? await res.json().catch(() => null) : null;
    if (res.ok && isTrackingStatus(body)) return { source: 'server', status: body, local: await local() };
    why = res.status === 404 ? 'not-on-server' : 'server-unavailable'; // 401 (not enrolled), 429, 5xx, a malformed body
    httpStatus = res.status;
  } catch {
    why = 'offline'; // fetch itself failed: no network
  }
  const item = await local();
  const extra = httpStatus === undefined ? {} : { httpStatus };
  return item ? { source: 'terminal', why, item, ...extra } : { source: 'none', why, ...extra };
}
