/**
 * The offline WebAuthn verifier against assertions built here the way an authenticator
 * builds them: real authenticatorData, real clientDataJSON and real ECDSA P-256 signatures
 * from Node's WebCrypto, DER-encoded as WebAuthn sends them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeBase64Url } from '../../../../src/core/crypto/base64url.ts';
import {
  derToRawSignature,
  ES256,
  credentialMatchesMember,
  isStoredCredential,
  parseAuthenticatorData,
  verifyAssertion,
  verifyRegistration,
  type Assertion,
  type ExpectedCeremony,
  type StoredCredential,
} from '../../../../src/core/auth/webauthn.ts';

const subtle = crypto.subtle;
const RP_ID = 'relais.example';
const ORIGIN = 'https://relais.example';
const utf8 = (s: string) => new TextEncoder().encode(s);
const sha256 = async (b: Uint8Array) => new Uint8Array(await subtle.digest('SHA-256', new Uint8Array(b)));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, (at += p.length) - p.length);
  return out;
};

/** r ‖ s (what WebCrypto signs) to DER Ecdsa-Sig-Value (what authenticators send). */
function rawToDer(raw: Uint8Array): Uint8Array {
  const integer = (v: Uint8Array) => {
    let i = 0;
    while (i < v.length - 1 && v[i] === 0) i++;
    let body = v.slice(i);
    if (body[0]! & 0x80) body = concat(new Uint8Array([0]), body);
    return concat(new Uint8Array([0x02, body.length]), body);
  };
  const seq = concat(integer(raw.slice(0, 32)), integer(raw.slice(32)));
  return concat(new Uint8Array([0x30, seq.length]), seq);
}

const FLAGS_UP_UV = 0x05;

async function authenticatorData(opts: { rpId?: string; flags?: number; signCount?: number; attested?: Uint8Array } = {}) {
  const count = opts.signCount ?? 1;
  const header = concat(
    await sha256(utf8(opts.rpId ?? RP_ID)),
    new Uint8Array([opts.flags ?? FLAGS_UP_UV]),
    new Uint8Array([(count >>> 24) & 0xff, (count >>> 16) & 0xff, (count >>> 8) & 0xff, count & 0xff]),
  );
  if (!opts.attested) return header;
  // aaguid (zeros) ‖ id length ‖ id ‖ a stand-in for the COSE key (not read by the verifier)
  return concat(header, new Uint8Array(16), new Uint8Array([0, opts.attested.length]), opts.attested, new Uint8Array([0xa5, 0x01, 0x02]));
}

const clientData = (fields: Record<string, unknown>) => utf8(JSON.stringify(fields));

let keys: CryptoKeyPair;
let otherKeys: CryptoKeyPair;
let credential: StoredCredential;
const credentialId = crypto.getRandomValues(new Uint8Array(32));
const userHandle = crypto.getRandomValues(new Uint8Array(16));

beforeAll(async () => {
  keys = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  otherKeys = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  credential = {
    credentialId: encodeBase64Url(credentialId),
    staffId: 'agent-demo',
    userHandle: encodeBase64Url(userHandle),
    publicKey: encodeBase64Url(new Uint8Array(await subtle.exportKey('spki', keys.publicKey))),
    algorithm: ES256,
    signCount: 4,
    createdAt: '2026-11-02T09:00:00.000Z',
    pinSalt: 'c2FsdHNhbHRzYWx0c2FsdA',
  };
});

const ceremony = (): ExpectedCeremony => ({ challenge: crypto.getRandomValues(new Uint8Array(32)), origin: ORIGIN, rpId: RP_ID });

async function sign(authData: Uint8Array, clientDataJSON: Uint8Array, key = keys.privateKey): Promise<Uint8Array> {
  const raw = new Uint8Array(await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, concat(authData, await sha256(clientDataJSON))));
  return rawToDer(raw);
}

