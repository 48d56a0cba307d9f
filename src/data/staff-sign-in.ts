/**
 * Offline sign-in for agents and supervisors: the PIN is checked against the cached
 * relay configuration, and failures are counted per member in IndexedDB so a reload does
 * not reset the back-off.
 */
import { afterFailure, afterSuccess, canTry, NO_FAILURES, type LockoutState } from '../core/auth/lockout.ts';
import { verifyPin, type StaffMember } from '../core/auth/staff.ts';
import type { RelaisDb } from './db.ts';
import { getMeta, setMeta } from './meta.ts';
import { cachedRelayConfig } from './relay-sync.ts';

export type SignInResult = { kind: 'signed-in'; member: StaffMember } | { kind: 'wrong-pin'; lockedUntil: number } | { kind: 'locked'; lockedUntil: number } | { kind: 'unknown-member' };

const lockoutKey = (id: string) => `lockout:${id}`;

export async function signIn(database: RelaisDb, memberId: string, pin: string, now = Date.now()): Promise<SignInResult> {
  const member = (await cachedRelayConfig(database))?.staff.find((s) => s.id === memberId);
  if (!member) return { kind: 'unknown-member' };
  const state = (await getMeta<LockoutState>(database, lockoutKey(memberId))) ?? NO_FAILURES;
  if (!canTry(state, now)) return { kind: 'locked', lockedUntil: state.lockedUntil };
  if (await verifyPin(pin, member.pin, crypto.subtle as never)) {
    await setMeta(database, lockoutKey(memberId), afterSuccess());
    return { kind: 'signed-in', member };
  }
  const next = afterFailure(state, now);
  await setMeta(database, lockoutKey(memberId), next);
  return { kind: 'wrong-pin', lockedUntil: next.lockedUntil };
}
