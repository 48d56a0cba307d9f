/** The outbox on Dexie: implements core's OutboxStore and the writes the UI makes. */
import Dexie from 'dexie';
import type { OutboxStore } from '../core/outbox/outbox-store.ts';
import type { OutboxItem, OutboxStatus } from '../core/outbox/types.ts';
import type { RelaisDb } from './db.ts';
import { appendAudit } from './audit-log.ts';

export function outboxStore(database: RelaisDb): OutboxStore {
  return {
    async due(now, limit) {
      return database.outbox
        .where('[status+nextAttemptAt]')
        .between(['queued', Dexie.minKey], ['queued', now], true, true)
        .limit(limit)
        .toArray();
    },
    async nextDueAt() {
      const first = await database.outbox
        .where('[status+nextAttemptAt]')
        .between(['queued', Dexie.minKey], ['queued', Dexie.maxKey], true, true)
        .first();
      return first ? first.nextAttemptAt : null;
    },
    async interrupted() {
      return database.outbox.where('status').equals('sending').toArray();
    },
    async replace(next, expected) {
      return database.transaction('rw', [database.outbox, database.audit, database.meta], async () => {
        const current = await database.outbox.get(next.id);
        if (!current || current.status !== expected) return false;
        await database.outbox.put(next);
        if (next.status === 'delivered' || next.status === 'needs-attention') {
          const action = next.status === 'delivered' ? 'delivered' : 'rejected';
          await appendAudit(database, { actor: 'terminal', action, applicationId: next.id, serviceId: next.request.serviceId });
        }
        return true;
      });
    },
  };
}

export async function countByStatus(database: RelaisDb): Promise<Record<OutboxStatus, number>> {
  const statuses: OutboxStatus[] = ['queued', 'sending', 'delivered', 'needs-attention', 'handed-back', 'discarded', 'replaced'];
  const counts = await Promise.all(statuses.map((s) => database.outbox.where('status').equals(s).count()));
  return Object.fromEntries(statuses.map((s, i) => [s, counts[i] ?? 0])) as Record<OutboxStatus, number>;
}

export type { OutboxItem };
