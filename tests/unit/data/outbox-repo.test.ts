import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { RelaisDb } from '../../../src/data/db.ts';
import { activeDraft, saveDraft, startDraft } from '../../../src/data/drafts-repo.ts';
import { submitDraft } from '../../../src/data/submit-draft.ts';
import { setMeta } from '../../../src/data/meta.ts';
import { endSession } from '../../../src/data/session.ts';
import { generateSealingKeyPair } from '../../../src/core/crypto/keys.ts';
import { openContent } from '../../../src/core/crypto/envelope.ts';
import { countByStatus, outboxStore } from '../../../src/data/outbox-repo.ts';
import { markSending, newOutboxItem } from '../../../src/core/outbox/state-machine.ts';
import { trackingCodeFor } from '../../../src/core/ids/tracking-code.ts';
import { demoService } from '../../support/catalog.ts';
import { sampleRequest } from '../../support/outbox-fixtures.ts';

const freshDb = () => new RelaisDb(`t-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
const CONSENT = 'consent-test-v1';

/** A database whose terminal received the server's sealing key; returns the private half. */
async function withServerKey(db: RelaisDb) {
  const pair = await generateSealingKeyPair();
  await setMeta(db, 'sealingKey', { keyId: pair.keyId, publicKey: pair.publicKey });
  return pair;
}

/** Every value IndexedDB holds for the terminal, as text, to look for personal data in it. */
async function everythingStored(db: RelaisDb): Promise<string> {
  const tables = await Promise.all(db.tables.map((t) => t.toArray()));
  return JSON.stringify(tables, (_k, v: unknown) => (ArrayBuffer.isView(v) || v instanceof ArrayBuffer ? Buffer.from(v as ArrayBuffer).toString('latin1') : v));
}

describe('drafts and the outbox on IndexedDB', () => {
  it('a started draft is the active one and keeps every saved change', async () => {
    const db = freshDb();
    const def = demoService('residence-certificate');
    const draft = await startDraft(db, def, 'ar', CONSENT);
    await saveDraft(db, { ...draft, answers: { fullName: 'Aicha Ait Ali' }, stepIndex: 1 });
    const again = await activeDraft(db);
    expect(again).toMatchObject({ id: draft.id, answers: { fullName: 'Aicha Ait Ali' }, stepIndex: 1, consentVersion: CONSENT, definition: { version: def.version } });
  });

  it('a draft is stored only as ciphertext, and ending the session leaves it unreadable and gone', async () => {
    const db = freshDb();
    const draft = await startDraft(db, demoService('residence-certificate'), 'fr', CONSENT);
    await saveDraft(db, { ...draft, answers: { fullName: 'Khadija Oumoussa' } });
    expect(await everythingStored(db)).not.toContain('Oumoussa');
    expect(await endSession(db)).toEqual([draft.id]);
    expect(await db.drafts.count()).toBe(0);
    expect(await db.sessionKeys.count()).toBe(0);
    expect(await activeDraft(db)).toBeUndefined();
  });

  it('starting, consenting and submitting are written to the audit log without any answer in it', async () => {
    const db = freshDb();
    await withServerKey(db);
    const draft = await startDraft(db, demoService('residence-certificate'), 'fr', CONSENT);
    await submitDraft(db, { ...draft, answers: { fullName: 'Said Bouzid' } });
    const events = (await db.audit.toArray()).map((e) => e.event);
    expect(events.map((e) => e.action)).toEqual(['consented', 'created', 'submitted']);
    expect(events.every((e) => e.applicationId === draft.id && e.actor === 'citizen')).toBe(true);
    expect(JSON.stringify(events)).not.toContain('Bouzid');
  });

  it('submitting moves the draft into the outbox in one step, sealed to the server key, with the tracking code derived from its id', async () => {
    const db = freshDb();
    const server = await withServerKey(db);
    const draft = await startDraft(db, demoService('residence-certificate'), 'fr', CONSENT);
    const item = await submitDraft(db, { ...draft, answers: { fullName: '  Aicha Ait Ali ', phone: '06 12 34 56 78' } });
    expect(item).toMatchObject({ id: draft.id, status: 'queued', trackingConfirmed: false, request: { payload: { encoding: 'hpke', keyId: server.keyId } } });
    expect(item.trackingCode).toBe(await trackingCodeFor(draft.id, crypto.subtle));
    expect(await everythingStored(db)).not.toContain('Aicha');
    const opened = await openContent(item.request.payload as never, server.privateKey, draft.id);
    expect(opened).toEqual({ answers: { fullName: 'Aicha Ait Ali', phone: '+212612345678' }, consentVersion: CONSENT });
    expect(await db.drafts.count()).toBe(0);
    expect(await activeDraft(db)).toBeUndefined();
  });

  it('without the server key the application is not queued and the draft stays', async () => {
    const db = freshDb();
    const draft = await startDraft(db, demoService('residence-certificate'), 'fr', CONSENT);
    await expect(submitDraft(db, draft)).rejects.toThrow(/no server key/);
    expect(await db.outbox.count()).toBe(0);
    expect((await activeDraft(db))?.id).toBe(draft.id);
  });

  it('a second tap on submit does not overwrite or duplicate the queued application', async () => {
    const db = freshDb();
    await withServerKey(db);
    const draft = await startDraft(db, demoService('residence-certificate'), 'ar', CONSENT);
    const first = await submitDraft(db, { ...draft, answers: { fullName: 'A' } });
    const second = await submitDraft(db, { ...draft, answers: { fullName: 'B' } });
    expect(second.request).toEqual(first.request);
    expect(await db.outbox.count()).toBe(1);
  });

  it('due() returns only queued items whose wait is over, oldest first', async () => {
    const db = freshDb();
    const store = outboxStore(db);
    const a = newOutboxItem(sampleRequest(), 'A', 100);
    const b = newOutboxItem(sampleRequest(), 'B', 50);
    const later = { ...newOutboxItem(sampleRequest(), 'C', 0), nextAttemptAt: 10_000 };
    const sending = markSending(newOutboxItem(sampleRequest(), 'D', 0), 1);
    await db.outbox.bulkAdd([a, b, later, sending]);
    expect((await store.due(1000, 10)).map((i) => i.trackingCode)).toEqual(['B', 'A']);
    expect(await countByStatus(db)).toEqual({ queued: 3, sending: 1, delivered: 0, 'needs-attention': 0, 'handed-back': 0, discarded: 0, replaced: 0 });
    expect((await store.interrupted()).map((i) => i.trackingCode)).toEqual(['D']);
    expect(await store.nextDueAt()).toBe(50);
    await db.outbox.bulkDelete([a.id, b.id, later.id]);
    expect(await store.nextDueAt()).toBeNull();
  });

  it('replace() refuses to overwrite an item whose status moved on meanwhile', async () => {
    const db = freshDb();
    const store = outboxStore(db);
    const item = newOutboxItem(sampleRequest(), 'A', 0);
    await db.outbox.add(item);
    expect(await store.replace(markSending(item, 1), 'queued')).toBe(true);
    expect(await store.replace(markSending(item, 2), 'queued')).toBe(false);
    expect((await db.outbox.get(item.id))?.lastAttemptAt).toBe(1);
  });
});
