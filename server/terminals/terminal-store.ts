/**
 * Enrolled terminals in the store: enrol (or enrol again), check a device token, renew
 * it, revoke it, list a relay's terminals. Plain SQL with parameters only.
 */
import type { DeviceToken, ProblemCode, TerminalSummary } from '../../src/core/sync/protocol.ts';
import type { Heartbeat } from '../../src/core/sync/heartbeat.ts';
import type { Queryable } from '../store/db.ts';
import { newDeviceToken, tokenHash } from './tokens.ts';
import { setSigningKey, type SigningKeyInput } from '../bundle/terminal-keys.ts';

/** How long a device token lives; the kiosk renews it once half of that has passed. */
export const DEFAULT_TOKEN_TTL_DAYS = 90;
const DAY_MS = 86_400_000;
/** last_seen_at is written at most this often per terminal: not one write per request. */
const SEEN_EVERY_MS = 60_000;

export interface Terminal {
  terminalId: string;
  relayId: string;
  label: string;
}

export type TokenCheck = { ok: true; terminal: Terminal } | { ok: false; code: Extract<ProblemCode, `device-token-${string}`> };

interface TerminalRow {
  terminal_id: string;
  relay_id: string;
  label: string;
  token_hash: string;
  token_expires_at: Date;
  previous_token_hash: string | null;
  previous_expires_at: Date | null;
  revoked_at: Date | null;
  last_seen_at: Date | null;
}

export interface EnrollInput {
  terminalId: string;
  relayId: string;
  relayName: string;
  label: string;
  enrolledBy: string;
  ttlDays?: number;
  now?: Date;
  /** The key the terminal signs bundles with, when it sent one (server/bundle/terminal-keys.ts). */
  signingKey?: SigningKeyInput;
}

/** Enrols a terminal, or enrols it again (a new token; a revocation is lifted). */
export async function enrollTerminal(db: Queryable, input: EnrollInput): Promise<DeviceToken> {
  const now = input.now ?? new Date();
  const token = newDeviceToken();
  const expiresAt = new Date(now.getTime() + (input.ttlDays ?? DEFAULT_TOKEN_TTL_DAYS) * DAY_MS);
  await db.query(
    `INSERT INTO terminals (terminal_id, relay_id, label, token_hash, token_expires_at, enrolled_by, enrolled_at)
     VALUES ($1, $2, $3, $4, $5::timestamptz, $6, $7::timestamptz)
     ON CONFLICT (terminal_id) DO UPDATE SET relay_id = $2, label = $3, token_hash = $4, token_expires_at = $5::timestamptz,
       previous_token_hash = NULL, previous_expires_at = NULL, enrolled_by = $6, enrolled_at = $7::timestamptz,
       revoked_at = NULL, revoked_by = NULL`,
    [input.terminalId, input.relayId, input.label, tokenHash(token), expiresAt.toISOString(), input.enrolledBy, now.toISOString()],
  );
  if (input.signingKey) await setSigningKey(db, input.terminalId, input.signingKey, now);
  return { terminalId: input.terminalId, token, expiresAt: expiresAt.toISOString(), relayId: input.relayId, relayName: input.relayName, label: input.label };
}

/** Checks a device token as presented on an API call. */
export async function checkDeviceToken(db: Queryable, token: string, now = new Date()): Promise<TokenCheck> {
  const hash = tokenHash(token);
  const [row] = await db.query<TerminalRow>(
    `SELECT terminal_id, relay_id, label, token_hash, token_expires_at, previous_token_hash, previous_expires_at, revoked_at, last_seen_at
       FROM terminals WHERE token_hash = $1 OR previous_token_hash = $1`,
    [hash],
  );
  if (!row) return { ok: false, code: 'device-token-invalid' };
  if (row.revoked_at) return { ok: false, code: 'device-token-revoked' };
  const current = row.token_hash === hash;
  const expires = current ? row.token_expires_at : row.previous_expires_at;
  if (!expires || expires.getTime() <= now.getTime()) return { ok: false, code: 'device-token-expired' };
  if (current && row.previous_token_hash) {
    // The renewed token is in use: the kiosk has it, the old one may go.
    await db.query('UPDATE terminals SET previous_token_hash = NULL, previous_expires_at = NULL WHERE terminal_id = $1 AND token_hash = $2', [row.terminal_id, hash]);
  }
  if (!row.last_seen_at || now.getTime() - row.last_seen_at.getTime() > SEEN_EVERY_MS) {
    await db.query('UPDATE terminals SET last_seen_at = $2::timestamptz WHERE terminal_id = $1', [row.terminal_id, now.toISOString()]);
  }
  return { ok: true, terminal: { terminalId: row.terminal_id, relayId: row.relay_id, label: row.label } };
}

