import { beforeEach, describe, expect, it } from 'vitest';
import type { CatalogResponse } from '../../src/core/sync/protocol.ts';
import { createApp } from '../../server/app.ts';
import { publishCatalog } from '../../server/catalog/publish-catalog.ts';
import { demoServices, lifeCertificateV2 } from './helpers/catalog.ts';
import { STORES, useTestDb } from './helpers/test-db.ts';
import { useDeviceToken, withDevice } from './helpers/terminal.ts';
import { memoryKeyRing } from '../../server/keys/key-ring.ts';
import { TEST_KEY, TEST_KEY_2, testKeys } from './helpers/keys.ts';

const K = TEST_KEY.keyId;
const SEALING = { keyId: K, publicKey: TEST_KEY.publicKey };

describe.each(STORES)('GET /api/catalog (%s)', (kind) => {
  const db = useTestDb(kind);
  const device = useDeviceToken(db);
  const app = () => withDevice(createApp({ db: db(), keys: testKeys(), version: 'test' }), device());

  it('gives an empty catalog at version 0 before anything is published', async () => {
    const res = await app().request('/api/catalog');
    expect(res.headers.get('etag')).toBe(`"c0-${K}"`);
    expect(await res.json()).toEqual({ version: 0, full: true, services: [], removed: [], sealing: SEALING });
  });

  describe('once two versions are published', () => {
    beforeEach(async () => {
      await publishCatalog(db(), demoServices()); // version 1
      await publishCatalog(db(), [...demoServices().filter((s) => s.id !== 'life-certificate' && s.id !== 'income-certificate'), lifeCertificateV2()]); // version 2
    });

    it('gives the full catalog with an ETag naming its version, revalidated on each use', async () => {
      const res = await app().request('/api/catalog');
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBe(`"c2-${K}"`);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const body = (await res.json()) as CatalogResponse;
      expect(body).toMatchObject({ version: 2, full: true, removed: [], sealing: SEALING });
      expect(body.services.length).toBe(demoServices().length - 1);
      expect(body.services.find((s) => s.id === 'life-certificate')?.version).toBe(2);
      expect(body.services.map((s) => s.id)).not.toContain('income-certificate');
    });

    it('answers 304 with no body when the kiosk already holds that version', async () => {
      const res = await app().request('/api/catalog', { headers: { 'If-None-Match': `"c2-${K}"` } });
      expect(res.status).toBe(304);
      expect(res.headers.get('etag')).toBe(`"c2-${K}"`);
      expect(await res.text()).toBe('');
      const weak = await app().request('/api/catalog', { headers: { 'If-None-Match': `"c0-${K}", W/"c2-${K}"` } });
      expect(weak.status).toBe(304);
    });

    it('gives the full catalog again when the kiosk holds an older version', async () => {
      const res = await app().request('/api/catalog', { headers: { 'If-None-Match': `"c1-${K}"` } });
      expect(res.status).toBe(200);
    });

    it('gives only what changed since a version: upserts and removals, with its own ETag', async () => {
      const res = await app().request('/api/catalog?since=1');
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBe(`"c2-s1-${K}"`);
      expect(await res.json()).toMatchObject({
        version: 2,
        full: false,
        services: [{ id: 'life-certificate', version: 2 }],
        removed: ['income-certificate'],
        sealing: SEALING,
      });
      const revalidated = await app().request('/api/catalog?since=1', { headers: { 'If-None-Match': `"c2-s1-${K}"` } });
      expect(revalidated.status).toBe(304);
    });

    it('answers 304 to a kiosk asking for changes since the version its last delta brought it to', async () => {
      const delta = await app().request('/api/catalog?since=1');
      const etag = delta.headers.get('etag')!;
      const next = await app().request('/api/catalog?since=2', { headers: { 'If-None-Match': etag } });
      expect(next.status).toBe(304);
      // Asking for the whole catalog with a delta's tag gets the whole catalog.
      expect((await app().request('/api/catalog', { headers: { 'If-None-Match': etag } })).status).toBe(200);
      // A tag of an older version is not enough.
      expect((await app().request('/api/catalog?since=1', { headers: { 'If-None-Match': `"c1-${K}"` } })).status).toBe(200);
    });

    it('gives an empty delta to a kiosk that is up to date, and everything since 0', async () => {
      expect(await (await app().request('/api/catalog?since=2')).json()).toEqual({ version: 2, full: false, services: [], removed: [], sealing: SEALING });
      const all = (await (await app().request('/api/catalog?since=0')).json()) as CatalogResponse;
      expect(all.services.length).toBe(demoServices().length - 1);
    });

    it('hands out the current sealing key with every response, and a rotation changes the ETag of full and delta alike', async () => {
      const before = await app().request('/api/catalog');
      const beforeDelta = await app().request('/api/catalog?since=1');
      const rotated = () => withDevice(createApp({ db: db(), keys: memoryKeyRing([TEST_KEY, TEST_KEY_2]), version: 'test' }), device());
      const full = await rotated().request('/api/catalog', { headers: { 'If-None-Match': before.headers.get('etag')! } });
      expect(full.status).toBe(200);
      expect(full.headers.get('etag')).toBe(`"c2-${TEST_KEY_2.keyId}"`);
      expect(((await full.json()) as CatalogResponse).sealing).toEqual({ keyId: TEST_KEY_2.keyId, publicKey: TEST_KEY_2.publicKey });
      const delta = await rotated().request('/api/catalog?since=2', { headers: { 'If-None-Match': beforeDelta.headers.get('etag')! } });
      expect(delta.status).toBe(200);
      expect(await delta.json()).toEqual({ version: 2, full: false, services: [], removed: [], sealing: { keyId: TEST_KEY_2.keyId, publicKey: TEST_KEY_2.publicKey } });
      // An older server's tag, without a key, never matches: the kiosk learns the key.
      expect((await app().request('/api/catalog?since=2', { headers: { 'If-None-Match': '"c2"' } })).status).toBe(200);
    });

    it.each(['-1', 'abc', '1.5', '', '3', '99999999999'])('refuses since=%s with a 400 problem', async (since) => {
      const res = await app().request(`/api/catalog?since=${since}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(await res.json()).toMatchObject({ status: 400, code: 'invalid-request', type: 'urn:relais:problem:invalid-request' });
    });
  });
});
