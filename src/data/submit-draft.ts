/**
 * Sealing and queueing a finished draft. Its own module, loaded when the citizen presses
 * submit, so the HPKE code is not start-up JavaScript.
 */
import { buildSealedSubmissionWithAttachments } from '../core/outbox/build-submission.ts';
import { decodeBase64Url } from '../core/crypto/base64url.ts';
import { markReplaced, newOutboxItem } from '../core/outbox/state-machine.ts';
import { storageFullOr } from '../core/storage/quota.ts';
import type { OutboxItem } from '../core/outbox/types.ts';
import { trackingCodeFor } from '../core/ids/tracking-code.ts';
import type { SealingKey } from '../core/sync/protocol.ts';
import { appendAudit } from './audit-log.ts';
import type { RelaisDb } from './db.ts';
import type { Draft } from './draft.ts';
import { ACTIVE } from './drafts-repo.ts';
import { getMeta, terminalId } from './meta.ts';

export class NoSealingKeyError extends Error {
  constructor() {
    super('no server key to seal applications to: the catalog was never fetched');
    this.name = 'NoSealingKeyError';
  }
}

/**
 * Moves a validated draft into the outbox in one transaction: either the application
 * is queued (sealed) and the draft gone, or nothing changed. Resolves only after the
 * strict-durability commit, which is what lets the UI say "saved".
 */
export async function submitDraft(database: RelaisDb, draft: Draft): Promise<OutboxItem> {
  const sealing = await getMeta<SealingKey>(database, 'sealingKey');
  if (!sealing) throw new NoSealingKeyError();
  const terminal = await terminalId(database);
  // Each photo and signature is sealed on its own: the outbox holds only ciphertext.
  const files = Object.values(draft.attachments ?? {}).map((a) => ({ ref: a.ref, bytes: decodeBase64Url(a.data) }));
  const { request, attachments: sealed } = await buildSealedSubmissionWithAttachments({ ...draft, files }, terminal, new Date().toISOString(), sealing);
  const item = newOutboxItem(request, await trackingCodeFor(draft.id, crypto.subtle), Date.now(), sealed);
  const actor = draft.assistedBy ?? 'citizen';
  let transaction: IDBTransaction | undefined;
  const queue = () =>
    database.transaction('rw', [database.outbox, database.drafts, database.meta, database.audit], async (tx) => {
      transaction = tx.idbtrans;
      // add, not put: a second tap on "submit" must not overwrite a queued application.
      const existing = await database.outbox.get(item.id);
      if (existing) return existing;
      await database.outbox.add(item);
      await database.drafts.delete(draft.id);
      await database.meta.delete(ACTIVE);
      await appendAudit(database, { actor, action: 'submitted', applicationId: draft.id, serviceId: draft.serviceId });
      // A correction: the refused application it replaces goes in the same transaction.
      const original = draft.corrects ? await database.outbox.get(draft.corrects) : undefined;
      if (original?.status === 'handed-back') {
        await database.outbox.put(markReplaced(original, item.id, item.queuedAt));
        await appendAudit(database, { actor, action: 'replaced', applicationId: original.id, serviceId: original.request.serviceId });
      }
      return item;
    });
  try {
    return await queue();
  } catch (error) {
    // The transaction rolled back whole: the draft is still there, nothing half-queued.
    // A full disk becomes a StorageFullError, which the form screen names as such.
    throw storageFullOr(error, transaction);
  }
}
