/**
 * Drafts and the step that turns one into a queued application. Every change is
 * written at once (encrypted under the session key), so a reload or a power cut loses
 * at most the keystroke in flight, and the end of the session leaves nothing readable.
 */
import { buildSealedSubmission } from '../core/outbox/build-submission.ts';
import { newOutboxItem } from '../core/outbox/state-machine.ts';
import type { OutboxItem } from '../core/outbox/types.ts';
import { trackingCodeFor } from '../core/ids/tracking-code.ts';
import type { ServiceDefinition } from '../core/forms/types.ts';
import type { SealingKey } from '../core/sync/protocol.ts';
import { appendAudit } from './audit-log.ts';
import type { RelaisDb } from './db.ts';
import type { Draft } from './draft.ts';
import { getMeta, setMeta, terminalId } from './meta.ts';
import { openDraft, sealDraft, sessionKey } from './session.ts';

const ACTIVE = 'activeDraftId';

export class NoSealingKeyError extends Error {
  constructor() {
    super('no server key to seal applications to: the catalog was never fetched');
    this.name = 'NoSealingKeyError';
  }
}

export async function startDraft(database: RelaisDb, definition: ServiceDefinition, language: string, consentVersion: string, assistedBy?: string): Promise<Draft> {
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

export async function saveDraft(database: RelaisDb, draft: Draft): Promise<void> {
  const key = await sessionKey(database, false);
  if (!key) throw new Error('the session ended: this draft can no longer be saved');
  await database.drafts.put(await sealDraft(key, { ...draft, updatedAt: Date.now() }));
}

export async function discardDraft(database: RelaisDb, id: string): Promise<void> {
  await database.transaction('rw', database.drafts, database.meta, async () => {
    await database.drafts.delete(id);
    if ((await getMeta<string>(database, ACTIVE)) === id) await database.meta.delete(ACTIVE);
  });
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
  const request = await buildSealedSubmission(draft, terminal, new Date().toISOString(), sealing);
  const item = newOutboxItem(request, await trackingCodeFor(draft.id, crypto.subtle), Date.now());
  await database.transaction('rw', [database.outbox, database.drafts, database.meta, database.audit], async () => {
    // add, not put: a second tap on "submit" must not overwrite a queued application.
    if (await database.outbox.get(item.id)) return;
    await database.outbox.add(item);
    await database.drafts.delete(draft.id);
    await database.meta.delete(ACTIVE);
    await appendAudit(database, { actor: draft.assistedBy ?? 'citizen', action: 'submitted', applicationId: draft.id, serviceId: draft.serviceId });
  });
  return (await database.outbox.get(item.id))!;
}
