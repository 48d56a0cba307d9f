/** Writing audit lines: a kiosk's batch, and the events the server records itself. */
import { randomUUID } from 'node:crypto';
import type { AuditAction, AuditEvent } from '../../src/core/sync/protocol.ts';
import type { Queryable } from '../store/db.ts';

/** Stores the events not stored yet (by id) in one statement; returns how many were new. */
export async function storeAuditEvents(db: Queryable, events: AuditEvent[], receivedAt = new Date()): Promise<number> {
  if (events.length === 0) return 0;
  // One JSON parameter rather than 8 × 500 placeholders; the casts judge every value again.
  const rows = events.map((e) => ({
    id: e.id,
    at: e.at,
    terminal_id: e.terminalId,
    actor: e.actor,
    action: e.action,
    application_id: e.applicationId,
    service_id: e.serviceId ?? null,
    reason: e.reason ?? null,
    note: e.note ?? null,
  }));
  const inserted = await db.query(
    `INSERT INTO audit_events (id, at, terminal_id, actor, action, application_id, service_id, reason, note, received_at)
     SELECT e.id, e.at, e.terminal_id, e.actor, e.action, e.application_id, e.service_id, e.reason, e.note, $2::timestamptz
       FROM jsonb_to_recordset($1::jsonb)
         AS e(id uuid, at timestamptz, terminal_id text, actor text, action text, application_id uuid, service_id text, reason text, note text)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [JSON.stringify(rows), receivedAt.toISOString()],
  );
  return inserted.length;
}

export interface ServerEvent {
  action: AuditAction;
  /** Null for events about a terminal (enrolled, revoked) rather than an application. */
  applicationId?: string | null;
  terminalId: string;
  serviceId?: string;
  at: Date;
  /** 'server' for what the API does; the operator for the back-office command. */
  actor?: string;
}

export async function recordServerEvent(db: Queryable, event: ServerEvent): Promise<void> {
  await storeAuditEvents(
    db,
    [{ id: randomUUID(), at: event.at.toISOString(), terminalId: event.terminalId, actor: event.actor ?? 'server', action: event.action, applicationId: event.applicationId ?? null, ...(event.serviceId ? { serviceId: event.serviceId } : {}) }],
    event.at,
  );
}
