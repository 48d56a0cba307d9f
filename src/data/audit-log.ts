/**
 * The terminal's append-only audit log (DESIGN §5): who did what to which application,
 * when — ids and codes only, never answers. Entries are never changed or removed here;
 * the sync sends those after the last sequence number the server acknowledged.
 */
import type { AuditAction, AuditEvent } from '../core/sync/protocol.ts';
import type { RelaisDb } from './db.ts';
import { getMeta, setMeta, terminalId } from './meta.ts';

export async function appendAudit(
  database: RelaisDb,
  entry: { actor: string; action: AuditAction; applicationId: string | null; serviceId?: string; reason?: string; note?: string },
): Promise<void> {
  const event: AuditEvent = {
    id: crypto.randomUUID(),
    at: new Date().toISOString(),
    terminalId: await terminalId(database),
    actor: entry.actor,
    action: entry.action,
    applicationId: entry.applicationId,
    ...(entry.serviceId ? { serviceId: entry.serviceId } : {}),
    ...(entry.reason ? { reason: entry.reason } : {}),
    ...(entry.note ? { note: entry.note } : {}),
  };
  await database.audit.add({ event });
}

const SENT = 'auditSentSeq';

/** Events the server has not acknowledged yet, oldest first, at most `limit`. */
export async function unsentAudit(database: RelaisDb, limit = 200): Promise<Array<{ seq: number; event: AuditEvent }>> {
  const after = (await getMeta<number>(database, SENT)) ?? 0;
  const rows = await database.audit.where('seq').above(after).limit(limit).toArray();
  return rows.map((r) => ({ seq: r.seq!, event: r.event }));
}

export async function markAuditSent(database: RelaisDb, seq: number): Promise<void> {
  await setMeta(database, SENT, seq);
}
