/**
 * This terminal's heartbeat (core/sync/heartbeat.ts): its queue, storage and versions,
 * sent after each catalog refresh and every few minutes while online, for the relay's
 * dashboard. Best effort: a heartbeat that cannot be sent is simply skipped.
 */
import { HEARTBEAT_PATH, type Heartbeat } from '../core/sync/heartbeat.ts';
import type { RelaisDb } from './db.ts';
import { apiFetch, lastContactAt } from './enrollment.ts';
import { getMeta } from './meta.ts';
import { countByStatus } from './outbox-repo.ts';

export async function collectHeartbeat(database: RelaisDb): Promise<Heartbeat> {
  const counts = await countByStatus(database);
  const oldest = await database.outbox.where('status').equals('queued').sortBy('queuedAt');
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  const persisted = await navigator.storage?.persisted?.().catch(() => null);
  return {
    queued: counts.queued,
    sending: counts.sending,
    needsAttention: counts['needs-attention'] + counts['handed-back'], // a hand-back waits for an agent: still unresolved
    delivered: counts.delivered,
    oldestQueuedAt: oldest[0] ? new Date(oldest[0].queuedAt).toISOString() : null,
    storageUsed: estimate?.usage ?? null,
    storageQuota: estimate?.quota ?? null,
    persisted: persisted ?? null,
    appVersion: __APP_VERSION__,
    catalogVersion: (await getMeta<number>(database, 'catalogVersion')) ?? null,
    lastSyncAt: await lastContactAt(database),
  };
}

export async function sendHeartbeat(database: RelaisDb): Promise<boolean> {
  try {
    const heartbeat = await collectHeartbeat(database);
    const res = await apiFetch(database, HEARTBEAT_PATH, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(heartbeat) });
    return res.status === 204;
  } catch {
    return false; // offline: the next one will tell
  }
}
