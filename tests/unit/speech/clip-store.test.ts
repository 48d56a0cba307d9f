import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ClipStore, SpeechDb } from '../../../src/speech/clip-store.ts';
import { decodePack, encodePack } from '../../../src/core/speech/pack.ts';
import { speechTextHash } from '../../../src/core/speech/text.ts';

const freshStore = () => new ClipStore(new SpeechDb(`t-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange }));
const audio = (...bytes: number[]) => Uint8Array.from(bytes);

describe('clip store (relais-speech)', () => {
  it('stores a clip under its key and spoken language, with the hash of its text', async () => {
    const store = freshStore();
    await store.put({ key: 'home.welcome', lang: 'shi-Tfng', text: 'ⴰⵣⵓⵍ', mime: 'audio/webm', audio: audio(1, 2, 3), recordedAt: 5 });
    const clip = await store.get('home.welcome', 'shi-Latn'); // same spoken language, other script
    expect(clip).toMatchObject({ key: 'home.welcome', lang: 'shi', textHash: speechTextHash('ⴰⵣⵓⵍ', 'shi'), recordedAt: 5 });
    expect([...new Uint8Array(clip!.audio)]).toEqual([1, 2, 3]);
    expect(await store.get('home.welcome', 'fr')).toBeUndefined();
    expect(await store.list('shi')).toEqual([expect.objectContaining({ key: 'home.welcome', bytes: 3 })]);
    await store.delete('home.welcome', 'shi');
    expect(await store.list('shi')).toEqual([]);
  });

  it('reports each prompt as current, stale or missing against today’s text', async () => {
    const store = freshStore();
    await store.put({ key: 'a', lang: 'fr', text: 'Bienvenue', mime: 'audio/webm', audio: audio(1) });
    await store.put({ key: 'b', lang: 'fr', text: 'Ancien texte', mime: 'audio/webm', audio: audio(1) });
    const status = await store.statusOf([{ key: 'a', text: 'Bienvenue' }, { key: 'b', text: 'Nouveau texte' }, { key: 'c', text: 'Jamais enregistré' }], 'fr');
    expect(Object.fromEntries(status)).toEqual({ a: 'current', b: 'stale', c: 'missing' });
  });

  it('refuses a clip without audio or text', async () => {
    const store = freshStore();
    await expect(store.put({ key: 'a', lang: 'fr', text: 'x', mime: 'audio/webm', audio: new Uint8Array() })).rejects.toThrow(/no audio/);
    await expect(store.put({ key: 'a', lang: 'fr', text: ' ', mime: 'audio/webm', audio: audio(1) })).rejects.toThrow(/needs a key/);
  });

  it('exports a language pack that another kiosk imports whole', async () => {
    const from = freshStore();
    await from.put({ key: 'num.3', lang: 'shi', text: 'ⴽⵕⴰⴹ', mime: 'audio/ogg', audio: audio(3, 3), durationMs: 400 });
    await from.put({ key: 'home.welcome', lang: 'shi', text: 'ⴰⵣⵓⵍ', mime: 'audio/webm', audio: audio(1, 2, 3) });
    await from.put({ key: 'home.welcome', lang: 'fr', text: 'Bienvenue', mime: 'audio/webm', audio: audio(9) });
    const pack = await from.exportPack('shi-Latn');
    const decoded = decodePack(pack);
    expect(decoded.ok && decoded.pack.clips.map((c) => c.key)).toEqual(['home.welcome', 'num.3']); // only shi, sorted

    const to = freshStore();
    await to.put({ key: 'num.3', lang: 'shi', text: 'ⴽⵕⴰⴹ', mime: 'audio/ogg', audio: audio(0) });
    expect(await to.importPack(pack)).toEqual({ ok: true, lang: 'shi', imported: 2, replaced: 1 });
    expect([...new Uint8Array((await to.get('num.3', 'shi'))!.audio)]).toEqual([3, 3]);
    expect(await to.get('num.3', 'shi')).toMatchObject({ durationMs: 400, mime: 'audio/ogg' });
  });

  it('imports nothing from a pack with one bad clip', async () => {
    const good = { key: 'a', lang: 'fr', text: 'Un', textHash: speechTextHash('Un', 'fr'), mime: 'audio/webm', recordedAt: 1, audio: audio(1) };
    const bad = { ...good, key: 'b', textHash: speechTextHash('Deux', 'fr') }; // hash of another text
    const store = freshStore();
    const result = await store.importPack(encodePack('fr', [good, bad], 1));
    expect(result).toEqual({ ok: false, errors: ['clip 2 (b): its text hash does not match its text'] });
    expect(await store.list('fr')).toEqual([]);
  });
});
