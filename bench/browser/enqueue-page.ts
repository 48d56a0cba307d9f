/**
 * Runs in Chromium (bench/outbox-enqueue.ts): the kiosk's real enqueue path against raw
 * Dexie writes on the same database, with the same strict durability, in the same page.
 * Measured here rather than in Node because fake-indexeddb has no disk and no durability:
 * only a real IndexedDB (LevelDB in a persistent Chromium profile) flushes on commit.
 */
import { generateSealingKeyPair, sealingKeyOf } from '../../src/core/crypto/keys.ts';
import type { Answers, ServiceDefinition } from '../../src/core/forms/types.ts';
import { trackingCodeFor } from '../../src/core/ids/tracking-code.ts';
import { buildSealedSubmission } from '../../src/core/outbox/build-submission.ts';
import { newOutboxItem } from '../../src/core/outbox/state-machine.ts';
import type { OutboxItem } from '../../src/core/outbox/types.ts';
import type { SealingKey } from '../../src/core/sync/protocol.ts';
import Dexie from 'dexie';
import { RelaisDb } from '../../src/data/db.ts';
import type { Draft } from '../../src/data/draft.ts';
import { setMeta, terminalId } from '../../src/data/meta.ts';
import { submitDraft } from '../../src/data/submit-draft.ts';

export interface EnqueueRates {
  n: number;
  submitPerSecond: number; // submitDraft: seal + one strict transaction (outbox, drafts, meta, audit)
  putPerSecond: number; // db.outbox.put of an already sealed item, one strict transaction each
  bulkPutPerSecond: number; // db.outbox.bulkPut of n sealed items, one strict transaction
  sealMs: number; // mean time to seal one application (HPKE) and derive its tracking code
  terminalIdMs: number; // mean time of terminalId(), which submitDraft calls: a read-write transaction
  relaxedPutPerSecond: number; // the same puts on a database opened with relaxed durability (Chromium's default)
  durability: string;
}

export interface QueueBytes {
  applications: number;
  usageBytes: number; // navigator.storage.estimate() usage added by queueing them
  jsonBytes: number; // the same outbox items as JSON text
}

async function open(name: string): Promise<{ db: RelaisDb; key: SealingKey; terminal: string }> {
  const db = new RelaisDb(name);
  const key = sealingKeyOf(await generateSealingKeyPair());
  await setMeta(db, 'sealingKey', key);
  return { db, key, terminal: await terminalId(db) };
}

function draft(definition: ServiceDefinition, answers: Answers): Draft {
  return { id: crypto.randomUUID(), serviceId: definition.id, definition, answers, stepIndex: definition.steps.length, language: 'fr', createdAt: new Date().toISOString(), updatedAt: Date.now(), consentVersion: 'bench' };
}

async function sealedItem(definition: ServiceDefinition, answers: Answers, key: SealingKey, terminal: string): Promise<OutboxItem> {
  const d = draft(definition, answers);
  const request = await buildSealedSubmission(d, terminal, new Date().toISOString(), key);
  return newOutboxItem(request, await trackingCodeFor(d.id, crypto.subtle), Date.now());
}

async function enqueueRates(definition: ServiceDefinition, answers: Answers, n: number): Promise<EnqueueRates> {
  const { db, key, terminal } = await open(`bench-enqueue-${crypto.randomUUID()}`);
  let submitMs = 0;
  let putMs = 0;
  let sealMs = 0;
  const BLOCK = 25;
  // Warm both paths, then alternate blocks so drift (disk, GC) touches both alike.
  for (let i = 0; i < 10; i++) await submitDraft(db, draft(definition, answers));
  for (let i = 0; i < 10; i++) await db.outbox.put(await sealedItem(definition, answers, key, terminal));
  for (let done = 0; done < n; done += BLOCK) {
    for (let i = 0; i < BLOCK; i++) {
      const d = draft(definition, answers);
      const start = performance.now();
      await submitDraft(db, d);
      submitMs += performance.now() - start;
    }
    const items: OutboxItem[] = [];
    const sealStart = performance.now();
    for (let i = 0; i < BLOCK; i++) items.push(await sealedItem(definition, answers, key, terminal));
    sealMs += performance.now() - sealStart;
    for (const item of items) {
      const start = performance.now();
      await db.outbox.put(item);
      putMs += performance.now() - start;
    }
  }
  const idStart = performance.now();
  for (let i = 0; i < BLOCK; i++) await terminalId(db);
  const terminalIdMs = (performance.now() - idStart) / BLOCK;
  // Control: the same puts with relaxed durability, to show the strict flush is real.
  const relaxed = new Dexie(`bench-relaxed-${crypto.randomUUID()}`, { chromeTransactionDurability: 'relaxed' });
  relaxed.version(1).stores({ outbox: 'id, status, [status+nextAttemptAt], queuedAt' });
  let relaxedMs = 0;
  for (let done = 0; done < n; done += BLOCK) {
    const items: OutboxItem[] = [];
    for (let i = 0; i < BLOCK; i++) items.push(await sealedItem(definition, answers, key, terminal));
    for (const item of items) {
      const start = performance.now();
      await relaxed.table('outbox').put(item);
      relaxedMs += performance.now() - start;
    }
  }
  relaxed.close();
  const batch: OutboxItem[] = [];
  for (let i = 0; i < n; i++) batch.push(await sealedItem(definition, answers, key, terminal));
  const bulkStart = performance.now();
  await db.outbox.bulkPut(batch);
  const bulkMs = performance.now() - bulkStart;
  // What Chromium applied, read from a live IDBTransaction (not what we asked Dexie for).
  const durability = await db.transaction('r', db.meta, (tx) => (tx.idbtrans as IDBTransaction & { durability?: string }).durability ?? 'unknown');
  db.close();
  const rounded = Math.ceil(n / BLOCK) * BLOCK;
  return { n: rounded, submitPerSecond: rounded / (submitMs / 1000), putPerSecond: rounded / (putMs / 1000), bulkPutPerSecond: n / (bulkMs / 1000), sealMs: sealMs / rounded, terminalIdMs, relaxedPutPerSecond: rounded / (relaxedMs / 1000), durability };
}

async function queueBytes(definition: ServiceDefinition, answers: Answers, applications: number): Promise<QueueBytes> {
  const before = (await navigator.storage.estimate()).usage ?? 0;
  const { db } = await open(`bench-bytes-${crypto.randomUUID()}`);
  for (let i = 0; i < applications; i++) await submitDraft(db, draft(definition, answers));
  const items = await db.outbox.toArray();
  const jsonBytes = items.reduce((sum, item) => sum + new TextEncoder().encode(JSON.stringify(item)).length, 0);
  db.close();
  await new Promise((r) => setTimeout(r, 1000)); // let the quota manager see the files
  const after = (await navigator.storage.estimate()).usage ?? 0;
  return { applications, usageBytes: after - before, jsonBytes };
}

declare global {
  interface Window {
    relaisBench: { enqueueRates: typeof enqueueRates; queueBytes: typeof queueBytes };
  }
}

window.relaisBench = { enqueueRates, queueBytes };