/**
 * A new token for a terminal that holds a valid one. The old token keeps working until
 * the new one is first used (or the old one expires), so a lost answer is harmless.
 */
export async function renewDeviceToken(db: Queryable, token: string, relayName: string, ttlDays = DEFAULT_TOKEN_TTL_DAYS, now = new Date()): Promise<DeviceToken | null> {
  const hash = tokenHash(token);
  const fresh = newDeviceToken();
  const expiresAt = new Date(now.getTime() + ttlDays * DAY_MS);
  const [row] = await db.query<{ terminal_id: string; relay_id: string; label: string }>(
    `UPDATE terminals SET
       previous_token_hash = CASE WHEN token_hash = $1 THEN token_hash ELSE previous_token_hash END,
       previous_expires_at = CASE WHEN token_hash = $1 THEN token_expires_at ELSE previous_expires_at END,
       token_hash = $2, token_expires_at = $3::timestamptz
     WHERE (token_hash = $1 OR previous_token_hash = $1) AND revoked_at IS NULL
     RETURNING terminal_id, relay_id, label`,
    [hash, tokenHash(fresh), expiresAt.toISOString()],
  );
  if (!row) return null;
  return { terminalId: row.terminal_id, token: fresh, expiresAt: expiresAt.toISOString(), relayId: row.relay_id, relayName, label: row.label };
}

/** Revokes a terminal of the relay: its tokens and staff sessions stop working at once. */
export async function revokeTerminal(db: Queryable, relayId: string, terminalId: string, by: string, now = new Date()): Promise<'revoked' | 'already-revoked' | 'unknown'> {
  const [row] = await db.query<{ revoked_at: Date | null }>('SELECT revoked_at FROM terminals WHERE terminal_id = $1 AND relay_id = $2', [terminalId, relayId]);
  if (!row) return 'unknown';
  if (row.revoked_at) return 'already-revoked';
  await db.query('UPDATE terminals SET revoked_at = $2::timestamptz, revoked_by = $3 WHERE terminal_id = $1 AND revoked_at IS NULL', [terminalId, now.toISOString(), by]);
  await db.query('DELETE FROM staff_sessions WHERE terminal_id = $1', [terminalId]);
  return 'revoked';
}

export async function listTerminals(db: Queryable, relayId: string): Promise<TerminalSummary[]> {
  const rows = await db.query<{
    terminal_id: string;
    label: string;
    enrolled_at: Date;
    enrolled_by: string;
    last_seen_at: Date | null;
    token_expires_at: Date;
    revoked_at: Date | null;
    revoked_by: string | null;
    heartbeat: Heartbeat | null;
    heartbeat_at: Date | null;
  }>(
    `SELECT terminal_id, label, enrolled_at, enrolled_by, last_seen_at, token_expires_at, revoked_at, revoked_by, heartbeat, heartbeat_at
       FROM terminals WHERE relay_id = $1 ORDER BY label, terminal_id`,
    [relayId],
  );
  return rows.map((r) => ({
    terminalId: r.terminal_id,
    label: r.label,
    enrolledAt: r.enrolled_at.toISOString(),
    enrolledBy: r.enrolled_by,
    lastSeenAt: r.last_seen_at?.toISOString() ?? null,
    tokenExpiresAt: r.token_expires_at.toISOString(),
    revokedAt: r.revoked_at?.toISOString() ?? null,
    revokedBy: r.revoked_by,
    heartbeat: r.heartbeat,
    heartbeatAt: r.heartbeat_at?.toISOString() ?? null,
  }));
}

/** Keeps a terminal's latest heartbeat (the dashboard shows only the latest). */
export async function recordHeartbeat(db: Queryable, terminalId: string, heartbeat: Heartbeat, now = new Date()): Promise<void> {
  await db.query('UPDATE terminals SET heartbeat = $2::jsonb, heartbeat_at = $3::timestamptz WHERE terminal_id = $1', [terminalId, JSON.stringify(heartbeat), now.toISOString()]);
}
