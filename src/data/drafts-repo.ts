/**
 * Drafts and the step that turns one into a queued application. Every change is
 * written at once (encrypted under the session key), so a reload or a power cut loses
 * at most the keystroke in flight, and the end of the session leaves nothing readable.
 */
import type { ServiceDefinition } from '../core/forms/types.ts';
import { appendAudit } from './audit-log.ts';
import type { RelaisDb } from './db.ts';
import type { Draft } from './draft.ts';
import { getMeta, setMeta } from './meta.ts';
import { openDraft, sealDraft, sessionKey } from './session.ts';
import { storageFullOr } from '../core/storage/quota.ts';

export const ACTIVE = 'activeDraftId';

/** `corrects`: the refused application an agent is entering again with the citizen (a hand-back). */
export async function startDraft(database: RelaisDb, definition: ServiceDefinition, language: string, consentVersion: string, assistedBy?: string, corrects?: string): Promise<Draft> {
  const draft: Draft = {
    id: crypto.randomUUID(),
    serviceId: definition.id,
    definition,
    answers: {},
    stepIndex: 0,
    language,
    createdAt: new Date().toISOString(),
    updatedAt: Date.now(),
    consentVersion,
    ...(assistedBy ? { assistedBy } : {}),
    ...(corrects ? { corrects } : {}),
  };
  const key = (await sessionKey(database, true))!;
  const stored = await sealDraft(key, draft);
  await database.transaction('rw', database.drafts, database.meta, database.audit, async () => {
    await database.drafts.put(stored);
    await setMeta(database, ACTIVE, draft.id);
    await appendAudit(database, { actor: assistedBy ?? 'citizen', action: 'consented', applicationId: draft.id, serviceId: definition.id });
    await appendAudit(database, { actor: assistedBy ?? 'citizen', action: 'created', applicationId: draft.id, serviceId: definition.id });
  });
  return draft;
}

/** The draft in progress, if its session is still alive; a draft whose key is gone is dropped. */
export async function activeDraft(database: RelaisDb): Promise<Draft | undefined> {
  const id = await getMeta<string>(database, ACTIVE);
  if (!id) return undefined;
  const stored = await database.drafts.get(id);
  const key = await sessionKey(database, false);
  const draft = stored && key ? await openDraft(key, stored) : null;
  if (!draft) {
    await discardDraft(database, id);
    return undefined;
  }
  return draft;
}

/** Throws StorageFullError (core/storage/quota.ts) on a full disk: the stored draft is then the previous one. */
export async function saveDraft(database: RelaisDb, draft: Draft): Promise<void> {
  const key = await sessionKey(database, false);
  if (!key) throw new Error('the session ended: this draft can no longer be saved');
  const sealed = await sealDraft(key, { ...draft, updatedAt: Date.now() });
  let transaction: IDBTransaction | undefined;
  try {
    await database.transaction('rw', database.drafts, async (tx) => {
      transaction = tx.idbtrans;
      await database.drafts.put(sealed);
    });
  } catch (error) {
    throw storageFullOr(error, transaction);
  }
}

export async function discardDraft(database: RelaisDb, id: string): Promise<void> {
  await database.transaction('rw', database.drafts, database.meta, async () => {
    await database.drafts.delete(id);
    if ((await getMeta<string>(database, ACTIVE)) === id) await database.meta.delete(ACTIVE);
  });
}
