/**
 * Sealing keys for server tests: two fixed key pairs (made with generateSealingKeyPair for
 * these tests and used nowhere else), a ring holding the first, and sealed requests made
 * as a kiosk makes them. TEST_KEY_2 is a key the ring does not hold.
 */
import { sealContent } from '../../../src/core/crypto/envelope.ts';
import { sealingKeyOf } from '../../../src/core/crypto/keys.ts';
import type { SealedContent, SealedPayload, SubmissionRequest } from '../../../src/core/sync/protocol.ts';
import type { StoredKeyPair } from '../../../server/keys/key-files.ts';
import { memoryKeyRing } from '../../../server/keys/key-ring.ts';
import { lifeCertificateRequest, LIFE_CERTIFICATE_ANSWERS } from './submissions.ts';

export const TEST_KEY: StoredKeyPair = {
  keyId: 'k-2f8e96c7ac41',
  createdAt: '2026-01-01T00:00:00.000Z',
  publicKey: { kty: 'EC', crv: 'P-256', x: 'eArOSG9m6sCoBapBwlZspRbNDXSZ_OEJam7HQEAl74A', y: '6x7ovGLo5YH5FY8elPEpLlZyd-J2EAwLNlvWb2M32K0' },
  privateKey: {
    kty: 'EC',
    crv: 'P-256',
    x: 'eArOSG9m6sCoBapBwlZspRbNDXSZ_OEJam7HQEAl74A',
    y: '6x7ovGLo5YH5FY8elPEpLlZyd-J2EAwLNlvWb2M32K0',
    d: 'STs3ibQpdrbNF-ipYrxOkZCWdvvwfvTxphgd28W8YsI',
  },
};

export const TEST_KEY_2: StoredKeyPair = {
  keyId: 'k-bcdcc5e5725d',
  createdAt: '2026-01-02T00:00:00.000Z',
  publicKey: { kty: 'EC', crv: 'P-256', x: 'HVyGlZN7zZly3R84bDxLnpx_GWBzV1nOjsiGhEq5J5I', y: 'FgmwqSUb-3Sozkln9zZQzuKRaLbAlCdYHNv_btexNV4' },
  privateKey: {
    kty: 'EC',
    crv: 'P-256',
    x: 'HVyGlZN7zZly3R84bDxLnpx_GWBzV1nOjsiGhEq5J5I',
    y: 'FgmwqSUb-3Sozkln9zZQzuKRaLbAlCdYHNv_btexNV4',
    d: 'jLHik721SrzjPyFCkQxUQPT2F2SurQOejsJqQ5gmiBA',
  },
};

/** A ring holding TEST_KEY only. */
export const testKeys = () => memoryKeyRing([TEST_KEY]);

export type SealedSubmission = Omit<SubmissionRequest, 'payload'> & { payload: SealedPayload };

/** A life-certificate application sealed to TEST_KEY (or `pair`), as a kiosk sends it. */
export async function sealedRequest(
  overrides: Partial<Omit<SubmissionRequest, 'payload'>> = {},
  content: Partial<SealedContent> = {},
  pair: StoredKeyPair = TEST_KEY,
): Promise<SealedSubmission> {
  const { payload: _clear, ...base } = lifeCertificateRequest(overrides);
  const payload = await sealContent({ answers: { ...LIFE_CERTIFICATE_ANSWERS }, ...content }, sealingKeyOf(pair), base.id);
  return { ...base, payload };
}
