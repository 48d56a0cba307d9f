/**
 * Staff PINs checked by the server (enrollment, supervisor sessions), against the same
 * salted PBKDF2 hashes terminals use offline, with the same back-off after wrong PINs
 * (core/auth/lockout.ts), kept in the store so a restart does not reset it. An unknown
 * member id costs the same time as a wrong PIN and is counted the same way.
 */
import { afterFailure, canTry, NO_FAILURES, type LockoutState } from '../../src/core/auth/lockout.ts';
import { MIN_PIN_ITERATIONS, verifyPin, type PinHash, type RelayConfig, type StaffMember } from '../../src/core/auth/staff.ts';
import type { StaffSession } from '../../src/core/sync/protocol.ts';
import type { Queryable } from '../store/db.ts';
import { newStaffToken, tokenHash } from './tokens.ts';

/** A supervisor session lasts a working day at most; signing out ends it sooner. */
export const STAFF_SESSION_HOURS = 8;

export type PinCheck = { ok: true; member: StaffMember } | { ok: false; reason: 'wrong-pin' } | { ok: false; reason: 'locked'; lockedUntil: number };

// Verified against when the id is unknown, so timing does not tell which ids exist.
const DECOY: PinHash = { algorithm: 'PBKDF2-SHA256', iterations: MIN_PIN_ITERATIONS, salt: 'AAAAAAAAAAAAAAAAAAAAAA', hash: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' };

async function lockoutOf(db: Queryable, staffId: string): Promise<LockoutState> {
  const [row] = await db.query<{ failures: number; locked_until: string | number }>('SELECT failures, locked_until FROM staff_lockouts WHERE staff_id = $1', [staffId]);
  return row ? { failures: row.failures, lockedUntil: Number(row.locked_until) } : NO_FAILURES;
}

export async function checkStaffPin(db: Queryable, config: RelayConfig, staffId: string, pin: string, now = Date.now()): Promise<PinCheck> {
  const state = await lockoutOf(db, staffId);
  if (!canTry(state, now)) return { ok: false, reason: 'locked', lockedUntil: state.lockedUntil };
  const member = config.staff.find((s) => s.id === staffId);
  const good = await verifyPin(pin, member?.pin ?? DECOY, crypto.subtle as never);
  if (good && member) {
    await db.query('DELETE FROM staff_lockouts WHERE staff_id = $1', [staffId]);
    return { ok: true, member };
  }
  const next = afterFailure(state, now);
  await db.query(
    `INSERT INTO staff_lockouts (staff_id, failures, locked_until) VALUES ($1, $2, $3)
     ON CONFLICT (staff_id) DO UPDATE SET failures = $2, locked_until = $3`,
    [staffId, next.failures, next.lockedUntil],
  );
  return next.lockedUntil > now ? { ok: false, reason: 'locked', lockedUntil: next.lockedUntil } : { ok: false, reason: 'wrong-pin' };
}

export async function openStaffSession(db: Queryable, member: StaffMember, terminalId: string, now = new Date()): Promise<StaffSession> {
  const token = newStaffToken();
  const expiresAt = new Date(now.getTime() + STAFF_SESSION_HOURS * 3_600_000);
  await db.query('DELETE FROM staff_sessions WHERE expires_at <= $1::timestamptz', [now.toISOString()]);
  await db.query(
    'INSERT INTO staff_sessions (token_hash, staff_id, role, terminal_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5::timestamptz, $6::timestamptz)',
    [tokenHash(token), member.id, member.role, terminalId, now.toISOString(), expiresAt.toISOString()],
  );
  return { token, staffId: member.id, role: member.role, expiresAt: expiresAt.toISOString() };
}

/** The session a staff token names, if it is alive and was opened on this terminal. */
export async function findStaffSession(db: Queryable, token: string, terminalId: string, now = new Date()): Promise<{ staffId: string; role: 'agent' | 'supervisor' } | null> {
  const [row] = await db.query<{ staff_id: string; role: 'agent' | 'supervisor' }>(
    'SELECT staff_id, role FROM staff_sessions WHERE token_hash = $1 AND terminal_id = $2 AND expires_at > $3::timestamptz',
    [tokenHash(token), terminalId, now.toISOString()],
  );
  return row ? { staffId: row.staff_id, role: row.role } : null;
}

export async function endStaffSession(db: Queryable, token: string, terminalId: string): Promise<boolean> {
  const rows = await db.query('DELETE FROM staff_sessions WHERE token_hash = $1 AND terminal_id = $2 RETURNING staff_id', [tokenHash(token), terminalId]);
  return rows.length > 0;
}
