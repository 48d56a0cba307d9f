import { describe, expect, it } from 'vitest';
import { hashPin, isRelayConfig, MIN_PIN_ITERATIONS, verifyPin } from '../../../../src/core/auth/staff.ts';
import { afterFailure, afterSuccess, canTry, NO_FAILURES } from '../../../../src/core/auth/lockout.ts';

const salt = () => crypto.getRandomValues(new Uint8Array(16));

describe('offline PIN check', () => {
  it('the right PIN verifies against its salted PBKDF2-SHA256 hash, a wrong one does not', async () => {
    const record = await hashPin('482913', salt(), crypto.subtle);
    expect(record).toMatchObject({ algorithm: 'PBKDF2-SHA256', iterations: MIN_PIN_ITERATIONS });
    expect(await verifyPin('482913', record, crypto.subtle)).toBe(true);
    expect(await verifyPin('482914', record, crypto.subtle)).toBe(false);
  });

  it('the same PIN with another salt gives another hash', async () => {
    const a = await hashPin('482913', salt(), crypto.subtle);
    const b = await hashPin('482913', salt(), crypto.subtle);
    expect(a.hash).not.toBe(b.hash);
  });

  it('a record weaker than 600,000 iterations never verifies, even with the right PIN', async () => {
    const weak = await hashPin('482913', salt(), crypto.subtle, 1000);
    expect(await verifyPin('482913', weak, crypto.subtle)).toBe(false);
  });

  it('PINs are 6 to 12 digits', async () => {
    await expect(hashPin('1234', salt(), crypto.subtle)).rejects.toThrow();
    const record = await hashPin('123456', salt(), crypto.subtle);
    expect(await verifyPin('12345a', record, crypto.subtle)).toBe(false);
  });

  it('a relay configuration is checked before it is trusted', async () => {
    const pin = await hashPin('482913', salt(), crypto.subtle);
    expect(isRelayConfig({ relayId: 'r1', name: 'Tafraout', staff: [{ id: 'a1', name: 'Amina', role: 'agent', pin }] })).toBe(true);
    expect(isRelayConfig({ relayId: 'r1', name: 'Tafraout', staff: [{ id: 'a1', name: 'Amina', role: 'admin', pin }] })).toBe(false);
    expect(isRelayConfig({ relayId: 'r1', name: 'Tafraout', staff: [{ id: 'a1', name: 'Amina', role: 'agent', pin: { ...pin, algorithm: 'MD5' } }] })).toBe(false);
    expect(isRelayConfig({ relayId: 'r1', name: 'Tafraout', staff: [{ id: 'agent 01', name: 'Amina', role: 'agent', pin }] })).toBe(false);
    expect(isRelayConfig(null)).toBe(false);
  });
});

describe('PIN lockout and back-off', () => {
  it('three tries are free, then each failure doubles the wait, capped at 15 minutes', () => {
    let state = NO_FAILURES;
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      state = afterFailure(state, 1_000);
      waits.push(state.lockedUntil === 0 ? 0 : state.lockedUntil - 1_000);
    }
    expect(waits).toEqual([0, 0, 30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000, 900_000]);
  });

  it('a locked member cannot try until the wait is over; success clears the count', () => {
    const locked = afterFailure(afterFailure(afterFailure(NO_FAILURES, 0), 0), 0);
    expect(canTry(locked, 29_999)).toBe(false);
    expect(canTry(locked, 30_000)).toBe(true);
    expect(afterSuccess()).toEqual(NO_FAILURES);
  });
});
