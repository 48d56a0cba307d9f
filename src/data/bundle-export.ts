/**
 * Export: this terminal's applications still to deliver (queued or being sent), sealed as
 * they are, in one bundle file signed with this terminal's key (core/bundle). Nothing
 * leaves the outbox: each item notes the bundle it went out in, and the export is audited,
 * so the terminal keeps trying too and the server keeps whichever copy comes first.
 */
import { MAX_BUNDLE_BYTES, MAX_BUNDLE_ITEMS } from '../core/bundle/format.ts';
import { isBundleable, writeBundle, type BundleableItem } from '../core/bundle/write-bundle.ts';
import type { OutboxItem } from '../core/outbox/types.ts';
import { appendAudit } from './audit-log.ts';
import type { RelaisDb } from './db.ts';
import { currentEnrollment } from './enrollment.ts';
import { terminalId } from './meta.ts';
import { ownSigningKey, signWith } from './terminal-keys.ts';

export interface ExportedBundle {
  bytes: Uint8Array<ArrayBuffer>;
  count: number;
  bundleId: string;
  /** Applications left out because the file reached its size limit (a second export after they are delivered takes them). */
  left: number;
}

/** Roughly what an item takes in the file (the manifest entry is about 600 bytes). */
const itemBytes = (item: BundleableItem) => 600 + item.request.payload.ciphertext.length + (item.attachments ?? []).reduce((sum, a) => sum + a.sealed.byteLength, 0);

/** The applications a bundle would carry now, oldest first. */
export async function bundleableItems(database: RelaisDb): Promise<BundleableItem[]> {
  const waiting = await database.outbox.where('status').anyOf('queued', 'sending').sortBy('queuedAt');
  return waiting.filter(isBundleable);
}

export async function exportBundle(database: RelaisDb, now = Date.now(), actor = 'terminal'): Promise<ExportedBundle> {
  const all = await bundleableItems(database);
  const items: BundleableItem[] = [];
  let size = 0;
  for (const item of all) {
    size += itemBytes(item);
    if (items.length >= MAX_BUNDLE_ITEMS || size > MAX_BUNDLE_BYTES - 1024 * 1024) break;
    items.push(item);
  }
  const [key, terminal, enrollment] = await Promise.all([ownSigningKey(database), terminalId(database), currentEnrollment(database)]);
  const bundleId = crypto.randomUUID();
  const bytes = await writeBundle(
    { bundleId, createdAt: new Date(now).toISOString(), signer: { terminalId: terminal, relayId: enrollment?.relayId ?? null, keyId: key.keyId } },
    items,
    (manifest) => signWith(key, manifest),
    crypto.subtle,
  );
  await database.transaction('rw', [database.outbox, database.audit, database.meta], async () => {
    // Read again inside the transaction: only the note changes, an item the sync moved on keeps its new state.
    const stored = (await database.outbox.bulkGet(items.map((i) => i.id))).filter((i): i is OutboxItem => i !== undefined);
    await database.outbox.bulkPut(stored.map((i) => ({ ...i, exportedIn: [...(i.exportedIn ?? []), { bundleId, at: now }] })));
    // Issued together: IndexedDB runs them in order within the transaction, without a round trip each.
    await Promise.all(items.map((item) => appendAudit(database, { actor, action: 'exported', applicationId: item.id, serviceId: item.request.serviceId })));
  });
  return { bytes, count: items.length, bundleId, left: all.length - items.length };
}