/** A correct assertion for `expected`, with any part overridable before signing. */
async function assertion(
  expected: ExpectedCeremony,
  over: { client?: Record<string, unknown>; authData?: Uint8Array; key?: CryptoKey } = {},
): Promise<Assertion> {
  const clientDataJSON = clientData({ type: 'webauthn.get', challenge: encodeBase64Url(expected.challenge), origin: ORIGIN, crossOrigin: false, ...over.client });
  const authData = over.authData ?? (await authenticatorData({ signCount: 5 }));
  return { credentialId, clientDataJSON, authenticatorData: authData, signature: await sign(authData, clientDataJSON, over.key), userHandle };
}

const verify = (a: Assertion, expected: ExpectedCeremony, stored = credential) => verifyAssertion(a, stored, expected, subtle);

describe('WebAuthn assertion, verified offline', () => {
  it('a correct assertion passes and gives the new counter', async () => {
    const expected = ceremony();
    expect(await verify(await assertion(expected), expected)).toEqual({ ok: true, value: { signCount: 5 } });
  });

  it('an authenticator without a counter (always 0) passes while the stored counter is 0 too', async () => {
    const expected = ceremony();
    const a = await assertion(expected, { authData: await authenticatorData({ signCount: 0 }) });
    expect(await verify(a, expected, { ...credential, signCount: 0 })).toEqual({ ok: true, value: { signCount: 0 } });
  });

  it('a null user handle (non-discoverable credential) is accepted', async () => {
    const expected = ceremony();
    expect((await verify({ ...(await assertion(expected)), userHandle: null }, expected)).ok).toBe(true);
  });

  const refusals: Array<[string, string, (e: ExpectedCeremony) => Promise<Assertion>]> = [
    ['another challenge (a replayed or stale assertion)', 'wrong-challenge', (e) => assertion(e, { client: { challenge: encodeBase64Url(crypto.getRandomValues(new Uint8Array(32))) } })],
    ['a challenge that is not base64url', 'wrong-challenge', (e) => assertion(e, { client: { challenge: encodeBase64Url(e.challenge) + '=' } })],
    ['another origin', 'wrong-origin', (e) => assertion(e, { client: { origin: 'https://relais.example.evil' } })],
    ['made in a cross-origin frame', 'cross-origin', (e) => assertion(e, { client: { crossOrigin: true } })],
    ['a registration response where an assertion was due', 'wrong-type', (e) => assertion(e, { client: { type: 'webauthn.create' } })],
    ['clientDataJSON without an origin', 'malformed-client-data', (e) => assertion(e, { client: { origin: undefined } })],
    ['another rp id', 'wrong-rp', async (e) => assertion(e, { authData: await authenticatorData({ rpId: 'evil.example', signCount: 5 }) })],
    ['user not present (UP missing)', 'user-not-present', async (e) => assertion(e, { authData: await authenticatorData({ flags: 0x04, signCount: 5 }) })],
    ['user not verified (UV missing)', 'user-not-verified', async (e) => assertion(e, { authData: await authenticatorData({ flags: 0x01, signCount: 5 }) })],
    ['a counter equal to the stored one (clone or replay)', 'sign-count', async (e) => assertion(e, { authData: await authenticatorData({ signCount: 4 }) })],
    ['a counter below the stored one', 'sign-count', async (e) => assertion(e, { authData: await authenticatorData({ signCount: 2 }) })],
    ['a counter back to 0 after it moved', 'sign-count', async (e) => assertion(e, { authData: await authenticatorData({ signCount: 0 }) })],
    ['authenticatorData cut short', 'malformed-authenticator-data', async (e) => ({ ...(await assertion(e)), authenticatorData: (await authenticatorData()).slice(0, 36) })],
    ['authenticatorData with trailing bytes and no AT/ED flag', 'malformed-authenticator-data', async (e) => assertion(e, { authData: concat(await authenticatorData({ signCount: 5 }), new Uint8Array([0])) })],
    [
      'authenticatorData changed after signing (counter raised)',
      'bad-signature',
      async (e) => {
        const a = await assertion(e);
        const forged = a.authenticatorData.slice();
        forged[36] = 99; // every check but the signature still passes
        return { ...a, authenticatorData: forged };
      },
    ],
    [
      'clientDataJSON changed after signing (still our type, challenge and origin)',
      'bad-signature',
      async (e) => {
        const a = await assertion(e);
        const parsed = JSON.parse(new TextDecoder().decode(a.clientDataJSON)) as Record<string, unknown>;
        return { ...a, clientDataJSON: clientData({ ...parsed, other_keys_can_be_added_here: 'tampered' }) };
      },
    ],
    ['signed by another key', 'bad-signature', (e) => assertion(e, { key: otherKeys.privateKey })],
    ['a signature that is not DER (raw r‖s)', 'malformed-signature', async (e) => ({ ...(await assertion(e)), signature: derToRawSignature((await assertion(e)).signature) })],
    [
      'a DER signature with a wrong SEQUENCE length',
      'malformed-signature',
      async (e) => {
        const a = await assertion(e);
        const bad = a.signature.slice();
        bad[1] = bad[1]! + 1;
        return { ...a, signature: bad };
      },
    ],
    ['another credential id', 'unknown-credential', async (e) => ({ ...(await assertion(e)), credentialId: crypto.getRandomValues(new Uint8Array(32)) })],
    ['another user handle', 'wrong-user', async (e) => ({ ...(await assertion(e)), userHandle: crypto.getRandomValues(new Uint8Array(16)) })],
  ];

  it.each(refusals)('refuses %s (%s)', async (_what, reason, build) => {
    const expected = ceremony();
    expect(await verify(await build(expected), expected)).toEqual({ ok: false, reason });
  });

  it('refuses a stored key that is not ES256, or not a P-256 key', async () => {
    const expected = ceremony();
    const a = await assertion(expected);
    expect(await verify(a, expected, { ...credential, algorithm: -257 })).toEqual({ ok: false, reason: 'unsupported-algorithm' });
    expect(await verify(a, expected, { ...credential, publicKey: encodeBase64Url(utf8('not a key')) })).toEqual({ ok: false, reason: 'bad-public-key' });
  });

  it('the same signed assertion is good once: after storing its counter, a replay is refused', async () => {
    const expected = ceremony();
    const a = await assertion(expected);
    const first = await verify(a, expected);
    expect(first.ok).toBe(true);
    const stored = { ...credential, signCount: first.ok ? first.value.signCount : 0 };
    expect(await verify(a, expected, stored)).toEqual({ ok: false, reason: 'sign-count' });
  });
});

