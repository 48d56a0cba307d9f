/**
 * Shared fixtures for bundle tests: a terminal's signing key, the relay's key list, and
 * queued outbox items sealed as a kiosk seals them (real HPKE, real photos' worth of bytes).
 */
import { sealAttachment } from '../../../../src/core/attachments/seal.ts';
import { sealContent } from '../../../../src/core/crypto/envelope.ts';
import { generateSealingKeyPair, sealingKeyOf, type SealingKeyPair } from '../../../../src/core/crypto/keys.ts';
import { trackingCodeFor } from '../../../../src/core/ids/tracking-code.ts';
import { newOutboxItem } from '../../../../src/core/outbox/state-machine.ts';
import type { OutboxItem } from '../../../../src/core/outbox/types.ts';
import { checkSigningKey, type TerminalKey, type TerminalKeyList } from '../../../../src/core/bundle/terminal-keys.ts';
import type { BundleableItem } from '../../../../src/core/bundle/write-bundle.ts';

export const RELAY = 'relay-demo';

export interface TestSigner {
  terminalId: string;
  keyId: string;
  key: TerminalKey;
  privateKey: CryptoKey;
  sign(data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
}

export async function testSigner(terminalId: string = crypto.randomUUID(), label = 'Guichet 1'): Promise<TestSigner> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const checked = (await checkSigningKey(await crypto.subtle.exportKey('jwk', pair.publicKey)))!;
  return {
    terminalId,
    keyId: checked.keyId,
    key: { terminalId, label, keyId: checked.keyId, publicKey: checked.publicKey, revoked: false },
    privateKey: pair.privateKey,
    sign: (data) => crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, data),
  };
}

export const keyList = (...keys: TerminalKey[]): TerminalKeyList => ({ relayId: RELAY, terminals: keys });

let serverKey: Promise<SealingKeyPair> | undefined;
/** The server's sealing key pair (one per test run: generating it is the slow part). */
export const testServerKey = (): Promise<SealingKeyPair> => (serverKey ??= generateSealingKeyPair());

/** A queued application of `terminalId`, sealed to the server's key, with `photos` sealed attachments of `photoBytes` each. */
export async function sealedItem(terminalId: string, options: { photos?: number; photoBytes?: number; now?: number } = {}): Promise<BundleableItem> {
  const key = sealingKeyOf(await testServerKey());
  const id = crypto.randomUUID();
  const attachments = [];
  for (let i = 0; i < (options.photos ?? 0); i++) {
    const attachmentId = crypto.randomUUID();
    const photo = crypto.getRandomValues(new Uint8Array(options.photoBytes ?? 2048));
    attachments.push({ id: attachmentId, sealed: await sealAttachment(photo, key, id, attachmentId) });
  }
  const payload = await sealContent({ answers: { fullName: 'Aicha Ait Brahim', cnie: 'JB123456' }, consentVersion: 'consent-v1' }, key, id);
  const request = { id, serviceId: 'residence-certificate', formVersion: 1, terminalId, language: 'fr', createdAt: '2026-11-23T09:00:00.000Z', submittedAt: '2026-11-23T09:05:00.000Z', payload };
  return newOutboxItem(request, await trackingCodeFor(id, crypto.subtle), options.now ?? Date.now(), attachments) as BundleableItem;
}

export async function sealedItems(terminalId: string, count: number, options: { photos?: number } = {}): Promise<BundleableItem[]> {
  return Promise.all(Array.from({ length: count }, () => sealedItem(terminalId, options)));
}

export type { OutboxItem };
