/**
 * Sealing cost: an application of 10 fields plus two 300 KB photos, sealed with HPKE
 * (content and each photo separately, as the outbox does) and opened again, against a
 * plain AES-128-GCM encryption of the same bytes with a key already in hand (baseline:
 * what any encryption at all would cost), in the same run. Also the bytes sealing adds.
 */
import { generateSealingKeyPair, sealingKeyOf } from '../src/core/crypto/keys.ts';
import { openBytes, openContent, sealBytes, sealContent } from '../src/core/crypto/envelope.ts';
import type { SealedContent } from '../src/core/sync/protocol.ts';
import { median, type BenchLine } from './lib/report.ts';

const RUNS = 15;

function photo(): Uint8Array {
  const bytes = new Uint8Array(300 * 1024);
  for (let i = 0; i < bytes.length; i += 65536) crypto.getRandomValues(bytes.subarray(i, i + 65536));
  return bytes;
}

export async function sealingCost(): Promise<BenchLine[]> {
  const pair = await generateSealingKeyPair();
  const key = sealingKeyOf(pair);
  const content: SealedContent = {
    answers: {
      fullName: 'Aicha Ait Brahim', cnie: 'JB123456', birthDate: '1984-05-17', douar: 'Douar Tafraout', commune: 'Tafraout',
      residentSince: '2010-09-01', housingStatus: 'owner', purpose: 'bank', phone: '+212661234567', householdSize: 6,
    },
    consentVersion: 'consent-2026-11-v1',
  };
  const photos = [photo(), photo()];
  const plainBytes = new TextEncoder().encode(JSON.stringify(content)).length + photos.reduce((s, p) => s + p.length, 0);
  const aes = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 128 }, false, ['encrypt']);

  const seal: number[] = [];
  const open: number[] = [];
  const baseline: number[] = [];
  let sealedBytes = 0;
  for (let run = 0; run < RUNS; run++) {
    const id = crypto.randomUUID();
    let t = performance.now();
    const payload = await sealContent(content, key, id);
    const sealedPhotos = await Promise.all(photos.map((p, i) => sealBytes(p, key, id, `photo-${i}`)));
    seal.push(performance.now() - t);
    sealedBytes = payload.enc.length + payload.ciphertext.length + sealedPhotos.reduce((s, p) => s + p.enc.length + p.ciphertext.length, 0);

    t = performance.now();
    await openContent(payload, pair.privateKey, id);
    await Promise.all(sealedPhotos.map((p, i) => openBytes(p, pair.privateKey, id, `photo-${i}`)));
    open.push(performance.now() - t);

    t = performance.now();
    for (const bytes of [new TextEncoder().encode(JSON.stringify(content)), ...photos]) {
      await crypto.subtle.encrypt({ name: 'AES-GCM', iv: crypto.getRandomValues(new Uint8Array(12)) }, aes, bytes as Uint8Array<ArrayBuffer>);
    }
    baseline.push(performance.now() - t);
  }
  const base = median(baseline);
  return [
    { name: `seal 10 fields + two 300 KB photos, HPKE (median of ${RUNS})`, value: median(seal), unit: 'ms', baseline: { name: 'plain AES-GCM, key in hand', value: base }, ratio: median(seal) / base },
    { name: `open the same (server side, median of ${RUNS})`, value: median(open), unit: 'ms', baseline: { name: 'plain AES-GCM, key in hand', value: base }, ratio: median(open) / base },
    { name: 'bytes sealing adds (enc + tag, as stored)', value: (sealedBytes - plainBytes) / 1024, unit: 'KB', baseline: { name: 'plain size', value: plainBytes / 1024 }, ratio: sealedBytes / plainBytes },
  ];
}
