/** POST /api/audit: a kiosk's audit events, stored once each (idempotent on event id). */
import type { Handler } from 'hono';
import { MAX_AUDIT_BYTES, type AuditReceipt } from '../../src/core/sync/protocol.ts';
import { checkAuditBatch } from '../audit/check-audit.ts';
import { storeAuditEvents } from '../audit/store-audit.ts';
import { requestTerminal } from '../http/device-auth.ts';
import { readJson } from '../http/read-json.ts';
import { problemResponse } from '../http/reply.ts';
import type { Db } from '../store/db.ts';

export function auditRoute(db: Db): Handler {
  return async (c) => {
    const { terminalId } = requestTerminal(c);
    const read = await readJson(c.req.raw, MAX_AUDIT_BYTES);
    if (!read.ok) return read.response;
    const batch = checkAuditBatch(read.value);
    if (!batch.ok) return problemResponse(422, 'invalid-request', { detail: batch.detail });
    // A terminal reports what happened on it: an event in another terminal's name is refused.
    const foreign = batch.events.findIndex((e) => e.terminalId !== terminalId);
    if (foreign >= 0) return problemResponse(403, 'terminal-mismatch', { detail: `events[${foreign}].terminalId is not this terminal` });
    const accepted = await storeAuditEvents(db, batch.events);
    return c.json({ accepted } satisfies AuditReceipt, 200, { 'Cache-Control': 'no-store' });
  };
}
