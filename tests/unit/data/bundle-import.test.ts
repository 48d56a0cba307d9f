/**
 * Bundles on IndexedDB (data/bundle-export.ts, data/bundle-import.ts): a terminal exports
 * what it still has to deliver without letting go of it; another terminal of the relay
 * imports it all or nothing, keeps every original id, and skips and counts what is
 * already delivered or already queued.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { RelaisDb } from '../../../src/data/db.ts';
import { exportBundle } from '../../../src/data/bundle-export.ts';
import { importBundle } from '../../../src/data/bundle-import.ts';
import { setMeta, terminalId } from '../../../src/data/meta.ts';
import { ownSigningKey, type CachedTerminalKeys } from '../../../src/data/terminal-keys.ts';
import { markDelivered, markSending } from '../../../src/core/outbox/state-machine.ts';
import type { OutboxItem } from '../../../src/core/outbox/types.ts';
import { RELAY, sealedItem, sealedItems, testSigner } from '../core/bundle/fixtures.ts';

const freshDb = () => new RelaisDb(`t-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
const offline = { deliveredOnServer: async () => [] };

/** Two terminals of one relay that each fetched the relay's key list (with both keys). */
async function twoTerminals() {
  const a = freshDb();
  const b = freshDb();
  const entry = async (database: RelaisDb, label: string) => {
    const key = await ownSigningKey(database);
    return { terminalId: await terminalId(database), label, keyId: key.keyId, publicKey: key.publicKey, revoked: false };
  };
  const keys: CachedTerminalKeys = { relayId: RELAY, terminals: [await entry(a, 'Guichet A'), await entry(b, 'Guichet B')], fetchedAt: new Date().toISOString() };
  for (const database of [a, b]) {
    await setMeta(database, 'relayTerminalKeys', keys);
    await setMeta(database, 'enrollment', { relayId: RELAY });
  }
  return { a, b, keys, terminalA: await terminalId(a) };
}

async function queue(database: RelaisDb, items: OutboxItem[]): Promise<void> {
  await database.outbox.bulkAdd(items);
}

