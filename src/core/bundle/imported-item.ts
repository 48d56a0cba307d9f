/**
 * An application taken from a bundle enters this terminal's outbox as a queued item with
 * its original id (the Idempotency-Key), request and tracking code, so whichever terminal
 * delivers it first, the server stores it once and answers the other with the same receipt.
 */
import type { OutboxItem } from '../outbox/types.ts';
import type { BundleEntry, OpenedBundle } from './read-bundle.ts';

export function importedItem(entry: BundleEntry, bundle: OpenedBundle, now: number): OutboxItem {
  return {
    ...(entry.attachments.length > 0 ? { attachments: entry.attachments } : {}),
    id: entry.id,
    status: 'queued',
    request: entry.request,
    trackingCode: entry.trackingCode,
    trackingConfirmed: false,
    attempts: 0,
    nextAttemptAt: now, // due at once: it has waited long enough
    queuedAt: entry.queuedAt, // when the citizen's terminal queued it: its true age
    origin: { terminalId: bundle.signer.terminalId, bundleId: bundle.bundleId, importedAt: now },
  };
}

/** How a bundle's items stand against what is already known, before anything is written. */
export interface ImportPlan {
  toQueue: BundleEntry[];
  alreadyDelivered: string[];
  alreadyQueued: string[];
}

/**
 * `local`: this terminal's outbox items with the bundle's ids; `onServer`: ids the server
 * said it holds (empty when offline). Delivered here or on the server → skipped and
 * reported; waiting here (queued, sending, or needing attention) → already queued.
 */
export function planImport(bundle: OpenedBundle, local: ReadonlyMap<string, OutboxItem>, onServer: ReadonlySet<string>): ImportPlan {
  const plan: ImportPlan = { toQueue: [], alreadyDelivered: [], alreadyQueued: [] };
  for (const entry of bundle.entries) {
    const here = local.get(entry.id);
    if (here?.status === 'delivered' || (!here && onServer.has(entry.id))) plan.alreadyDelivered.push(entry.id);
    else if (here) plan.alreadyQueued.push(entry.id);
    else plan.toQueue.push(entry);
  }
  return plan;
}
