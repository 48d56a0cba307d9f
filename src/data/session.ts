/**
 * A citizen's session: from the first answer to "done" or the idle timeout. Its AES-GCM
 * key encrypts the draft so the draft survives a reload, and ending the session deletes
 * the key together with the drafts — nothing readable of the citizen stays behind.
 */
import type { RelaisDb } from './db.ts';
import type { Draft, StoredDraft } from './draft.ts';

export async function sessionKey(database: RelaisDb, create: boolean): Promise<CryptoKey | null> {
  const existing = await database.sessionKeys.get('current');
  if (existing || !create) return existing?.key ?? null;
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  await database.sessionKeys.put({ id: 'current', key, startedAt: Date.now() });
  return key;
}

export async function sealDraft(key: CryptoKey, draft: Draft): Promise<StoredDraft> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(draft));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(draft.id) }, key, plain);
  return { id: draft.id, updatedAt: draft.updatedAt, iv, data };
}

/** Null when the draft cannot be opened (its session ended, or it was tampered with). */
export async function openDraft(key: CryptoKey, stored: StoredDraft): Promise<Draft | null> {
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: stored.iv, additionalData: new TextEncoder().encode(stored.id) }, key, stored.data);
    return JSON.parse(new TextDecoder().decode(plain)) as Draft;
  } catch {
    return null;
  }
}

/** Ends the session: the key, every draft and the pointer to the active one go, in one transaction. */
export async function endSession(database: RelaisDb): Promise<string[]> {
  return database.transaction('rw', database.sessionKeys, database.drafts, database.meta, async () => {
    const ids = (await database.drafts.toCollection().primaryKeys()) as string[];
    await database.sessionKeys.clear();
    await database.drafts.clear();
    await database.meta.delete('activeDraftId');
    return ids;
  });
}
