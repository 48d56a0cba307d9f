/**
 * Offline sign-in for agents and supervisors: the PIN is checked against the cached
 * relay configuration, and failures are counted per member in IndexedDB so a reload does
 * not reset the back-off. Every way in (PIN, WebAuthn in staff-webauthn.ts) goes through
 * `withLockout`, so a failed fingerprint costs the same as a wrong PIN.
 */
import { afterFailure, afterSuccess, canTry, NO_FAILURES, type LockoutState } from '../core/auth/lockout.ts';
import { verifyPin, type StaffMember } from '../core/auth/staff.ts';
import type { RelaisDb } from './db.ts';
import { getMeta, setMeta } from './meta.ts';
import { cachedRelayConfig } from './relay-sync.ts';

export type SignInResult = { kind: 'signed-in'; member: StaffMember } | { kind: 'wrong-pin'; lockedUntil: number } | { kind: 'locked'; lockedUntil: number } | { kind: 'unknown-member' };

export type GuardedResult = { kind: 'signed-in'; member: StaffMember } | { kind: 'refused'; lockedUntil: number } | { kind: 'locked'; lockedUntil: number } | { kind: 'unknown-member' };

const lockoutKey = (id: string) => `lockout:${id}`;

/**
 * Runs one sign-in attempt for a member of the cached relay configuration (a member removed
 * from it cannot sign in, whatever they hold). `check` answers true when the member proved
 * who they are and false for a failure, which counts towards the back-off; when it throws,
 * no attempt was made (the authenticator was unavailable, the screen went away) and nothing
 * is counted. `clock` is read after the check: a fingerprint prompt can take a while.
 */
export async function withLockout(database: RelaisDb, memberId: string, check: (member: StaffMember) => Promise<boolean>, clock: () => number = Date.now): Promise<GuardedResult> {
  const member = (await cachedRelayConfig(database))?.staff.find((s) => s.id === memberId);
  if (!member) return { kind: 'unknown-member' };
  const state = (await getMeta<LockoutState>(database, lockoutKey(memberId))) ?? NO_FAILURES;
  if (!canTry(state, clock())) return { kind: 'locked', lockedUntil: state.lockedUntil };
  if (await check(member)) {
    await setMeta(database, lockoutKey(memberId), afterSuccess());
    return { kind: 'signed-in', member };
  }
  // Read again: the count must not lose a failure recorded while this check ran.
  const latest = (await getMeta<LockoutState>(database, lockoutKey(memberId))) ?? NO_FAILURES;
  const next = afterFailure(latest, clock());
  await setMeta(database, lockoutKey(memberId), next);
  return { kind: 'refused', lockedUntil: next.lockedUntil };
}

export async function signIn(database: RelaisDb, memberId: string, pin: string, now = Date.now()): Promise<SignInResult> {
  const result = await withLockout(database, memberId, (member) => verifyPin(pin, member.pin, crypto.subtle as never), () => now);
  return result.kind === 'refused' ? { kind: 'wrong-pin', lockedUntil: result.lockedUntil } : result;
}
