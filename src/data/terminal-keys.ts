/**
 * This terminal's bundle-signing key and the relay's list of terminal keys (core/bundle).
 * The private key is made once, non-extractable, and kept in IndexedDB (a CryptoKey is
 * stored as is: script can sign with it, never read it out). Its public half goes to the
 * server with the enrollment, or on the next sync for a terminal enrolled before bundles
 * existed. The relay's key list is cached after each sync so bundles are checked offline.
 */
import { checkSigningKey, checkTerminalKeyList, TERMINAL_KEY_PATHS, type SigningKeyRegistration, type TerminalKeyList } from '../core/bundle/terminal-keys.ts';
import type { JsonWebKeyLike } from '../core/sync/protocol.ts';
import type { RelaisDb } from './db.ts';
import { apiFetch } from './enrollment.ts';
import { getMeta, setMeta } from './meta.ts';

export interface SigningKey {
  privateKey: CryptoKey; // ECDSA P-256, non-extractable, usage 'sign'
  publicKey: JsonWebKeyLike;
  keyId: string;
}

/** The relay's keys as last fetched, with when. */
export interface CachedTerminalKeys extends TerminalKeyList {
  fetchedAt: string;
}

const SIGNING_KEY = 'signingKey';
const REGISTERED = 'signingKeyRegistered'; // the key id the server confirmed
const RELAY_KEYS = 'relayTerminalKeys';

/** This terminal's signing key, made the first time it is needed. */
export async function ownSigningKey(database: RelaisDb): Promise<SigningKey> {
  const known = await getMeta<SigningKey>(database, SIGNING_KEY);
  if (known) return known;
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const checked = await checkSigningKey(await crypto.subtle.exportKey('jwk', pair.publicKey), crypto.subtle);
  if (!checked) throw new Error('the browser made a signing key that is not a P-256 key');
  const made: SigningKey = { privateKey: pair.privateKey, ...checked };
  // Two tabs may both have made one: the first stored wins, the other is dropped.
  return database.transaction('rw', database.meta, async () => {
    const stored = await getMeta<SigningKey>(database, SIGNING_KEY);
    if (stored) return stored;
    await setMeta(database, SIGNING_KEY, made);
    return made;
  });
}

export async function signWith(key: SigningKey, data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer> {
  return crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key.privateKey, data);
}

/** Marks the key as known to the server (the enrollment carried it). */
export async function noteKeyRegistered(database: RelaisDb, keyId: string): Promise<void> {
  await setMeta(database, REGISTERED, keyId);
}

/** Sends the public key once, for a terminal enrolled before it had one; quiet when offline. */
export async function registerSigningKey(database: RelaisDb, baseUrl = ''): Promise<boolean> {
  const key = await ownSigningKey(database);
  if ((await getMeta<string>(database, REGISTERED)) === key.keyId) return true;
  try {
    const body: SigningKeyRegistration = { publicKey: key.publicKey };
    const res = await apiFetch(database, TERMINAL_KEY_PATHS.own, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }, baseUrl);
    if (!res.ok) return false;
    await noteKeyRegistered(database, key.keyId);
    return true;
  } catch {
    return false;
  }
}

/** Fetches the relay's keys and keeps them; a failed or malformed answer keeps the old list. */
export async function syncTerminalKeys(database: RelaisDb, baseUrl = ''): Promise<boolean> {
  try {
    const res = await apiFetch(database, TERMINAL_KEY_PATHS.relay, {}, baseUrl);
    if (!res.ok) return false;
    const list = checkTerminalKeyList(await res.json());
    if (!list) return false;
    await setMeta(database, RELAY_KEYS, { ...list, fetchedAt: new Date().toISOString() } satisfies CachedTerminalKeys);
    return true;
  } catch {
    return false;
  }
}

export const cachedTerminalKeys = async (database: RelaisDb): Promise<CachedTerminalKeys | null> => (await getMeta<CachedTerminalKeys>(database, RELAY_KEYS)) ?? null;

/** After each sync: this terminal's key reaches the server, and the relay's keys come back. */
export async function syncSigningKeys(database: RelaisDb, baseUrl = ''): Promise<void> {
  await registerSigningKey(database, baseUrl);
  await syncTerminalKeys(database, baseUrl);
}