describe('DER Ecdsa-Sig-Value to r ‖ s', () => {
  it('round-trips random values, including short ones and ones with the top bit set', () => {
    for (let i = 0; i < 200; i++) {
      const raw = crypto.getRandomValues(new Uint8Array(64));
      if (i % 4 === 0) raw[0] = 0; // r with a leading zero byte: DER drops it
      if (i % 4 === 1) raw[32] = 0x80 | raw[32]!; // s needs a 0x00 sign byte in DER
      if (i % 4 === 2) raw.fill(0, 32, 63); // s = a single byte
      expect(derToRawSignature(rawToDer(raw))).toEqual(raw);
    }
  });

  const bad: Array<[string, number[]]> = [
    ['empty', []],
    ['not a SEQUENCE', [0x31, 6, 0x02, 1, 1, 0x02, 1, 1]],
    ['a long-form length', [0x30, 0x81, 6, 0x02, 1, 1, 0x02, 1, 1]],
    ['a negative INTEGER', [0x30, 6, 0x02, 1, 0x81, 0x02, 1, 1]],
    ['a non-minimal INTEGER', [0x30, 7, 0x02, 2, 0x00, 0x01, 0x02, 1, 1]],
    ['a zero-length INTEGER', [0x30, 5, 0x02, 0, 0x02, 1, 1]],
    ['an INTEGER longer than the curve', [0x30, 38, 0x02, 33, 0x01, ...new Array<number>(32).fill(1), 0x02, 1, 1]],
    ['a missing s', [0x30, 3, 0x02, 1, 1]],
    ['bytes after s', [0x30, 7, 0x02, 1, 1, 0x02, 1, 1, 0x00]],
    ['an INTEGER running past the end', [0x30, 6, 0x02, 1, 1, 0x02, 9, 1]],
  ];
  it.each(bad)('rejects %s', (_what, bytes) => {
    expect(() => derToRawSignature(new Uint8Array(bytes))).toThrow(RangeError);
  });
});

