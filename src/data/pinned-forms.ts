/**
 * This terminal's drafts and queued applications pinned to an older form version than its
 * catalog's (core/outbox/pinned-versions.ts). A draft is read only while its session key
 * lives (a citizen's session in progress); queued applications carry their version in clear.
 */
import { olderFormVersions, type FormPin } from '../core/outbox/pinned-versions.ts';
import type { RelaisDb } from './db.ts';
import { openDraft, sessionKey } from './session.ts';

export async function pinnedToOlderForms(database: RelaisDb): Promise<Array<FormPin & { currentVersion: number | null }>> {
  const current = new Map((await database.catalog.toArray()).map((entry) => [entry.id, entry.definition.version]));
  const waiting = await database.outbox.where('status').anyOf('queued', 'sending').toArray();
  const pins: FormPin[] = waiting.map((item) => ({ kind: 'queued', id: item.id, serviceId: item.request.serviceId, formVersion: item.request.formVersion, trackingCode: item.trackingCode }));
  const key = await sessionKey(database, false);
  for (const stored of key ? await database.drafts.toArray() : []) {
    const draft = await openDraft(key!, stored);
    if (draft) pins.push({ kind: 'draft', id: draft.id, serviceId: draft.serviceId, formVersion: draft.definition.version });
  }
  return olderFormVersions(pins, current);
}
