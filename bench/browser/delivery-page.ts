/**
 * Runs in Chromium on the Relais server's own origin (bench/delivery-vs-workbox.ts): the
 * same N sealed applications delivered to the same server by the outbox (real IndexedDB,
 * strict durability, the kiosk's sync pass and transport) and by Workbox's
 * background-sync Queue in a service worker. Queueing happens before the clock starts.
 */
import { trackingCodeFor } from '../../src/core/ids/tracking-code.ts';
import { buildSealedSubmission } from '../../src/core/outbox/build-submission.ts';
import { newOutboxItem } from '../../src/core/outbox/state-machine.ts';
import { runSyncPass } from '../../src/core/outbox/sync-pass.ts';
import type { Answers, ServiceDefinition } from '../../src/core/forms/types.ts';
import type { CatalogResponse, DeviceToken, SubmissionRequest } from '../../src/core/sync/protocol.ts';
import { setMeta } from '../../src/data/meta.ts';
import { RelaisDb } from '../../src/data/db.ts';
import { httpTransport } from '../../src/data/http-transport.ts';
import { outboxStore } from '../../src/data/outbox-repo.ts';

async function sealedRequests(definition: ServiceDefinition, answers: Answers, n: number, token: DeviceToken): Promise<SubmissionRequest[]> {
  const catalog = (await (await fetch('/api/catalog', { headers: { Authorization: `Bearer ${token.token}` } })).json()) as CatalogResponse;
  if (!catalog.sealing) throw new Error('no sealing key');
  const out: SubmissionRequest[] = [];
  for (let i = 0; i < n; i++) {
    const draft = { id: crypto.randomUUID(), definition, answers, language: 'fr', createdAt: new Date().toISOString(), consentVersion: 'bench' };
    out.push(await buildSealedSubmission(draft, '00000000-0000-4000-8000-0000000bench1', new Date().toISOString(), catalog.sealing));
  }
  return out;
}

async function viaOutbox(definition: ServiceDefinition, answers: Answers, n: number, lanes: number, token: DeviceToken): Promise<number> {
  const db = new RelaisDb(`bench-delivery-${crypto.randomUUID()}`);
  await setMeta(db, 'enrollment', { ...token, issuedAt: new Date().toISOString() });
  const requests = await sealedRequests(definition, answers, n, token);
  await db.outbox.bulkAdd(await Promise.all(requests.map(async (r) => newOutboxItem(r, await trackingCodeFor(r.id, crypto.subtle), 0))));
  const start = performance.now();
  let delivered = 0;
  while (delivered < n) {
    const report = await runSyncPass({ store: outboxStore(db), transport: httpTransport(db, ''), now: Date.now, random: Math.random, lanes, batch: 100 });
    if (report.delivered === 0) throw new Error(`outbox stalled at ${delivered} of ${n}`);
    delivered += report.delivered;
  }
  const ms = performance.now() - start;
  db.close();
  return n / (ms / 1000);
}

function ask<T>(worker: ServiceWorker, message: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<T & { error?: string }>) => (event.data.error ? reject(new Error(event.data.error)) : resolve(event.data));
    worker.postMessage(message, [channel.port2]);
  });
}

async function viaWorkbox(definition: ServiceDefinition, answers: Answers, n: number, token: DeviceToken): Promise<number> {
  await navigator.serviceWorker.register('/queue-sw.js', { type: 'module' });
  const worker = (await navigator.serviceWorker.ready).active!;
  const requests = await sealedRequests(definition, answers, n, token);
  await ask(worker, { type: 'fill', token: token.token, requests: requests.map((r) => ({ id: r.id, body: JSON.stringify(r) })) });
  const { ms, left } = await ask<{ ms: number; left: number }>(worker, { type: 'replay' });
  if (left !== 0) throw new Error(`Workbox left ${left} of ${n} in its queue`);
  return n / (ms / 1000);
}

declare global {
  interface Window {
    relaisDelivery: { viaOutbox: typeof viaOutbox; viaWorkbox: typeof viaWorkbox };
  }
}

window.relaisDelivery = { viaOutbox, viaWorkbox };
