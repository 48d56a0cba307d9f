/** Sends the local audit log's new entries to the server, in order, batch by batch. */
import { API, type AuditBatch } from '../core/sync/protocol.ts';
import { markAuditSent, unsentAudit } from './audit-log.ts';
import type { RelaisDb } from './db.ts';
import { apiFetch } from './enrollment.ts';
import { getMeta, setMeta } from './meta.ts';

export interface AuditRefusal {
  fromSeq: number;
  toSeq: number;
  status: number;
  at: string;
}

export async function deliverAudit(database: RelaisDb, baseUrl = ''): Promise<number> {
  let sent = 0;
  for (;;) {
    const batch = await unsentAudit(database);
    if (batch.length === 0) return sent;
    const body: AuditBatch = { events: batch.map((b) => b.event) };
    const res = await apiFetch(database, API.audit, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }, baseUrl);
    const last = batch[batch.length - 1]!.seq;
    // 401: this terminal's token was refused (not enrolled, revoked, expired), not the
    // batch: keep it for when a supervisor has enrolled the terminal again.
    if (res.status === 401) throw new Error('audit delivery needs an enrolled terminal');
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
      // Refused as malformed: sending the same batch again cannot succeed, and a stuck
      // cursor would hold back every later event. The entries stay in the local log and
      // the refusal is kept for the supervisor; the sync moves on.
      const refused = (await getMeta<AuditRefusal[]>(database, 'auditRefused')) ?? [];
      await setMeta(database, 'auditRefused', [...refused, { fromSeq: batch[0]!.seq, toSeq: last, status: res.status, at: new Date().toISOString() }]);
      console.warn(`audit events ${batch[0]!.seq}–${last} refused by the server (${res.status}); kept on this terminal`);
    } else if (!res.ok) {
      throw new Error(`audit delivery answered ${res.status}`);
    }
    await markAuditSent(database, last);
    sent += batch.length;
  }
}
