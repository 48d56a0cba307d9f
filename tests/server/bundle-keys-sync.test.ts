/**
 * The kiosk's side of bundle keys (src/data/terminal-keys.ts) against the real API on both
 * stores: a terminal enrolled before it had a signing key registers it on its next sync,
 * once; every terminal of the relay then holds the relay's key list, and a bad answer
 * never replaces a good list.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { listTerminalKeys } from '../../server/bundle/terminal-keys.ts';
import { RelaisDb } from '../../src/data/db.ts';
import { setMeta } from '../../src/data/meta.ts';
import { cachedTerminalKeys, ownSigningKey, syncSigningKeys, syncTerminalKeys } from '../../src/data/terminal-keys.ts';
import { testKeys } from './helpers/keys.ts';
import { STORES, useTestDb } from './helpers/test-db.ts';
import { enrollForTest, TEST_RELAY } from './helpers/terminal.ts';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe.each(STORES)('a kiosk syncs bundle keys (%s)', (kind) => {
  const db = useTestDb(kind);

  /** A kiosk database for an enrolled terminal, its calls answered by the real app; returns the calls made. */
  async function kiosk(terminalId: string) {
    const token = await enrollForTest(db(), terminalId);
    const local = new RelaisDb(`t-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    await setMeta(local, 'terminalId', terminalId);
    await setMeta(local, 'enrollment', { terminalId, token, relayId: TEST_RELAY, relayName: 'Test relay', label: terminalId, expiresAt: '2099-01-01T00:00:00.000Z', issuedAt: new Date().toISOString() });
    return local;
  }

  function answerWith(rewrite: (path: string, res: Response) => Response | Promise<Response> = (_p, res) => res) {
    const calls: string[] = [];
    const app = createApp({ db: db(), keys: testKeys(), version: 'test' });
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = String(input);
      calls.push(`${init?.method ?? 'GET'} ${path}`);
      return rewrite(path, await app.request(path, init));
    }) as typeof fetch;
    return calls;
  }

  it('an older terminal registers its key on its next sync, once, and both terminals then hold both keys', async () => {
    const a = await kiosk('relay-tafraout-1');
    const b = await kiosk('relay-tafraout-2');
    const calls = answerWith();
    await syncSigningKeys(a);
    await syncSigningKeys(b);
    await syncSigningKeys(a); // the key is known now: not sent again
    expect(calls.filter((c) => c.startsWith('PUT'))).toEqual(['PUT /api/terminal/signing-key', 'PUT /api/terminal/signing-key']);
    const keyA = await ownSigningKey(a);
    const keyB = await ownSigningKey(b);
    expect((await listTerminalKeys(db(), TEST_RELAY)).map((k) => k.keyId)).toEqual([keyA.keyId, keyB.keyId]);
    const cached = await cachedTerminalKeys(a);
    expect(cached?.relayId).toBe(TEST_RELAY);
    expect(cached?.terminals.map((t) => [t.terminalId, t.keyId])).toEqual([
      ['relay-tafraout-1', keyA.keyId],
      ['relay-tafraout-2', keyB.keyId],
    ]);
    expect(keyA.privateKey.extractable).toBe(false);
  });

  it('a malformed or failed answer keeps the list the terminal had', async () => {
    const a = await kiosk('relay-tafraout-1');
    answerWith();
    await syncSigningKeys(a);
    const good = await cachedTerminalKeys(a);
    answerWith((path, res) => (path.endsWith('/terminal-keys') ? Response.json({ relayId: TEST_RELAY, terminals: [{ terminalId: 'x', keyId: 'nope' }] }) : res));
    expect(await syncTerminalKeys(a)).toBe(false);
    globalThis.fetch = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    expect(await syncTerminalKeys(a)).toBe(false);
    expect(await cachedTerminalKeys(a)).toEqual(good);
  });
});
