/**
 * WebAuthn on the terminal (DESIGN §5): the browser glue around src/core/auth/webauthn.ts.
 * After a PIN sign-in a member may register this terminal's authenticator (fingerprint,
 * Windows Hello, a security key); the public key is kept in the meta store under
 * `webauthn:<staffId>`, and later sign-ins are verified here, offline, with a fresh
 * challenge each time. Failures count towards the same back-off as wrong PINs.
 */
import type { StaffMember } from '../core/auth/staff.ts';
import { decodeBase64Url, encodeBase64Url } from '../core/crypto/base64url.ts';
import { credentialMatchesMember, ES256, isStoredCredential, verifyAssertion, verifyRegistration, type StoredCredential, type WebAuthnFailure, type WebAuthnSubtle } from '../core/auth/webauthn.ts';
import type { RelaisDb } from './db.ts';
import { getMeta, setMeta } from './meta.ts';
import { withLockout } from './staff-sign-in.ts';

const credentialKey = (staffId: string) => `webauthn:${staffId}`;
const CEREMONY_TIMEOUT_MS = 60_000;

const subtle = (): WebAuthnSubtle => crypto.subtle as unknown as WebAuthnSubtle;
const randomBytes = (n: number): Uint8Array<ArrayBuffer> => crypto.getRandomValues(new Uint8Array(n));
const bytes = (buffer: ArrayBuffer): Uint8Array<ArrayBuffer> => new Uint8Array(buffer);
/** Our rp id and origin: WebAuthn needs a domain, so the terminal is opened by name (localhost, relais.example). */
const ceremonyPlace = () => ({ rpId: location.hostname, origin: location.origin });

/** The browser has the WebAuthn API (it may still lack an authenticator). */
export function webAuthnSupported(): boolean {
  return typeof PublicKeyCredential === 'function' && typeof navigator.credentials?.get === 'function';
}

/** The terminal has a user-verifying platform authenticator: worth offering registration. */
export async function platformAuthenticatorAvailable(): Promise<boolean> {
  if (!webAuthnSupported()) return false;
  try {
    return await PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable();
  } catch {
    return false;
  }
}

/** The member's credential on this terminal; none if it was registered under a PIN record the relay has since replaced. */
export async function storedCredential(database: RelaisDb, member: StaffMember): Promise<StoredCredential | undefined> {
  const value = await getMeta<unknown>(database, credentialKey(member.id));
  return isStoredCredential(value) && credentialMatchesMember(value, member) ? value : undefined;
}

/** Offer registration after a PIN sign-in: an authenticator is there and none is registered for the member. */
export async function shouldOfferRegistration(database: RelaisDb, member: StaffMember): Promise<boolean> {
  return !(await storedCredential(database, member)) && (await platformAuthenticatorAvailable());
}

export async function forgetCredential(database: RelaisDb, staffId: string): Promise<void> {
  await database.meta.delete(credentialKey(staffId));
}

export type RegisterResult = { kind: 'registered' } | { kind: 'cancelled' } | { kind: 'refused'; reason: WebAuthnFailure } | { kind: 'unavailable' };

