/**
 * Heartbeats (issue 5): with each sync a terminal tells the server how it is doing, so
 * the relay's supervisor sees every terminal — its queue, its storage, its versions — from
 * any of them. Counts and versions only: never an application or anything personal.
 */
export const HEARTBEAT_PATH = '/api/terminal/heartbeat';

export interface Heartbeat {
  queued: number;
  sending: number;
  needsAttention: number;
  delivered: number;
  /** When the oldest application still waiting was queued (ISO 8601), or null. */
  oldestQueuedAt: string | null;
  storageUsed: number | null; // bytes, from navigator.storage.estimate()
  storageQuota: number | null;
  persisted: boolean | null; // navigator.storage.persisted()
  appVersion: string;
  catalogVersion: number | null;
  /** The last sync pass that reached the server (ISO 8601), or null. */
  lastSyncAt: string | null;
}

const MAX_COUNT = 10_000_000;
const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_COUNT;
const isBytes = (v: unknown) => v === null || (Number.isFinite(v) && (v as number) >= 0 && (v as number) <= 2 ** 53);
const isInstant = (v: unknown) => v === null || (typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v)) && /^\d{4}-\d\d-\d\dT/.test(v));

/** The heartbeat, with only its own members, or the first thing wrong with it. */
export function checkHeartbeat(body: unknown): { ok: true; heartbeat: Heartbeat } | { ok: false; detail: string } {
  const b = body as Partial<Record<keyof Heartbeat, unknown>> | null;
  if (!b || typeof b !== 'object' || Array.isArray(b)) return { ok: false, detail: 'the body must be an object' };
  for (const key of ['queued', 'sending', 'needsAttention', 'delivered'] as const) if (!isCount(b[key])) return { ok: false, detail: `${key} must be a whole number ≥ 0` };
  for (const key of ['storageUsed', 'storageQuota'] as const) if (!isBytes(b[key])) return { ok: false, detail: `${key} must be a number of bytes or null` };
  for (const key of ['oldestQueuedAt', 'lastSyncAt'] as const) if (!isInstant(b[key])) return { ok: false, detail: `${key} must be an ISO 8601 date-time or null` };
  if (b.persisted !== null && typeof b.persisted !== 'boolean') return { ok: false, detail: 'persisted must be true, false or null' };
  if (typeof b.appVersion !== 'string' || !/^[\w.+-]{1,40}$/.test(b.appVersion)) return { ok: false, detail: 'appVersion must be a version string' };
  if (b.catalogVersion !== null && !isCount(b.catalogVersion)) return { ok: false, detail: 'catalogVersion must be a whole number or null' };
  const h = b as Heartbeat;
  return {
    ok: true,
    heartbeat: {
      queued: h.queued, sending: h.sending, needsAttention: h.needsAttention, delivered: h.delivered, oldestQueuedAt: h.oldestQueuedAt,
      storageUsed: h.storageUsed, storageQuota: h.storageQuota, persisted: h.persisted, appVersion: h.appVersion, catalogVersion: h.catalogVersion, lastSyncAt: h.lastSyncAt,
    },
  };
}

/** A terminal is stale when its last heartbeat is older than the relay's threshold (or it never sent one). */
export function isStale(heartbeatAt: string | null, staleAfterMinutes: number, now: number): boolean {
  return heartbeatAt === null || now - Date.parse(heartbeatAt) > staleAfterMinutes * 60_000;
}
