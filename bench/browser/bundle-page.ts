/**
 * Runs in Chromium (bench/bundle.ts): a terminal exports its queue as a bundle and
 * another imports it, on real IndexedDB with strict durability, each against the plainest
 * way to move the same items in the same page — reading them out as JSON, and a raw
 * bulkAdd of them in one strict transaction.
 */
import { sealAttachment } from '../../src/core/attachments/seal.ts';
import { sealContent } from '../../src/core/crypto/envelope.ts';
import { generateSealingKeyPair, sealingKeyOf } from '../../src/core/crypto/keys.ts';
import { trackingCodeFor } from '../../src/core/ids/tracking-code.ts';
import { newOutboxItem } from '../../src/core/outbox/state-machine.ts';
import type { OutboxItem } from '../../src/core/outbox/types.ts';
import type { SealedContent, SealingKey } from '../../src/core/sync/protocol.ts';
import { exportBundle } from '../../src/data/bundle-export.ts';
import { importBundle } from '../../src/data/bundle-import.ts';
import { RelaisDb } from '../../src/data/db.ts';
import { setMeta, terminalId } from '../../src/data/meta.ts';
import { ownSigningKey } from '../../src/data/terminal-keys.ts';

export interface BundleTimes {
  applications: number;
  photos: number; // sealed photos in the whole queue
  exportMs: number[]; // exportBundle, each run
  readJsonMs: number[]; // baseline: read the same items and JSON.stringify them
  importMs: number[]; // importBundle into an empty terminal, each run
  bulkAddMs: number[]; // baseline: raw bulkAdd of the same items, one strict transaction
  bundleBytes: number;
  jsonBytes: number; // the same items as JSON (attachments as base64)
}

const CONTENT: SealedContent = {
  answers: {
    fullName: 'Aicha Ait Brahim', cnie: 'JB123456', birthDate: '1984-05-17', douar: 'Douar Tafraout', commune: 'Tafraout',
    residentSince: '2010-09-01', housingStatus: 'owner', purpose: 'bank', phone: '+212661234567', householdSize: 6,
  },
  consentVersion: 'consent-2026-11-v1',
};

async function sealedItem(key: SealingKey, terminal: string, photos: number): Promise<OutboxItem> {
  const id = crypto.randomUUID();
  const attachments = [];
  for (let i = 0; i < photos; i++) {
    const attachmentId = crypto.randomUUID();
    const photo = new Uint8Array(300 * 1024);
    for (let at = 0; at < photo.length; at += 65536) crypto.getRandomValues(photo.subarray(at, at + 65536));
    attachments.push({ id: attachmentId, sealed: await sealAttachment(photo, key, id, attachmentId) });
  }
  const payload = await sealContent(CONTENT, key, id);
  const request = { id, serviceId: 'residence-certificate', formVersion: 1, terminalId: terminal, language: 'fr', createdAt: new Date().toISOString(), submittedAt: new Date().toISOString(), payload };
  return newOutboxItem(request, await trackingCodeFor(id, crypto.subtle), Date.now(), attachments);
}

/** A terminal of relay 'relay-bench' that knows `others`' keys (and its own). */
async function terminal(name: string): Promise<RelaisDb> {
  const db = new RelaisDb(name);
  await setMeta(db, 'enrollment', { relayId: 'relay-bench', label: name });
  return db;
}

async function trust(dbs: RelaisDb[]): Promise<void> {
  const terminals = [];
  for (const db of dbs) {
    const key = await ownSigningKey(db);
    terminals.push({ terminalId: await terminalId(db), label: 'bench', keyId: key.keyId, publicKey: key.publicKey, revoked: false });
  }
  for (const db of dbs) await setMeta(db, 'relayTerminalKeys', { relayId: 'relay-bench', terminals, fetchedAt: new Date().toISOString() });
}

const base64 = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
const asJson = (items: OutboxItem[]) => JSON.stringify(items, (_k, v: unknown) => (v instanceof Uint8Array ? base64(v) : v));

async function bundleTimes(applications: number, photosEach: number, runs: number): Promise<BundleTimes> {
  const key = sealingKeyOf(await generateSealingKeyPair());
  const source = await terminal(`bench-bundle-a-${crypto.randomUUID()}`);
  const items: OutboxItem[] = [];
  for (let i = 0; i < applications; i++) items.push(await sealedItem(key, await terminalId(source), photosEach));
  await source.outbox.bulkAdd(items);
  const targets = await Promise.all(Array.from({ length: runs }, () => terminal(`bench-bundle-b-${crypto.randomUUID()}`)));
  const controls = await Promise.all(Array.from({ length: runs }, () => terminal(`bench-bundle-c-${crypto.randomUUID()}`)));
  await trust([source, ...targets]);
  const times: BundleTimes = { applications, photos: applications * photosEach, exportMs: [], readJsonMs: [], importMs: [], bulkAddMs: [], bundleBytes: 0, jsonBytes: 0 };
  let bytes = new Uint8Array();
  for (let run = 0; run < runs; run++) {
    let start = performance.now();
    const json = asJson(await source.outbox.where('status').anyOf('queued', 'sending').toArray());
    times.readJsonMs.push(performance.now() - start);
    times.jsonBytes = new TextEncoder().encode(json).length;
    start = performance.now();
    const out = await exportBundle(source);
    times.exportMs.push(performance.now() - start);
    bytes = out.bytes;
    times.bundleBytes = bytes.byteLength;
  }
  for (let run = 0; run < runs; run++) {
    let start = performance.now();
    const result = await importBundle(targets[run]!, bytes, Date.now(), { deliveredOnServer: async () => [] });
    times.importMs.push(performance.now() - start);
    if (!result.ok || result.imported !== applications) throw new Error(`the bench bundle did not import: ${JSON.stringify(result)}`);
    const copies = structuredClone(items);
    start = performance.now();
    await controls[run]!.outbox.bulkAdd(copies);
    times.bulkAddMs.push(performance.now() - start);
  }
  for (const db of [source, ...targets, ...controls]) db.close();
  return times;
}

declare global {
  interface Window {
    relaisBundleBench: { bundleTimes: typeof bundleTimes };
  }
}

window.relaisBundleBench = { bundleTimes };