describe('WebAuthn registration, checked before the terminal keeps the key', () => {
  async function registration(expected: ExpectedCeremony, over: { client?: Record<string, unknown>; flags?: number; algorithm?: number; reportedId?: Uint8Array } = {}) {
    return {
      credentialId: over.reportedId ?? credentialId,
      clientDataJSON: clientData({ type: 'webauthn.create', challenge: encodeBase64Url(expected.challenge), origin: ORIGIN, ...over.client }),
      authenticatorData: await authenticatorData({ flags: (over.flags ?? FLAGS_UP_UV) | 0x40, signCount: 0, attested: credentialId }),
      publicKey: new Uint8Array(await subtle.exportKey('spki', keys.publicKey)),
      algorithm: over.algorithm ?? ES256,
    };
  }

  it('accepts a correct registration and gives the initial counter', async () => {
    const expected = ceremony();
    expect(await verifyRegistration(await registration(expected), expected, subtle)).toEqual({ ok: true, value: { signCount: 0 } });
  });

  it.each([
    ['an assertion type', 'wrong-type', { client: { type: 'webauthn.get' } }],
    ['another challenge', 'wrong-challenge', { client: { challenge: 'AAAA' } }],
    ['another origin', 'wrong-origin', { client: { origin: 'https://evil.example' } }],
    ['no user verification', 'user-not-verified', { flags: 0x01 }],
    ['a credential id other than the one the browser reported', 'unknown-credential', { reportedId: new Uint8Array([1, 2, 3]) }],
    ['RS256', 'unsupported-algorithm', { algorithm: -257 }],
  ] as const)('refuses %s (%s)', async (_what, reason, over) => {
    const expected = ceremony();
    expect(await verifyRegistration(await registration(expected, over), expected, subtle)).toEqual({ ok: false, reason });
  });

  it('reads the attested credential id from authenticatorData', async () => {
    const parsed = parseAuthenticatorData(await authenticatorData({ flags: 0x45, signCount: 7, attested: credentialId }));
    expect(parsed).toMatchObject({ userPresent: true, userVerified: true, signCount: 7 });
    expect(parsed.attestedCredentialId).toEqual(credentialId);
  });

  it('a counter above 2^31 is read as unsigned', async () => {
    expect(parseAuthenticatorData(await authenticatorData({ signCount: 0xfffffffe })).signCount).toBe(0xfffffffe);
  });
});

describe('stored credential records', () => {
  it('are checked before use', () => {
    expect(isStoredCredential(credential)).toBe(true);
    expect(isStoredCredential({ ...credential, signCount: -1 })).toBe(false);
    expect(isStoredCredential({ ...credential, publicKey: 'not base64url!' })).toBe(false);
    expect(isStoredCredential({ ...credential, credentialId: undefined })).toBe(false);
    expect(isStoredCredential({ ...credential, pinSalt: undefined })).toBe(false);
    expect(isStoredCredential(null)).toBe(false);
  });

  it('belong to the member only while the relay keeps the PIN record they were registered under', () => {
    const pin = { algorithm: 'PBKDF2-SHA256' as const, iterations: 600_000, salt: credential.pinSalt, hash: 'AAAA' };
    const member = { id: 'agent-demo', name: 'Agent', role: 'agent' as const, pin };
    expect(credentialMatchesMember(credential, member)).toBe(true);
    expect(credentialMatchesMember(credential, { ...member, pin: { ...pin, salt: 'bmV3c2FsdG5ld3NhbHQ' } })).toBe(false); // re-added: new PIN hash
    expect(credentialMatchesMember(credential, { ...member, id: 'agent-other' })).toBe(false);
  });
});
