/** Audit events for tests: valid unless told otherwise. */
import { randomUUID } from 'node:crypto';
import type { AuditEvent } from '../../../src/core/sync/protocol.ts';

export function auditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: randomUUID(),
    at: '2026-03-02T09:00:00.000Z',
    terminalId: 'relay-tafraout-01',
    actor: 'citizen',
    action: 'created',
    applicationId: randomUUID(),
    serviceId: 'life-certificate',
    ...overrides,
  };
}
