/**
 * The keys terminals sign bundles with (issue 5, store-and-forward). Each terminal makes an
 * ECDSA P-256 key pair once; the server learns the public half at enrollment (or, for a
 * terminal enrolled earlier, through PUT TERMINAL_KEY_PATHS.own) and lists the relay's keys
 * to every terminal of the relay, which keeps the list so it can check a bundle offline.
 */
import type { JsonWebKeyLike } from '../sync/protocol.ts';
import { KEY_ID_PATTERN, keyIdFor, publicJwk } from '../crypto/keys.ts';
import type { DigestLike } from '../crypto/suite.ts';
import { TERMINAL_ID_PATTERN } from '../sync/protocol.ts';

export const TERMINAL_KEY_PATHS = {
  /** PUT `{ publicKey }` (device token): registers the calling terminal's key if it has none yet. */
  own: '/api/terminal/signing-key',
  /** GET (device token): TerminalKeyList, the signing keys of the caller's relay. */
  relay: '/api/relay/terminal-keys',
} as const;

/** One terminal of the relay, as far as checking its bundles goes. */
export interface TerminalKey {
  terminalId: string;
  label: string;
  keyId: string; // keyIdFor(publicKey)
  publicKey: JsonWebKeyLike; // EC P-256, public members only
  revoked: boolean;
}

/** GET TERMINAL_KEY_PATHS.relay; a kiosk keeps it with the time it fetched it. */
export interface TerminalKeyList {
  relayId: string;
  terminals: TerminalKey[];
}

export interface SigningKeyRegistration {
  publicKey: JsonWebKeyLike;
}

/** The public key a terminal sent, reduced to its public members, with its id; null when it is not a P-256 JWK. */
export async function checkSigningKey(value: unknown, subtle?: DigestLike): Promise<{ keyId: string; publicKey: JsonWebKeyLike } | null> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  try {
    const publicKey = publicJwk(value as JsonWebKeyLike);
    return { keyId: await keyIdFor(publicKey, subtle), publicKey };
  } catch {
    return null;
  }
}

const MAX_LABEL = 200;

/** A key list as the server sent it, or null when anything in it is malformed (a bad answer never replaces a good cache). */
export function checkTerminalKeyList(body: unknown): TerminalKeyList | null {
  const b = body as Partial<TerminalKeyList> | null;
  if (!b || typeof b !== 'object' || typeof b.relayId !== 'string' || !Array.isArray(b.terminals)) return null;
  const terminals: TerminalKey[] = [];
  for (const raw of b.terminals as unknown[]) {
    const t = raw as Partial<TerminalKey> | null;
    if (!t || typeof t !== 'object') return null;
    if (typeof t.terminalId !== 'string' || !TERMINAL_ID_PATTERN.test(t.terminalId)) return null;
    if (typeof t.label !== 'string' || t.label.length > MAX_LABEL) return null;
    if (typeof t.keyId !== 'string' || !KEY_ID_PATTERN.test(t.keyId) || typeof t.revoked !== 'boolean') return null;
    if (!t.publicKey || typeof t.publicKey !== 'object') return null;
    terminals.push({ terminalId: t.terminalId, label: t.label, keyId: t.keyId, publicKey: t.publicKey, revoked: t.revoked });
  }
  return { relayId: b.relayId, terminals };
}
