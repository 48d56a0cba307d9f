/** Sends the local audit log's new entries to the server, in order, batch by batch. */
import { API, type AuditBatch } from '../core/sync/protocol.ts';
import { markAuditSent, unsentAudit } from './audit-log.ts';
import type { RelaisDb } from './db.ts';

export async function deliverAudit(database: RelaisDb, baseUrl = ''): Promise<number> {
  let sent = 0;
  for (;;) {
    const batch = await unsentAudit(database);
    if (batch.length === 0) return sent;
    const body: AuditBatch = { events: batch.map((b) => b.event) };
    const res = await fetch(baseUrl + API.audit, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), cache: 'no-store' });
    if (!res.ok) throw new Error(`audit delivery answered ${res.status}`);
    await markAuditSent(database, batch[batch.length - 1]!.seq);
    sent += batch.length;
  }
}
