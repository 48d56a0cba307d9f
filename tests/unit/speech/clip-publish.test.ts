/**
 * Publishing a language's recorded prompts from the studio: each clip goes with the
 * publisher's staff session, and a session the server no longer accepts stops the run at
 * the first refusal (the studio then asks for the PIN again) instead of failing clip by clip.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RelaisDb } from '../../../src/data/db.ts';
import { ClipStore, SpeechDb } from '../../../src/speech/clip-store.ts';
import { publishLanguage } from '../../../src/speech/clip-sync.ts';
import { STAFF_HEADER, type StaffSession } from '../../../src/core/sync/protocol.ts';

const SESSION: StaffSession = { token: 'a'.repeat(43), staffId: 'agent-demo', role: 'agent', expiresAt: '2026-11-23T18:00:00.000Z' };
const TEXTS = new Map([
  ['consent.title', 'Vos données personnelles'],
  ['welcome.title', 'Bienvenue'],
]);

async function twoClips(): Promise<ClipStore> {
  const factory = new IDBFactory();
  const store = new ClipStore(new SpeechDb(`s-${crypto.randomUUID()}`, { indexedDB: factory, IDBKeyRange }));
  for (const [key, text] of TEXTS) await store.put({ key, lang: 'fr', text, mime: 'audio/wav', audio: new Uint8Array([1, 2, 3, 4]), recordedBy: 'agent-demo' });
  return store;
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('publishing recorded prompts', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends every clip with the staff session', async () => {
    const sent: Array<{ url: string; staff: string | null }> = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
      if (url.startsWith('/api/speech/manifest')) return json(200, { clips: [] });
      sent.push({ url, staff: new Headers(init.headers).get(STAFF_HEADER) });
      return json(201, {});
    });
    const database = new RelaisDb(`t-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    const result = await publishLanguage(database, 'fr', SESSION, 'agent-demo', TEXTS, await twoClips());
    expect(result).toEqual({ published: 2, unchanged: 0, failed: [] });
    expect(sent).toEqual([
      { url: '/api/speech/clips', staff: SESSION.token },
      { url: '/api/speech/clips', staff: SESSION.token },
    ]);
  });

  it.each([
    [401, 'staff-session-required'],
    [403, 'staff-removed'],
  ])('stops at a %i %s and says the session is the problem', async (status, code) => {
    let posts = 0;
    vi.stubGlobal('fetch', async (url: string) => {
      if (url.startsWith('/api/speech/manifest')) return json(200, { clips: [] });
      posts++;
      return json(status, { code, title: 'refused' });
    });
    const database = new RelaisDb(`t-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    expect(await publishLanguage(database, 'fr', SESSION, 'agent-demo', TEXTS, await twoClips())).toEqual({ ok: false, reason: 'session', status });
    expect(posts).toBe(1);
  });
});
