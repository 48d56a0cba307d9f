/**
 * Back-off after wrong PINs, per staff member: three tries free, then a wait that
 * doubles with each further failure (30 s, 1 min, 2 min, …, at most 15 min). A 6-digit
 * PIN then takes years to guess at the kiosk, while an agent who mistypes twice is
 * never held up. The state is plain data so the terminal can keep it across reloads.
 */
export interface LockoutState {
  failures: number;
  lockedUntil: number; // epoch ms; 0 when not locked
}

export const FREE_TRIES = 3;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 15 * 60_000;

export const NO_FAILURES: LockoutState = { failures: 0, lockedUntil: 0 };

export function canTry(state: LockoutState, now: number): boolean {
  return now >= state.lockedUntil;
}

export function afterFailure(state: LockoutState, now: number): LockoutState {
  const failures = state.failures + 1;
  if (failures < FREE_TRIES) return { failures, lockedUntil: 0 };
  const wait = Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - FREE_TRIES));
  return { failures, lockedUntil: now + wait };
}

export function afterSuccess(): LockoutState {
  return NO_FAILURES;
}