describe('bundles between two terminals', () => {
  it('export carries every application still to deliver, leaves them queued, notes the bundle and audits it', async () => {
    const { a, terminalA } = await twoTerminals();
    const items = await sealedItems(terminalA, 3);
    const sending = markSending(await sealedItem(terminalA, { photos: 1 }), Date.now());
    const delivered = markDelivered(markSending(await sealedItem(terminalA), Date.now()), { id: 'x', trackingCode: 'ABCDE-12345', receivedAt: '2026-11-23T10:00:00.000Z' }, Date.now());
    await queue(a, [...items, sending, delivered]);
    const out = await exportBundle(a, 1_000, 'supervisor-demo');
    expect(out.count).toBe(4);
    expect(out.left).toBe(0);
    expect(await a.outbox.where('status').anyOf('queued', 'sending').count()).toBe(4);
    const noted = await a.outbox.get(items[0]!.id);
    expect(noted?.exportedIn).toEqual([{ bundleId: out.bundleId, at: 1_000 }]);
    const exported = (await a.audit.toArray()).map((e) => e.event).filter((e) => e.action === 'exported');
    expect(exported.map((e) => e.applicationId).sort()).toEqual([...items.map((i) => i.id), sending.id].sort());
    expect(exported.every((e) => e.actor === 'supervisor-demo')).toBe(true);
  });

  it('import queues every application with its original id, request and tracking code, noting where it came from', async () => {
    const { a, b, terminalA } = await twoTerminals();
    const items = [await sealedItem(terminalA, { photos: 2 }), ...(await sealedItems(terminalA, 4))];
    await queue(a, items);
    const out = await exportBundle(a);
    const result = await importBundle(b, out.bytes, 5_000, offline);
    expect(result).toMatchObject({ ok: true, imported: 5, alreadyDelivered: 0, alreadyQueued: 0, bundleId: out.bundleId, from: { terminalId: terminalA, label: 'Guichet A' }, fromThisTerminal: false });
    for (const item of items) {
      const copy = await b.outbox.get(item.id);
      expect(copy).toMatchObject({ status: 'queued', request: item.request, trackingCode: item.trackingCode, queuedAt: item.queuedAt, nextAttemptAt: 5_000, attempts: 0 });
      expect(copy?.attachments ?? []).toEqual(item.attachments ?? []);
      expect(copy?.origin).toEqual({ terminalId: terminalA, bundleId: out.bundleId, importedAt: 5_000 });
    }
    const imported = (await b.audit.toArray()).map((e) => e.event).filter((e) => e.action === 'imported');
    expect(imported).toHaveLength(5);
  });

  it('applications delivered here or on the server, or already queued here, are skipped and counted; a second import adds nothing', async () => {
    const { a, b, terminalA } = await twoTerminals();
    const items = await sealedItems(terminalA, 5);
    await queue(a, items);
    const { bytes } = await exportBundle(a);
    // B already delivered one (an earlier bundle) and holds another queued; the server stored a third.
    await queue(b, [markDelivered(markSending(items[0]!, 1), { id: items[0]!.id, trackingCode: items[0]!.trackingCode, receivedAt: '2026-11-23T10:00:00.000Z' }, 2), items[1]!]);
    const asked: string[][] = [];
    const result = await importBundle(b, bytes, Date.now(), { deliveredOnServer: async (ids) => (asked.push(ids), [items[2]!.id]) });
    expect(result).toMatchObject({ ok: true, imported: 2, alreadyDelivered: 2, alreadyQueued: 1 });
    expect(result.ok && result.ids.sort()).toEqual([items[3]!.id, items[4]!.id].sort());
    expect(asked.map((ids) => [...ids].sort())).toEqual([items.map((i) => i.id).sort()]);
    expect(await b.outbox.get(items[2]!.id)).toBeUndefined();
    const again = await importBundle(b, bytes, Date.now(), { deliveredOnServer: async () => [items[2]!.id] });
    expect(again).toMatchObject({ ok: true, imported: 0, alreadyDelivered: 2, alreadyQueued: 3 });
    expect(await b.outbox.count()).toBe(4);
  });

  it("a terminal's own bundle is reported as its own and duplicates nothing", async () => {
    const { a, terminalA } = await twoTerminals();
    await queue(a, await sealedItems(terminalA, 2));
    const { bytes } = await exportBundle(a);
    const result = await importBundle(a, bytes, Date.now(), offline);
    expect(result).toMatchObject({ ok: true, imported: 0, alreadyQueued: 2, fromThisTerminal: true });
    expect(await a.outbox.count()).toBe(2);
  });

  it('a damaged, cut, tampered, foreign or revoked bundle imports nothing and says why', async () => {
    const { a, b, keys, terminalA } = await twoTerminals();
    await queue(a, await sealedItems(terminalA, 3));
    const { bytes } = await exportBundle(a);
    const flipped = bytes.slice();
    flipped[flipped.length - 10]! ^= 0xff;
    const tampered = bytes.slice();
    tampered[Buffer.from(bytes).indexOf('residence-certificate') + 3]! ^= 0x01; // a service id in the manifest
    const cases: Array<[Uint8Array, string]> = [
      [flipped, 'corrupt'],
      [bytes.slice(0, bytes.length - 100), 'truncated'],
      [tampered, 'tampered'],
      [new TextEncoder().encode('%PDF-1.7'), 'not-a-bundle'],
    ];
    for (const [file, reason] of cases) expect(await importBundle(b, file, Date.now(), offline)).toEqual({ ok: false, reason });
    // A terminal whose key this relay never listed.
    const stranger = freshDb();
    await setMeta(stranger, 'enrollment', { relayId: RELAY });
    await queue(stranger, await sealedItems(await terminalId(stranger), 1));
    expect(await importBundle(b, (await exportBundle(stranger)).bytes, Date.now(), offline)).toEqual({ ok: false, reason: 'foreign' });
    // Terminal A revoked by a supervisor (B's cached list says so).
    await setMeta(b, 'relayTerminalKeys', { ...keys, terminals: keys.terminals.map((t) => (t.terminalId === terminalA ? { ...t, revoked: true } : t)) });
    expect(await importBundle(b, bytes, Date.now(), offline)).toEqual({ ok: false, reason: 'revoked' });
    expect(await b.outbox.count()).toBe(0);
    expect(await b.audit.count()).toBe(0);
  });

  it('an import that fails half-way (a full disk) leaves the outbox as it was: all or nothing', async () => {
    const { a, b, terminalA } = await twoTerminals();
    const items = await sealedItems(terminalA, 4);
    await queue(a, items);
    const { bytes } = await exportBundle(a);
    // The disk fills up while the audit lines are written, after the outbox rows went in.
    const add = b.audit.add.bind(b.audit);
    let calls = 0;
    b.audit.add = ((...args: Parameters<typeof add>) => {
      if (++calls === 3) return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
      return add(...args);
    }) as typeof add;
    expect(await importBundle(b, bytes, Date.now(), offline)).toEqual({ ok: false, reason: 'storage-full' });
    expect(await b.outbox.count()).toBe(0);
    expect(await b.audit.count()).toBe(0);
  });
});