/** Registers this terminal's authenticator for a member who has just proved their PIN. */
export async function registerCredential(database: RelaisDb, member: StaffMember, signal?: AbortSignal): Promise<RegisterResult> {
  if (!webAuthnSupported()) return { kind: 'unavailable' };
  const place = ceremonyPlace();
  const challenge = randomBytes(32);
  const userHandle = randomBytes(16); // not the staff id: the authenticator learns nothing about who
  let created: Credential | null;
  try {
    created = await navigator.credentials.create({
      publicKey: {
        rp: { id: place.rpId, name: 'Relais' },
        user: { id: userHandle, name: member.id, displayName: member.name },
        challenge,
        pubKeyCredParams: [{ type: 'public-key', alg: ES256 }],
        authenticatorSelection: { userVerification: 'required', residentKey: 'discouraged', requireResidentKey: false },
        attestation: 'none',
        timeout: CEREMONY_TIMEOUT_MS,
      },
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    return { kind: errorName(error) === 'NotAllowedError' || errorName(error) === 'AbortError' ? 'cancelled' : 'unavailable' };
  }
  if (!(created instanceof PublicKeyCredential) || !(created.response instanceof AuthenticatorAttestationResponse)) return { kind: 'unavailable' };
  const response = created.response;
  const publicKey = response.getPublicKey();
  if (!publicKey) return { kind: 'refused', reason: 'unsupported-algorithm' };
  const checked = await verifyRegistration(
    {
      credentialId: bytes(created.rawId),
      clientDataJSON: bytes(response.clientDataJSON),
      authenticatorData: bytes(response.getAuthenticatorData()),
      publicKey: bytes(publicKey),
      algorithm: response.getPublicKeyAlgorithm(),
    },
    { challenge, ...place },
    subtle(),
  );
  if (!checked.ok) return { kind: 'refused', reason: checked.reason };
  const record: StoredCredential = {
    credentialId: encodeBase64Url(bytes(created.rawId)),
    staffId: member.id,
    userHandle: encodeBase64Url(userHandle),
    publicKey: encodeBase64Url(bytes(publicKey)),
    algorithm: ES256,
    signCount: checked.value.signCount,
    createdAt: new Date().toISOString(),
    pinSalt: member.pin.salt,
  };
  await setMeta(database, credentialKey(member.id), record);
  return { kind: 'registered' };
}

export type CredentialSignInResult =
  | { kind: 'signed-in'; member: StaffMember }
  | { kind: 'refused'; reason: WebAuthnFailure | 'not-allowed'; lockedUntil: number }
  | { kind: 'locked'; lockedUntil: number }
  | { kind: 'unknown-member' }
  | { kind: 'no-credential' }
  | { kind: 'cancelled' }
  | { kind: 'unavailable' };

/** Thrown inside the lockout check when no attempt took place: nothing is counted. */
class NotAttempted extends Error {
  constructor(readonly kind: 'no-credential' | 'cancelled' | 'unavailable') {
    super(kind);
  }
}

const errorName = (error: unknown): string => (error instanceof Error || error instanceof DOMException ? error.name : '');

/**
 * Signs a member in with the credential registered on this terminal, verified offline.
 * A refused authenticator (no fingerprint match, user verification off) and any assertion
 * that fails verification count as failures, as a wrong PIN does; the screen going away
 * (abort) or a missing authenticator does not.
 */
export async function signInWithCredential(database: RelaisDb, memberId: string, signal?: AbortSignal): Promise<CredentialSignInResult> {
  if (!webAuthnSupported()) return { kind: 'unavailable' };
  let reason: WebAuthnFailure | 'not-allowed' = 'not-allowed';
  try {
    const result = await withLockout(database, memberId, async (member) => {
      const credential = await storedCredential(database, member);
      if (!credential) throw new NotAttempted('no-credential');
      const place = ceremonyPlace();
      const challenge = randomBytes(32); // fresh for each attempt, kept in memory only
      let got: Credential | null;
      try {
        got = await navigator.credentials.get({
          publicKey: {
            challenge,
            rpId: place.rpId,
            allowCredentials: [{ type: 'public-key', id: decodeBase64Url(credential.credentialId) }],
            userVerification: 'required',
            timeout: CEREMONY_TIMEOUT_MS,
          },
          ...(signal ? { signal } : {}),
        });
      } catch (error) {
        if (errorName(error) === 'NotAllowedError' && !signal?.aborted) return false; // refused or timed out at the authenticator
        throw new NotAttempted(errorName(error) === 'AbortError' || signal?.aborted ? 'cancelled' : 'unavailable');
      }
      if (!(got instanceof PublicKeyCredential) || !(got.response instanceof AuthenticatorAssertionResponse)) throw new NotAttempted('unavailable');
      const response = got.response;
      const checked = await verifyAssertion(
        {
          credentialId: bytes(got.rawId),
          clientDataJSON: bytes(response.clientDataJSON),
          authenticatorData: bytes(response.authenticatorData),
          signature: bytes(response.signature),
          userHandle: response.userHandle ? bytes(response.userHandle) : null,
        },
        credential,
        { challenge, ...place },
        subtle(),
      );
      if (!checked.ok) {
        reason = checked.reason;
        return false;
      }
      await setMeta(database, credentialKey(member.id), { ...credential, signCount: checked.value.signCount });
      return true;
    });
    return result.kind === 'refused' ? { kind: 'refused', reason, lockedUntil: result.lockedUntil } : result;
  } catch (error) {
    if (error instanceof NotAttempted) return { kind: error.kind };
    throw error;
  }
}
