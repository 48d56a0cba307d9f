/**
 * The bundle file (core/bundle): what one terminal writes another reads back item for
 * item, and every way a file can be wrong is refused whole, with its own reason.
 */
import { describe, expect, it } from 'vitest';
import { assembleBundle, HEADER_BYTES, MAX_MANIFEST_BYTES, splitBundle, type BundleManifest } from '../../../../src/core/bundle/format.ts';
import { readBundle, type ReadBundleResult } from '../../../../src/core/bundle/read-bundle.ts';
import { writeBundle, type BundleableItem } from '../../../../src/core/bundle/write-bundle.ts';
import { MAX_SUBMISSION_BYTES } from '../../../../src/core/sync/protocol.ts';
import { keyList, RELAY, sealedItem, sealedItems, testSigner, type TestSigner } from './fixtures.ts';

async function bundleOf(signer: TestSigner, items: BundleableItem[], relayId: string | null = RELAY): Promise<Uint8Array<ArrayBuffer>> {
  return writeBundle({ bundleId: crypto.randomUUID(), createdAt: '2026-11-24T08:00:00.000Z', signer: { terminalId: signer.terminalId, relayId, keyId: signer.keyId } }, items, signer.sign);
}

/** The file with its manifest changed by `edit`, signed again by `signer` (or left with the old signature). */
async function withManifest(bytes: Uint8Array, edit: (m: BundleManifest) => void, signer?: TestSigner): Promise<Uint8Array> {
  const sections = splitBundle(bytes);
  if (!sections.ok) throw new Error('not a bundle');
  const manifest = JSON.parse(new TextDecoder().decode(sections.manifest)) as BundleManifest;
  edit(manifest);
  const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest));
  const signature = signer ? new Uint8Array(await signer.sign(manifestBytes)) : sections.signature;
  return assembleBundle(manifestBytes, signature, [sections.body]);
}

const problemOf = (result: ReadBundleResult) => (result.ok ? 'ok' : result.problem);

