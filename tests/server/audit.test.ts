/**
 * POST /api/audit: kiosks' audit events, stored once each, refused whole when any field
 * is wrong, never holding anything but ids, codes and times.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_AUDIT_BYTES, MAX_AUDIT_EVENTS, type AuditEvent, type Problem } from '../../src/core/sync/protocol.ts';
import { AUDIT_ACTIONS } from '../../server/audit/check-audit.ts';
import { createApp } from '../../server/app.ts';
import { auditEvent } from './helpers/audit.ts';
import { testKeys } from './helpers/keys.ts';
import { STORES, useTestDb } from './helpers/test-db.ts';
import { useDeviceToken, withDevice } from './helpers/terminal.ts';

describe.each(STORES)('POST /api/audit (%s)', (kind) => {
  const db = useTestDb(kind);
  const device = useDeviceToken(db);
  const app = () => withDevice(createApp({ db: db(), keys: testKeys(), version: 'test' }), device());
  const post = (body: unknown) =>
    app().request('/api/audit', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const count = async () => (await db().query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events'))[0]!.n;

  it('stores a batch and answers how many events were new; a resent batch adds nothing', async () => {
    const events = [auditEvent(), auditEvent({ action: 'submitted', actor: 'agent-0042' }), auditEvent({ action: 'wiped', applicationId: null, serviceId: undefined })];
    const res = await post({ events });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 3 });
    expect(await (await post({ events })).json()).toEqual({ accepted: 0 });
    expect(await (await post({ events: [events[0], events[0], auditEvent()] })).json()).toEqual({ accepted: 1 });
    expect(await count()).toBe(4);
    const [row] = await db().query('SELECT * FROM audit_events WHERE id = $1', [events[1]!.id]);
    expect(row).toMatchObject({ actor: 'agent-0042', action: 'submitted', terminal_id: 'relay-tafraout-01', application_id: events[1]!.applicationId, service_id: 'life-certificate' });
    expect((row as { at: Date }).at.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect((row as { received_at: Date }).received_at).toBeInstanceOf(Date);
  });

  it('takes every action of the protocol, staff signing in and out included', async () => {
    const events = AUDIT_ACTIONS.map((action) => auditEvent({ action, actor: 'agent-tafraout-01', ...(action.startsWith('signed') ? { applicationId: null, serviceId: undefined } : {}) }));
    expect(await (await post({ events })).json()).toEqual({ accepted: AUDIT_ACTIONS.length });
    expect(AUDIT_ACTIONS).toEqual(expect.arrayContaining(['signed-in', 'signed-out', 'exported']));
  });

  it('takes an empty batch and a full one of the largest size', async () => {
    expect(await (await post({ events: [] })).json()).toEqual({ accepted: 0 });
    const full = Array.from({ length: MAX_AUDIT_EVENTS }, () => auditEvent());
    expect(await (await post({ events: full })).json()).toEqual({ accepted: MAX_AUDIT_EVENTS });
  });

  it('keeps nothing but the protocol fields: a member carrying personal data is dropped', async () => {
    const event = { ...auditEvent(), fullName: 'Fatima Zahra Amrani', answers: { cnie: 'BE123456' } };
    expect((await post({ events: [event] })).status).toBe(200);
    const rows = await db().query('SELECT * FROM audit_events');
    expect(JSON.stringify(rows)).not.toMatch(/Fatima|BE123456/);
  });

  it.each<[string, unknown]>([
    ['a body without events', { event: [] }],
    ['events that are not an array', { events: { 0: auditEvent() } }],
    ['more events than a batch may hold', { events: Array.from({ length: MAX_AUDIT_EVENTS + 1 }, () => auditEvent()) }],
    ['an id that is not a UUID', { events: [auditEvent({ id: 'evt-1' })] }],
    ['an upper-case id', { events: [auditEvent({ id: randomUUID().toUpperCase() })] }],
    ['an unknown action', { events: [auditEvent({ action: 'printed' as AuditEvent['action'] })] }],
    ['a time without a zone', { events: [auditEvent({ at: '2026-03-02 09:00' })] }],
    ['a time that does not exist', { events: [auditEvent({ at: '2026-02-30T09:00:00Z' })] }],
    ['an empty terminal id', { events: [auditEvent({ terminalId: ' ' })] }],
    ['a terminal id of 201 characters', { events: [auditEvent({ terminalId: 't'.repeat(201) })] }],
    ['a NUL in the actor', { events: [auditEvent({ actor: 'agent\u00000042' })] }],
    ['a bidi override in the actor', { events: [auditEvent({ actor: '\u202eagent' })] }],
    ['an actor of 101 characters', { events: [auditEvent({ actor: 'a'.repeat(101) })] }],
    ['an application id that is a number', { events: [auditEvent({ applicationId: 7 as unknown as string })] }],
    ['a missing application id', { events: [(({ applicationId: _, ...e }) => e)(auditEvent())] }],
    ['a service id that is not text', { events: [auditEvent({ serviceId: ['life'] as unknown as string })] }],
    ['one bad event among good ones', { events: [auditEvent(), auditEvent(), auditEvent({ action: 'hacked' as AuditEvent['action'] })] }],
  ])('refuses %s whole with 422 invalid-request naming the field', async (_name, body) => {
    const res = await post(body);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await res.json()) as Problem;
    expect(problem.code).toBe('invalid-request');
    expect(problem.detail).toEqual(expect.any(String));
    expect(await count()).toBe(0);
  });

  it('refuses malformed JSON with 400 and a body over the limit with 413', async () => {
    expect((await post('{"events": [')).status).toBe(400);
    const huge = JSON.stringify({ events: [auditEvent()], padding: 'x'.repeat(MAX_AUDIT_BYTES) });
    expect((await post(huge)).status).toBe(413);
    expect(await count()).toBe(0);
  });
});
