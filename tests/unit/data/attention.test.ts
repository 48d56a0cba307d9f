/**
 * Refused applications on the terminal's IndexedDB: handed back and replaced by the
 * citizen's corrected application, or discarded with a reason; each audited, and the
 * sealed answers purged once the application is settled. And a full disk at submit.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { RelaisDb } from '../../../src/data/db.ts';
import { activeDraft, startDraft } from '../../../src/data/drafts-repo.ts';
import { submitDraft } from '../../../src/data/submit-draft.ts';
import { StorageFullError } from '../../../src/core/storage/quota.ts';
import { setMeta } from '../../../src/data/meta.ts';
import { attentionItems, discardRejected, handBackRejected, handedBackItems, withdrawHandBackOf } from '../../../src/data/attention.ts';
import { generateSealingKeyPair } from '../../../src/core/crypto/keys.ts';
import { markRejected, markSending } from '../../../src/core/outbox/state-machine.ts';
import { demoService } from '../../support/catalog.ts';

const freshDb = () => new RelaisDb(`t-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
const CONSENT = 'consent-test-v1';
const SUPERVISOR = 'supervisor-demo';
const AGENT = 'agent-demo';

/** A terminal with the server key and one application the server refused with a field error. */
async function withRefused(db: RelaisDb) {
  const pair = await generateSealingKeyPair();
  await setMeta(db, 'sealingKey', { keyId: pair.keyId, publicKey: pair.publicKey });
  const draft = await startDraft(db, demoService('residence-certificate'), 'fr', CONSENT);
  const queued = await submitDraft(db, { ...draft, answers: { fullName: 'Aicha' } });
  await db.outbox.put(markRejected(markSending(queued, 1), { kind: 'rejected', status: 422, code: 'invalid-answers', errors: [{ field: 'fullName', code: 'pattern' }] }));
  await db.audit.clear();
  return queued;
}

const events = async (db: RelaisDb) => (await db.audit.toArray()).map((e) => e.event);

describe('refused applications on the terminal', () => {
  it('a hand-back waits for an agent; the correction carries `corrects` in clear and replaces it in the same step', async () => {
    const db = freshDb();
    const original = await withRefused(db);
    expect(await handBackRejected(db, original.id, SUPERVISOR)).toBe(true);
    expect((await handedBackItems(db)).map((i) => i.id)).toEqual([original.id]);

    // The agent enters the application again with the citizen (the old answers cannot be read).
    const draft = await startDraft(db, demoService('residence-certificate'), 'fr', CONSENT, AGENT, original.id);
    expect((await activeDraft(db))?.corrects).toBe(original.id); // survives a reload, encrypted with the draft
    const correction = await submitDraft(db, { ...draft, answers: { fullName: 'Aicha Ait Brahim' } });
    expect(correction.request.corrects).toBe(original.id);
    expect(correction.id).not.toBe(original.id);

    const replaced = await db.outbox.get(original.id);
    expect(replaced).toMatchObject({ status: 'replaced', replacedBy: { id: correction.id }, trackingCode: original.trackingCode });
    expect(replaced?.request.payload).toBeUndefined();
    expect(await attentionItems(db)).toEqual([]);
    const log = await events(db);
    expect(log.map((e) => [e.action, e.actor, e.applicationId])).toEqual([
      ['handed-back', SUPERVISOR, original.id],
      ['consented', AGENT, correction.id],
      ['created', AGENT, correction.id],
      ['submitted', AGENT, correction.id],
      ['replaced', AGENT, original.id],
    ]);
  });

  it('discarding keeps the reason and note, purges the sealed answers, and is audited with them', async () => {
    const db = freshDb();
    const original = await withRefused(db);
    expect(await discardRejected(db, original.id, SUPERVISOR, 'citizen-withdrew', '  Le citoyen a renoncé.  ')).toBe(true);
    const gone = await db.outbox.get(original.id);
    expect(gone).toMatchObject({ status: 'discarded', discarded: { by: SUPERVISOR, reason: 'citizen-withdrew', note: 'Le citoyen a renoncé.' } });
    expect(gone?.request.payload).toBeUndefined();
    const [event] = await events(db);
    expect(event).toMatchObject({ action: 'discarded', actor: SUPERVISOR, applicationId: original.id, serviceId: 'residence-certificate', reason: 'citizen-withdrew', note: 'Le citoyen a renoncé.' });
  });

  it('acts only on an item still in the state the screen showed', async () => {
    const db = freshDb();
    const original = await withRefused(db);
    await handBackRejected(db, original.id, SUPERVISOR);
    expect(await discardRejected(db, original.id, SUPERVISOR, 'other')).toBe(false); // handed back meanwhile
    expect(await handBackRejected(db, original.id, SUPERVISOR)).toBe(false);
    expect(await withdrawHandBackOf(db, original.id, SUPERVISOR)).toBe(true);
    expect(await discardRejected(db, original.id, SUPERVISOR, 'other')).toBe(true);
    expect((await events(db)).map((e) => [e.action, e.reason])).toEqual([
      ['handed-back', undefined],
      ['handed-back', 'withdrawn'],
      ['discarded', 'other'],
    ]);
  });

  it('a full disk at submit keeps the draft, queues nothing and says storage is full', async () => {
    const db = freshDb();
    const pair = await generateSealingKeyPair();
    await setMeta(db, 'sealingKey', { keyId: pair.keyId, publicKey: pair.publicKey });
    const draft = await startDraft(db, demoService('residence-certificate'), 'fr', CONSENT);
    // What a browser does when the commit goes over quota: the transaction aborts with QuotaExceededError.
    db.outbox.hook('creating', function () {
      this.onsuccess = () => (Dexie.currentTransaction as unknown as { idbtrans: { _abort(name: string): void } }).idbtrans._abort('QuotaExceededError');
    });
    const error = await submitDraft(db, { ...draft, answers: { fullName: 'Aicha' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect(await db.outbox.count()).toBe(0);
    expect((await activeDraft(db))?.id).toBe(draft.id);
  });
});
