/**
 * Deliveries per second from the outbox (Dexie on fake-indexeddb, the real sync pass and
 * HTTP transport) to the local server, against a plain loop of fetch POSTs of the same
 * number of fresh applications to the same server with the same concurrency (baseline).
 * The ratio says what the outbox's bookkeeping costs on top of the network.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { RelaisDb } from '../src/data/db.ts';
import { outboxStore } from '../src/data/outbox-repo.ts';
import { httpTransport } from '../src/data/http-transport.ts';
import { runSyncPass } from '../src/core/outbox/sync-pass.ts';
import { newOutboxItem } from '../src/core/outbox/state-machine.ts';
import { trackingCodeFor } from '../src/core/ids/tracking-code.ts';
import type { DeviceToken, SubmissionRequest } from '../src/core/sync/protocol.ts';
import { setMeta } from '../src/data/meta.ts';
import type { BenchLine } from './lib/report.ts';

const LANES = 2;

function request(): SubmissionRequest {
  const id = crypto.randomUUID();
  return {
    id,
    serviceId: 'residence-certificate',
    formVersion: 1,
    terminalId: '00000000-0000-4000-8000-00000000bench',
    language: 'fr',
    createdAt: new Date().toISOString(),
    submittedAt: new Date().toISOString(),
    payload: {
      encoding: 'json',
      answers: {
        fullName: 'Aicha Ait Brahim', cnie: 'JB123456', birthDate: '1984-05-17', douar: 'Douar Tafraout', commune: 'Tafraout',
        residentSince: '2010-09-01', housingStatus: 'owner', purpose: 'bank', phone: '+212661234567',
      },
    },
  };
}

async function viaOutbox(url: string, token: DeviceToken, n: number): Promise<number> {
  const db = new RelaisDb(`bench-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  await setMeta(db, 'enrollment', { ...token, issuedAt: new Date().toISOString() });
  const items = await Promise.all(Array.from({ length: n }, async () => {
    const r = request();
    return newOutboxItem(r, await trackingCodeFor(r.id, crypto.subtle), 0);
  }));
  await db.outbox.bulkAdd(items);
  const start = performance.now();
  const report = await runSyncPass({ store: outboxStore(db), transport: httpTransport(db, url), now: Date.now, random: Math.random, lanes: LANES, batch: 100 });
  const seconds = (performance.now() - start) / 1000;
  if (report.delivered !== n) throw new Error(`outbox delivered ${report.delivered} of ${n}`);
  db.close();
  return n / seconds;
}

async function viaFetch(url: string, token: DeviceToken, n: number): Promise<number> {
  const requests = Array.from({ length: n }, request);
  let cursor = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: LANES }, async () => {
    while (cursor < requests.length) {
      const r = requests[cursor++]!;
      const res = await fetch(`${url}/api/submissions`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': r.id, Authorization: `Bearer ${token.token}` }, body: JSON.stringify(r) });
      if (res.status !== 201) throw new Error(`baseline got ${res.status}`);
      await res.arrayBuffer();
    }
  }));
  return n / ((performance.now() - start) / 1000);
}

export async function deliveryRate(url: string, token: DeviceToken, n = 1000): Promise<BenchLine[]> {
  await viaFetch(url, token, 50); // warm the server (JIT, PGlite caches) before either measurement
  const baseline = await viaFetch(url, token, n);
  const outbox = await viaOutbox(url, token, n);
  return [{ name: `outbox → local server, ${n} queued applications, ${LANES} lanes`, value: outbox, unit: 'deliveries/s', baseline: { name: 'plain fetch loop', value: baseline }, ratio: outbox / baseline }];
}
