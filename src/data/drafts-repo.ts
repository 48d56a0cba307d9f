/**
 * Drafts and the step that turns one into a queued application. Every change is
 * written at once, so a reload or a power cut loses at most the keystroke in flight.
 */
import { buildSubmission } from '../core/outbox/build-submission.ts';
import { newOutboxItem } from '../core/outbox/state-machine.ts';
import type { OutboxItem } from '../core/outbox/types.ts';
import { trackingCodeFor } from '../core/ids/tracking-code.ts';
import type { ServiceDefinition } from '../core/forms/types.ts';
import type { RelaisDb } from './db.ts';
import type { Draft } from './draft.ts';
import { getMeta, setMeta, terminalId } from './meta.ts';

const ACTIVE = 'activeDraftId';

export async function startDraft(database: RelaisDb, definition: ServiceDefinition, language: string): Promise<Draft> {
  const draft: Draft = {
    id: crypto.randomUUID(),
    serviceId: definition.id,
    definition,
    answers: {},
    stepIndex: 0,
    language,
    createdAt: new Date().toISOString(),
    updatedAt: Date.now(),
  };
  await database.transaction('rw', database.drafts, database.meta, async () => {
    await database.drafts.put(draft);
    await setMeta(database, ACTIVE, draft.id);
  });
  return draft;
}

export async function activeDraft(database: RelaisDb): Promise<Draft | undefined> {
  const id = await getMeta<string>(database, ACTIVE);
  return id ? database.drafts.get(id) : undefined;
}

export async function saveDraft(database: RelaisDb, draft: Draft): Promise<void> {
  await database.drafts.put({ ...draft, updatedAt: Date.now() });
}

export async function discardDraft(database: RelaisDb, id: string): Promise<void> {
  await database.transaction('rw', database.drafts, database.meta, async () => {
    await database.drafts.delete(id);
    if ((await getMeta<string>(database, ACTIVE)) === id) await database.meta.delete(ACTIVE);
  });
}

/**
 * Moves a validated draft into the outbox in one transaction: either the application
 * is queued and the draft gone, or nothing changed. Resolves only after the strict-
 * durability commit, which is what lets the UI say "saved".
 */
export async function submitDraft(database: RelaisDb, draft: Draft): Promise<OutboxItem> {
  const terminal = await terminalId(database);
  const request = buildSubmission(draft, terminal, new Date().toISOString());
  const item = newOutboxItem(request, await trackingCodeFor(draft.id, crypto.subtle), Date.now());
  await database.transaction('rw', database.outbox, database.drafts, database.meta, async () => {
    // add, not put: a second tap on "submit" must not overwrite a queued application.
    if (await database.outbox.get(item.id)) return;
    await database.outbox.add(item);
    await database.drafts.delete(draft.id);
    await database.meta.delete(ACTIVE);
  });
  return (await database.outbox.get(item.id))!;
}
