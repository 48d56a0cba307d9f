/**
 * Checks an AuditBatch field by field. The log is evidence (law 09-08), so a batch with
 * one bad event is refused whole, naming the event and field, rather than stored in part.
 * Members the protocol does not define are ignored, never stored: nothing personal can
 * ride along in them.
 */
import { isUuid } from '../../src/core/ids/uuid.ts';
import { MAX_AUDIT_EVENTS, type AuditAction, type AuditEvent } from '../../src/core/sync/protocol.ts';
import { isDateTime, isObject, isToken } from '../submissions/check-envelope.ts';
import { isStorableText } from '../http/text-rules.ts';
import { MAX_DISCARD_NOTE } from '../../src/core/outbox/attention.ts';

export const AUDIT_ACTIONS: readonly AuditAction[] = [
  'created', 'edited', 'submitted', 'delivered', 'rejected', 'exported', 'discarded', 'wiped', 'consented', 'signed-in', 'signed-out',
  'handed-back', 'replaced', 'imported',
];
const MAX_ACTOR_LENGTH = 100;
const MAX_REASON_LENGTH = 40;
const MAX_NOTE_LENGTH = MAX_DISCARD_NOTE;

export type AuditCheck = { ok: true; events: AuditEvent[] } | { ok: false; detail: string };

function eventProblem(event: unknown): string | null {
  if (!isObject(event)) return 'must be an object';
  if (!isUuid(event.id)) return 'id must be a lower-case UUID';
  if (!isDateTime(event.at)) return 'at must be an ISO 8601 date-time with a time zone';
  if (!isToken(event.terminalId)) return 'terminalId must be an id of letters, digits and . _ : @ -';
  // An id ('citizen', 'terminal', an agent id), never a name: the log holds no personal data.
  if (!isToken(event.actor, MAX_ACTOR_LENGTH)) return `actor must be an id of at most ${MAX_ACTOR_LENGTH} letters, digits and . _ : @ -`;
  if (typeof event.action !== 'string' || !AUDIT_ACTIONS.includes(event.action as AuditAction)) return `action must be one of ${AUDIT_ACTIONS.join(', ')}`;
  if (event.applicationId !== null && !isUuid(event.applicationId)) return 'applicationId must be a lower-case UUID or null';
  if (event.serviceId !== undefined && !isToken(event.serviceId)) return 'serviceId must be a service id when present';
  if (event.reason !== undefined && !isToken(event.reason, MAX_REASON_LENGTH)) return `reason must be a code of at most ${MAX_REASON_LENGTH} letters, digits and . _ : @ -`;
  // A supervisor's words on a discard: text an answer could hold (http/text-rules.ts).
  if (event.note !== undefined && (typeof event.note !== 'string' || event.note.length > MAX_NOTE_LENGTH || !isStorableText(event.note))) return `note must be at most ${MAX_NOTE_LENGTH} printable characters`;
  return null;
}

export function checkAuditBatch(body: unknown): AuditCheck {
  if (!isObject(body) || !Array.isArray(body.events)) return { ok: false, detail: 'the body must be an object with an events array' };
  if (body.events.length > MAX_AUDIT_EVENTS) return { ok: false, detail: `at most ${MAX_AUDIT_EVENTS} events per batch` };
  const events: AuditEvent[] = [];
  for (const [i, event] of body.events.entries()) {
    const problem = eventProblem(event);
    if (problem) return { ok: false, detail: `events[${i}]: ${problem}` };
    const e = event as AuditEvent;
    events.push({
      id: e.id,
      at: e.at,
      terminalId: e.terminalId,
      actor: e.actor,
      action: e.action,
      applicationId: e.applicationId,
      ...(e.serviceId === undefined ? {} : { serviceId: e.serviceId }),
      ...(e.reason === undefined ? {} : { reason: e.reason }),
      ...(e.note === undefined ? {} : { note: e.note }),
    });
  }
  return { ok: true, events };
}
