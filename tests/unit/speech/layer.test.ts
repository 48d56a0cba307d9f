/**
 * The speech layer's choices without a browser (no speechSynthesis, no audio element):
 * what it reports when nothing can speak, stale clips, the voice list, cancel.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ClipStore, SpeechDb } from '../../../src/speech/clip-store.ts';
import { RelaisUtterance, SpeechLayer, type SpeechLayerEvent } from '../../../src/speech/layer.ts';

const freshStore = () => new ClipStore(new SpeechDb(`t-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange }));

function outcome(layer: SpeechLayer, u: RelaisUtterance): Promise<SpeechLayerEvent> {
  return new Promise((resolve) => {
    u.addEventListener('end', (e) => resolve(e as SpeechLayerEvent));
    u.addEventListener('error', (e) => resolve(e as SpeechLayerEvent));
    layer.speak(u);
  });
}

describe('speech layer', () => {
  it('lists the bundled voices by language, the Tifinagh one marked synthetic, and none when switched off', () => {
    let offline = true;
    const layer = new SpeechLayer({ store: freshStore(), offlineEngine: () => offline });
    expect(layer.voicesFor('fr').map((v) => v.id)).toEqual(['espeak:fr']);
    expect(layer.voicesFor('shi-Latn')).toEqual([expect.objectContaining({ id: 'espeak:zgh-Tfng', synthetic: true })]);
    expect(layer.voicesFor('rif-Tfng')).toEqual([]);
    offline = false;
    expect(layer.voicesFor('fr')).toEqual([]);
  });

  it('fires error "language-unavailable" (and never start) when nothing can speak, reporting stale clips', async () => {
    const store = freshStore();
    await store.put({ key: 'home.welcome', lang: 'fr', text: 'Bienvenue', mime: 'audio/wav', audio: new Uint8Array([1]) });
    const layer = new SpeechLayer({ store, offlineEngine: () => false });
    const u = new RelaisUtterance({ text: 'Bienvenue au relais', lang: 'fr', key: 'home.welcome' });
    let started = false;
    u.onstart = () => (started = true);
    const event = await outcome(layer, u);
    expect(event.type).toBe('error');
    expect(event.error).toBe('language-unavailable');
    expect(event.stale).toEqual(['home.welcome']);
    expect(started).toBe(false);
    expect(layer.speaking).toBe(false);
  });

  it('chooses the clip when it is current, the offline voice when it is stale', async () => {
    const store = freshStore();
    await store.put({ key: 'home.welcome', lang: 'fr', text: 'Bienvenue', mime: 'audio/wav', audio: new Uint8Array([1]) });
    const layer = new SpeechLayer({ store });
    expect(await layer.choose({ text: 'Bienvenue', lang: 'fr-MA', key: 'home.welcome' })).toMatchObject({ engine: 'clip' });
    expect(await layer.choose({ text: 'Bonjour', lang: 'fr', key: 'home.welcome' })).toMatchObject({ engine: 'offline', stale: ['home.welcome'] });
  });

  it('cancel drops what was queued, each with "canceled"', async () => {
    const layer = new SpeechLayer({ store: freshStore(), offlineEngine: () => false });
    const first = new RelaisUtterance({ text: 'un', lang: 'fr' });
    const second = new RelaisUtterance({ text: 'deux', lang: 'fr' });
    const a = outcome(layer, first);
    const b = outcome(layer, second);
    expect(layer.pending).toBe(true);
    layer.cancel();
    expect((await b).error).toBe('canceled');
    expect(['interrupted', 'language-unavailable']).toContain((await a).error);
    expect(layer.pending).toBe(false);
  });
});
