/**
 * Import: a bundle from another terminal of the relay (core/bundle) is checked whole —
 * header, manifest, signer against the relay's cached keys, signature, every checksum —
 * before anything is written; then its applications enter this terminal's outbox in one
 * transaction, queued with their original ids, and the sync loop delivers them. All or
 * nothing: a bad file, or a disk too full for all of it, leaves the outbox as it was.
 */
import { KNOWN_SUBMISSIONS_PATH, MAX_KNOWN_IDS, type KnownSubmissions } from '../core/bundle/known-submissions.ts';
import { importedItem, planImport } from '../core/bundle/imported-item.ts';
import { readBundle, type BundleSubtle } from '../core/bundle/read-bundle.ts';
import type { BundleProblem } from '../core/bundle/format.ts';
import type { TerminalKeyList } from '../core/bundle/terminal-keys.ts';
import type { OutboxItem } from '../core/outbox/types.ts';
import { isQuotaError } from '../core/storage/quota.ts';
import { appendAudit } from './audit-log.ts';
import type { RelaisDb } from './db.ts';
import { apiFetch } from './enrollment.ts';
import { terminalId } from './meta.ts';
import { cachedTerminalKeys, ownSigningKey } from './terminal-keys.ts';

export type ImportProblem = BundleProblem | 'storage-full';

export type ImportResult =
  | {
      ok: true;
      imported: number;
      alreadyDelivered: number; // delivered here, or the server already holds them
      alreadyQueued: number; // already in this terminal's outbox
      ids: string[]; // the applications queued by this import
      bundleId: string;
      from: { terminalId: string; label: string };
      fromThisTerminal: boolean; // this terminal's own bundle: nothing is duplicated
    }
  | { ok: false; reason: ImportProblem };

export interface ImportOptions {
  /** Asks the server which ids it already stored; empty when offline (the default asks the API). */
  deliveredOnServer?(ids: string[]): Promise<string[]>;
  actor?: string; // who imported (the supervisor's id), for the audit log
}

/** Ids among `ids` the server already stored, asked in batches; whatever cannot be asked counts as unknown. */
export async function askServerWhichAreKnown(database: RelaisDb, ids: string[]): Promise<string[]> {
  const known: string[] = [];
  for (let i = 0; i < ids.length; i += MAX_KNOWN_IDS) {
    try {
      const res = await apiFetch(database, KNOWN_SUBMISSIONS_PATH, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ids: ids.slice(i, i + MAX_KNOWN_IDS) }) });
      if (!res.ok) break;
      const body = (await res.json()) as Partial<KnownSubmissions>;
      if (Array.isArray(body.known)) known.push(...body.known.filter((id): id is string => typeof id === 'string'));
    } catch {
      break; // offline: the sync's idempotent delivery settles the rest
    }
  }
  return known;
}

/** The relay's keys as cached, with this terminal's own key even before the server listed it. */
async function trustedKeys(database: RelaisDb): Promise<TerminalKeyList | null> {
  const [cached, own, key] = await Promise.all([cachedTerminalKeys(database), terminalId(database), ownSigningKey(database)]);
  if (!cached) return null;
  if (cached.terminals.some((t) => t.terminalId === own)) return cached;
  return { ...cached, terminals: [...cached.terminals, { terminalId: own, label: '', keyId: key.keyId, publicKey: key.publicKey, revoked: false }] };
}

export async function importBundle(database: RelaisDb, bytes: Uint8Array, now = Date.now(), options: ImportOptions = {}): Promise<ImportResult> {
  const read = await readBundle(bytes, await trustedKeys(database), crypto.subtle as unknown as BundleSubtle);
  if (!read.ok) return { ok: false, reason: read.problem };
  const { bundle } = read;
  const ids = bundle.entries.map((e) => e.id);
  const onServer = new Set(await (options.deliveredOnServer ?? ((list: string[]) => askServerWhichAreKnown(database, list)))(ids));
  const own = await terminalId(database);
  try {
    const plan = await database.transaction('rw', [database.outbox, database.audit, database.meta], async () => {
      const local = new Map<string, OutboxItem>();
      (await database.outbox.bulkGet(ids)).forEach((item) => item && local.set(item.id, item));
      const planned = planImport(bundle, local, onServer);
      await database.outbox.bulkAdd(planned.toQueue.map((entry) => importedItem(entry, bundle, now)));
      // Issued together: IndexedDB runs them in order within the transaction, without a round trip each.
      await Promise.all(planned.toQueue.map((entry) => appendAudit(database, { actor: options.actor ?? 'terminal', action: 'imported', applicationId: entry.id, serviceId: entry.request.serviceId })));
      return planned;
    });
    return {
      ok: true,
      imported: plan.toQueue.length,
      alreadyDelivered: plan.alreadyDelivered.length,
      alreadyQueued: plan.alreadyQueued.length,
      ids: plan.toQueue.map((e) => e.id),
      bundleId: bundle.bundleId,
      from: { terminalId: bundle.signer.terminalId, label: bundle.signer.label },
      fromThisTerminal: bundle.signer.terminalId === own,
    };
  } catch (error) {
    if (isQuotaError(error)) return { ok: false, reason: 'storage-full' };
    throw error;
  }
}