describe('bundle files', () => {
  it('round trip: every item comes back with its id, request, sealed payload, attachments, tracking code and queue time', async () => {
    const signer = await testSigner();
    const items = [await sealedItem(signer.terminalId, { photos: 2 }), ...(await sealedItems(signer.terminalId, 2))];
    const result = await readBundle(await bundleOf(signer, items), keyList(signer.key));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.bundle.signer).toEqual({ terminalId: signer.terminalId, relayId: RELAY, keyId: signer.keyId, label: 'Guichet 1' });
    expect(result.bundle.entries.map((e) => e.id)).toEqual(items.map((i) => i.id));
    result.bundle.entries.forEach((entry, i) => {
      const item = items[i]!;
      expect(entry.request).toEqual(item.request);
      expect(entry.trackingCode).toBe(item.trackingCode);
      expect(entry.queuedAt).toBe(item.queuedAt);
      expect(entry.attachments).toEqual(item.attachments ?? []);
    });
    expect(result.bundle.entries[0]!.attachments).toHaveLength(2);
  });

  it('an empty queue makes a valid, empty bundle', async () => {
    const signer = await testSigner();
    const result = await readBundle(await bundleOf(signer, []), keyList(signer.key));
    expect(result.ok && result.bundle.entries).toEqual([]);
  });

  it('a file that is not a bundle is refused as such', async () => {
    const keys = keyList((await testSigner()).key);
    for (const bytes of [new Uint8Array(), new TextEncoder().encode('hello, this is a text file'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), new TextEncoder().encode('RLBx0000000000000')]) {
      expect(problemOf(await readBundle(bytes, keys))).toBe('not-a-bundle');
    }
  });

  it('a bundle of another format version is refused as unsupported', async () => {
    const signer = await testSigner();
    const bytes = await bundleOf(signer, await sealedItems(signer.terminalId, 1));
    bytes[3] = '2'.charCodeAt(0);
    expect(problemOf(await readBundle(bytes, keyList(signer.key)))).toBe('unsupported-version');
    const newer = await withManifest(await bundleOf(signer, []), (m) => (m.version = 2), signer);
    expect(problemOf(await readBundle(newer, keyList(signer.key)))).toBe('unsupported-version');
  });

  it('a file cut short is truncated, wherever the cut falls', async () => {
    const signer = await testSigner();
    const bytes = await bundleOf(signer, [await sealedItem(signer.terminalId, { photos: 1 })]);
    const manifestLength = new DataView(bytes.buffer).getUint32(4, true);
    for (const length of [2, 5, HEADER_BYTES + 10, HEADER_BYTES + manifestLength + 30, bytes.length - 500, bytes.length - 1]) {
      expect([length, problemOf(await readBundle(bytes.slice(0, length), keyList(signer.key)))]).toEqual([length, 'truncated']);
    }
  });

  it('one flipped byte in a sealed payload or attachment makes the file corrupt; so do bytes added at the end', async () => {
    const signer = await testSigner();
    const items = [await sealedItem(signer.terminalId, { photos: 1 }), await sealedItem(signer.terminalId)];
    const bytes = await bundleOf(signer, items);
    const sections = splitBundle(bytes);
    if (!sections.ok) throw new Error('unreadable');
    const bodyStart = bytes.length - sections.body.length;
    const manifest = JSON.parse(new TextDecoder().decode(sections.manifest)) as BundleManifest;
    for (const part of [manifest.items[0]!.payload, manifest.items[0]!.attachments[0]!, manifest.items[1]!.payload]) {
      const damaged = bytes.slice();
      damaged[bodyStart + part.offset + Math.floor(part.length / 2)]! ^= 0x01;
      expect(problemOf(await readBundle(damaged, keyList(signer.key)))).toBe('corrupt');
    }
    const longer = new Uint8Array(bytes.length + 1);
    longer.set(bytes);
    expect(problemOf(await readBundle(longer, keyList(signer.key)))).toBe('corrupt');
  });

  it('a changed manifest field or signature byte is tampering', async () => {
    const signer = await testSigner();
    const bytes = await bundleOf(signer, await sealedItems(signer.terminalId, 2));
    const keys = keyList(signer.key);
    expect(problemOf(await readBundle(await withManifest(bytes, (m) => (m.items[1]!.request.serviceId = 'birth-certificate')), keys))).toBe('tampered');
    expect(problemOf(await readBundle(await withManifest(bytes, (m) => (m.items[0]!.queuedAt += 1)), keys))).toBe('tampered');
    expect(problemOf(await readBundle(await withManifest(bytes, (m) => m.items.pop()), keys))).not.toBe('ok');
    const signature = bytes.slice();
    signature[HEADER_BYTES + new DataView(bytes.buffer).getUint32(4, true) + 5]! ^= 0x80;
    expect(problemOf(await readBundle(signature, keys))).toBe('tampered');
  });

  it('a bundle signed by a key this relay does not list is foreign; one from a revoked terminal is refused as revoked', async () => {
    const signer = await testSigner();
    const stranger = await testSigner();
    const bytes = await bundleOf(signer, await sealedItems(signer.terminalId, 1));
    expect(problemOf(await readBundle(bytes, keyList(stranger.key)))).toBe('foreign');
    expect(problemOf(await readBundle(bytes, null))).toBe('foreign'); // this terminal never fetched the relay's keys
    expect(problemOf(await readBundle(bytes, { relayId: 'relay-other', terminals: [signer.key] }))).toBe('foreign');
    // The signer's id, but another key (re-made, or an impostor).
    expect(problemOf(await readBundle(bytes, keyList({ ...stranger.key, terminalId: signer.terminalId })))).toBe('foreign');
    // A stranger signing as a listed terminal: its key id is not the listed one.
    const impostor = await withManifest(bytes, (m) => (m.signer.keyId = stranger.keyId), stranger);
    expect(problemOf(await readBundle(impostor, keyList(signer.key)))).toBe('foreign');
    expect(problemOf(await readBundle(bytes, keyList({ ...signer.key, revoked: true })))).toBe('revoked');
  });

  it('sizes beyond the limits are refused as too large before anything is used', async () => {
    const signer = await testSigner();
    const bytes = await bundleOf(signer, await sealedItems(signer.terminalId, 1));
    const huge = bytes.slice();
    new DataView(huge.buffer).setUint32(4, MAX_MANIFEST_BYTES + 1, true);
    expect(problemOf(await readBundle(huge, keyList(signer.key)))).toBe('too-large');
    const bigPayload = await withManifest(bytes, (m) => (m.items[0]!.payload.length = MAX_SUBMISSION_BYTES + 1), signer);
    expect(problemOf(await readBundle(bigPayload, keyList(signer.key)))).toBe('too-large');
  });

  it('a signed manifest whose parts overlap, leave gaps or repeat an id is corrupt', async () => {
    const signer = await testSigner();
    const bytes = await bundleOf(signer, await sealedItems(signer.terminalId, 2));
    const keys = keyList(signer.key);
    const overlap = await withManifest(bytes, (m) => (m.items[1]!.payload.offset -= 1), signer);
    expect(problemOf(await readBundle(overlap, keys))).toBe('corrupt');
    const twice = await withManifest(bytes, (m) => (m.items[1]!.id = m.items[0]!.id), signer);
    expect(problemOf(await readBundle(twice, keys))).toBe('corrupt');
    const cleartext = await withManifest(bytes, (m) => ((m.items[0]!.request as Record<string, unknown>).payload = { encoding: 'json' }), signer);
    expect(problemOf(await readBundle(cleartext, keys))).toBe('corrupt');
  });
});
