/**
 * Relay staff and their offline PIN check. The relay's configuration (from the server,
 * cached on the terminal) carries each agent's and supervisor's PIN only as a salted
 * PBKDF2-SHA256 hash with ≥ 600,000 iterations (OWASP's 2023 figure for PBKDF2-SHA256),
 * so a stolen terminal does not give the PINs away cheaply, and sign-in works offline.
 */
import { decodeBase64Url, encodeBase64Url } from '../crypto/base64url.ts';

export const MIN_PIN_ITERATIONS = 600_000;
export const PIN_PATTERN = /^\d{6,12}$/;
/** Staff ids travel in applications and the audit log: the server's token rule, ASCII only. */
export const STAFF_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}$/;

export type StaffRole = 'agent' | 'supervisor';

export interface PinHash {
  algorithm: 'PBKDF2-SHA256';
  iterations: number;
  salt: string; // base64url
  hash: string; // base64url, 32 bytes
}

export interface StaffMember {
  id: string; // e.g. 'agent-tafraout-01'
  name: string; // shown on screen and recorded as who assisted
  role: StaffRole;
  pin: PinHash;
}

export interface RelayConfig {
  relayId: string;
  name: string;
  staff: StaffMember[];
}

/** The part of SubtleCrypto PBKDF2 needs; browsers and Node both provide it. */
export interface Pbkdf2Subtle {
  importKey(format: 'raw', key: Uint8Array<ArrayBuffer>, algorithm: 'PBKDF2', extractable: false, usages: ['deriveBits']): Promise<unknown>;
  deriveBits(algorithm: { name: 'PBKDF2'; hash: 'SHA-256'; salt: Uint8Array<ArrayBuffer>; iterations: number }, key: never, length: 256): Promise<ArrayBuffer>;
}

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number, subtle: Pbkdf2Subtle): Promise<Uint8Array> {
  const key = await subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key as never, 256));
}

export async function hashPin(pin: string, salt: Uint8Array<ArrayBuffer>, subtle: Pbkdf2Subtle, iterations = MIN_PIN_ITERATIONS): Promise<PinHash> {
  if (!PIN_PATTERN.test(pin)) throw new Error('a PIN is 6 to 12 digits');
  return { algorithm: 'PBKDF2-SHA256', iterations, salt: encodeBase64Url(salt), hash: encodeBase64Url(await derive(pin, salt, iterations, subtle)) };
}

/** Compares in constant time; a record weaker than the minimum never verifies. */
export async function verifyPin(pin: string, record: PinHash, subtle: Pbkdf2Subtle): Promise<boolean> {
  if (record.algorithm !== 'PBKDF2-SHA256' || record.iterations < MIN_PIN_ITERATIONS || !PIN_PATTERN.test(pin)) return false;
  const expected = decodeBase64Url(record.hash);
  const actual = await derive(pin, decodeBase64Url(record.salt), record.iterations, subtle);
  if (actual.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < actual.length; i++) diff |= actual[i]! ^ expected[i]!;
  return diff === 0;
}

export function isRelayConfig(value: unknown): value is RelayConfig {
  const c = value as Partial<RelayConfig> | null;
  return (
    !!c &&
    typeof c.relayId === 'string' &&
    typeof c.name === 'string' &&
    Array.isArray(c.staff) &&
    c.staff.every(
      (s) =>
        !!s && typeof s.id === 'string' && STAFF_ID_PATTERN.test(s.id) && typeof s.name === 'string' && (s.role === 'agent' || s.role === 'supervisor') &&
        !!s.pin && s.pin.algorithm === 'PBKDF2-SHA256' && Number.isInteger(s.pin.iterations) && typeof s.pin.salt === 'string' && typeof s.pin.hash === 'string',
    )
  );
}
