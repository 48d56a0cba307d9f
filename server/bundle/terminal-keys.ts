/**
 * Terminals' bundle-signing keys in the store (core/bundle/terminal-keys.ts): set at
 * enrollment, registered once by a terminal enrolled before it had one, and listed to the
 * relay's terminals. Plain SQL with parameters only.
 */
import type { TerminalKey } from '../../src/core/bundle/terminal-keys.ts';
import type { JsonWebKeyLike } from '../../src/core/sync/protocol.ts';
import type { Queryable } from '../store/db.ts';

export interface SigningKeyInput {
  keyId: string;
  publicKey: JsonWebKeyLike;
}

/** At enrollment (a supervisor's PIN vouches for the terminal): the key it brings replaces any other. */
export async function setSigningKey(db: Queryable, terminalId: string, key: SigningKeyInput, now = new Date()): Promise<void> {
  await db.query('UPDATE terminals SET signing_key = $2::jsonb, signing_key_id = $3, signing_key_at = $4::timestamptz WHERE terminal_id = $1', [
    terminalId,
    JSON.stringify(key.publicKey),
    key.keyId,
    now.toISOString(),
  ]);
}

/**
 * With the device token only: a terminal that has no key yet registers one; the same key
 * again is harmless. Replacing a key takes an enrollment, so a stolen token alone cannot
 * swap the key other terminals trust.
 */
export async function registerSigningKey(db: Queryable, terminalId: string, key: SigningKeyInput, now = new Date()): Promise<'registered' | 'unchanged' | 'conflict'> {
  const updated = await db.query(
    `UPDATE terminals SET signing_key = $2::jsonb, signing_key_id = $3, signing_key_at = $4::timestamptz
      WHERE terminal_id = $1 AND signing_key IS NULL RETURNING terminal_id`,
    [terminalId, JSON.stringify(key.publicKey), key.keyId, now.toISOString()],
  );
  if (updated.length > 0) return 'registered';
  const [row] = await db.query<{ signing_key_id: string | null }>('SELECT signing_key_id FROM terminals WHERE terminal_id = $1', [terminalId]);
  return row?.signing_key_id === key.keyId ? 'unchanged' : 'conflict';
}

/** Every terminal of the relay that has a key, revoked ones included (marked), so their bundles are refused by name. */
export async function listTerminalKeys(db: Queryable, relayId: string): Promise<TerminalKey[]> {
  const rows = await db.query<{ terminal_id: string; label: string; signing_key_id: string; signing_key: JsonWebKeyLike; revoked_at: Date | null }>(
    `SELECT terminal_id, label, signing_key_id, signing_key, revoked_at FROM terminals
      WHERE relay_id = $1 AND signing_key IS NOT NULL ORDER BY terminal_id`,
    [relayId],
  );
  return rows.map((r) => ({ terminalId: r.terminal_id, label: r.label, keyId: r.signing_key_id, publicKey: r.signing_key, revoked: r.revoked_at !== null }));
}

/** Which of these applications the server holds (delivered by any terminal). */
export async function knownSubmissionIds(db: Queryable, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<{ id: string }>('SELECT id::text AS id FROM submissions WHERE id = ANY($1::uuid[])', [[...ids]]);
  return rows.map((r) => r.id);
}
