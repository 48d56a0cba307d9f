/**
 * Our suite (src/core/crypto/suite.ts) against RFC 9180's published vector A.3.1. The
 * library takes the ephemeral key material (`ekm`) for testing, so the sender side is
 * driven deterministically and every published value is checked: key pairs, enc, the
 * two first ciphertexts and an exported secret (which pins the key schedule).
 */
import { describe, expect, it } from 'vitest';
import { cipherSuite } from '../../../../src/core/crypto/suite.ts';
import { jwkPair } from '../../../../src/core/crypto/keys.ts';
import { importPrivateKey } from '../../../../src/core/crypto/keys.ts';
import { A3_1, hex, toHex } from './rfc9180-a3.ts';

describe('RFC 9180 A.3.1 (DHKEM(P-256, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, base)', () => {
  it('derives the published recipient and ephemeral key pairs', async () => {
    const recipient = await cipherSuite.kem.deriveKeyPair(hex(A3_1.ikmR));
    expect(toHex(await cipherSuite.kem.serializePrivateKey(recipient.privateKey))).toBe(A3_1.skRm);
    expect(toHex(await cipherSuite.kem.serializePublicKey(recipient.publicKey))).toBe(A3_1.pkRm);
    const ephemeral = await cipherSuite.kem.deriveKeyPair(hex(A3_1.ikmE));
    expect(toHex(await cipherSuite.kem.serializePrivateKey(ephemeral.privateKey))).toBe(A3_1.skEm);
    expect(toHex(await cipherSuite.kem.serializePublicKey(ephemeral.publicKey))).toBe(A3_1.pkEm);
  });

  it('a sender with the published ephemeral key gives the published enc, ciphertexts and exported secret', async () => {
    const recipient = await cipherSuite.kem.deriveKeyPair(hex(A3_1.ikmR));
    const sender = await cipherSuite.createSenderContext({ recipientPublicKey: recipient.publicKey, info: hex(A3_1.info), ekm: hex(A3_1.ikmE) });
    expect(toHex(sender.enc)).toBe(A3_1.enc);
    for (const step of A3_1.encryptions) expect(toHex(await sender.seal(hex(step.pt), hex(step.aad)))).toBe(step.ct);
    for (const exp of A3_1.exports) expect(toHex(await sender.export(hex(exp.context), exp.length))).toBe(exp.value);
  });

  it('the recipient opens the published ciphertexts in sequence', async () => {
    const recipientKey = await cipherSuite.kem.deriveKeyPair(hex(A3_1.ikmR));
    const recipient = await cipherSuite.createRecipientContext({ recipientKey, enc: hex(A3_1.enc), info: hex(A3_1.info) });
    for (const step of A3_1.encryptions) expect(toHex(await recipient.open(hex(step.ct), hex(step.aad)))).toBe(step.pt);
  });

  it('the published recipient key, as the JWK our key files hold, opens the first ciphertext', async () => {
    // The path the server takes: a JWK from a key file, imported by our code, single-shot open.
    const { privateKey } = await jwkPair(await cipherSuite.kem.deriveKeyPair(hex(A3_1.ikmR)));
    const recipientKey = await importPrivateKey(privateKey);
    const first = A3_1.encryptions[0];
    const pt = await cipherSuite.open({ recipientKey: recipientKey as CryptoKeyPair, enc: hex(A3_1.enc), info: hex(A3_1.info) }, hex(first.ct), hex(first.aad));
    expect(toHex(pt)).toBe(first.pt);
  });
});
