/**
 * Idempotency keys. A request first claims its key in a short transaction of its own, so
 * a concurrent request with the same key sees the claim at once and gets 409 instead of
 * racing it. Only a successful response is stored against the key (by completeKey, in
 * the same transaction as the submission); any other outcome releases the claim so the
 * kiosk can send a corrected application under the same id.
 */
import type { Db, Queryable } from '../store/db.ts';

/**
 * How long a key (and its response) is kept: longer than a kiosk keeps retrying an
 * application it could not deliver. Published in the README; change both together.
 */
export const IDEMPOTENCY_KEY_TTL_DAYS = 30;
/** A claim this old belongs to a request that died (crash, restart) and may be taken over. */
export const STALE_CLAIM_MS = 60_000;

export type Claim =
  | { kind: 'claimed' }
  | { kind: 'replay'; status: number; body: string }
  | { kind: 'in-progress' }
  | { kind: 'reused' };

interface KeyRow {
  request_hash: string;
  state: 'processing' | 'done';
  response_status: number | null;
  response_body: string | null;
  updated_at: Date;
}

export async function claimKey(db: Db, key: string, requestHash: string, now = new Date()): Promise<Claim> {
  const at = now.toISOString();
  // A few rounds: the row we conflicted with may be released or taken over meanwhile.
  for (let round = 0; round < 3; round += 1) {
    const inserted = await db.query(
      `INSERT INTO idempotency_keys (key, request_hash, state, created_at, updated_at)
       VALUES ($1, $2, 'processing', $3::timestamptz, $3::timestamptz)
       ON CONFLICT (key) DO NOTHING RETURNING key`,
      [key, requestHash, at],
    );
    if (inserted.length > 0) return { kind: 'claimed' };
    const [row] = await db.query<KeyRow>(
      'SELECT request_hash, state, response_status, response_body, updated_at FROM idempotency_keys WHERE key = $1',
      [key],
    );
    if (!row) continue; // released between our two statements: try to claim again
    if (row.state === 'done') {
      if (row.request_hash !== requestHash) return { kind: 'reused' };
      return { kind: 'replay', status: row.response_status ?? 201, body: row.response_body ?? '' };
    }
    if (now.getTime() - row.updated_at.getTime() < STALE_CLAIM_MS) return { kind: 'in-progress' };
    // Compare-and-set on updated_at: of two requests taking over one stale claim, one wins.
    const taken = await db.query(
      `UPDATE idempotency_keys SET request_hash = $2, updated_at = $3::timestamptz
        WHERE key = $1 AND state = 'processing' AND updated_at = $4::timestamptz RETURNING key`,
      [key, requestHash, at, row.updated_at.toISOString()],
    );
    if (taken.length > 0) return { kind: 'claimed' };
  }
  return { kind: 'in-progress' };
}

/** Stores the response to replay; call inside the transaction that stores the submission. */
export async function completeKey(tx: Queryable, key: string, status: number, body: string, now = new Date()): Promise<void> {
  await tx.query(
    `UPDATE idempotency_keys SET state = 'done', response_status = $2, response_body = $3, updated_at = $4::timestamptz
      WHERE key = $1`,
    [key, status, body, now.toISOString()],
  );
}

export async function releaseKey(db: Db, key: string): Promise<void> {
  await db.query("DELETE FROM idempotency_keys WHERE key = $1 AND state = 'processing'", [key]);
}

/** Deletes keys older than the retention period; returns how many went. */
export async function purgeExpiredKeys(db: Db, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_DAYS * 24 * 3600 * 1000).toISOString();
  const rows = await db.query('DELETE FROM idempotency_keys WHERE created_at < $1::timestamptz RETURNING key', [before]);
  return rows.length;
}
