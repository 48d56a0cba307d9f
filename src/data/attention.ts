/**
 * The supervisor's actions on refused applications (core/outbox/attention.ts): hand one back
 * to an agent, take a hand-back back, or discard one with a reason. Each is one
 * strict-durability transaction with its audit line, and only moves an item that is still
 * in the state the screen showed (another tab or the sync may have moved it).
 */
import { cleanDiscardNote, type DiscardReason } from '../core/outbox/attention.ts';
import { discard, handBack, withdrawHandBack } from '../core/outbox/state-machine.ts';
import type { OutboxItem, OutboxStatus } from '../core/outbox/types.ts';
import type { AuditAction } from '../core/sync/protocol.ts';
import { appendAudit } from './audit-log.ts';
import type { RelaisDb } from './db.ts';

async function move(
  database: RelaisDb,
  id: string,
  expected: OutboxStatus,
  next: (item: OutboxItem) => OutboxItem,
  audit: { actor: string; action: AuditAction; reason?: string; note?: string },
): Promise<boolean> {
  return database.transaction('rw', [database.outbox, database.audit, database.meta], async () => {
    const item = await database.outbox.get(id);
    if (!item || item.status !== expected) return false;
    await database.outbox.put(next(item));
    await appendAudit(database, { ...audit, applicationId: id, serviceId: item.request.serviceId });
    return true;
  });
}

export const handBackRejected = (database: RelaisDb, id: string, by: string) =>
  move(database, id, 'needs-attention', (item) => handBack(item, by, Date.now()), { actor: by, action: 'handed-back' });

/** Back to "needs attention" (e.g. the citizen will not come back), audited as the hand-back withdrawn. */
export const withdrawHandBackOf = (database: RelaisDb, id: string, by: string) =>
  move(database, id, 'handed-back', withdrawHandBack, { actor: by, action: 'handed-back', reason: 'withdrawn' });

export function discardRejected(database: RelaisDb, id: string, by: string, reason: DiscardReason, noteText = ''): Promise<boolean> {
  const note = cleanDiscardNote(noteText);
  const discarded = { by, at: Date.now(), reason, ...(note ? { note } : {}) };
  return move(database, id, 'needs-attention', (item) => discard(item, discarded), { actor: by, action: 'discarded', reason, ...(note ? { note } : {}) });
}

/** Applications a person must act on: refused, or handed back and waiting for an agent; oldest first. */
export async function attentionItems(database: RelaisDb): Promise<OutboxItem[]> {
  const items = await database.outbox.where('status').anyOf('needs-attention', 'handed-back').toArray();
  return items.sort((a, b) => a.queuedAt - b.queuedAt);
}

export async function handedBackItems(database: RelaisDb): Promise<OutboxItem[]> {
  return (await attentionItems(database)).filter((item) => item.status === 'handed-back');
}
