/**
 * The recording studio's pure parts: silence trimming on synthetic samples, the WAV it
 * stores, the prompts a language lists (locale strings, catalog texts, pieces), coverage
 * counting, and which published clips a kiosk downloads or publishes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ServiceDefinition } from '../../../src/core/forms/types.ts';
import type { Tree } from '../../../src/core/i18n/coverage.ts';
import { pieceCatalog } from '../../../src/core/speech/compose.ts';
import { clipsToDownload, clipsToPublish, type LocalClipInfo, type ManifestEntry } from '../../../src/core/speech/manifest.ts';
import { catalogPrompts, coverageOf, ownText, stringPrompts, studioPrompts, uiPrompts } from '../../../src/core/speech/prompts.ts';
import { clipStatus, type ClipStatus } from '../../../src/core/speech/select.ts';
import { speechTextHash } from '../../../src/core/speech/text.ts';
import { encodeWav, findSoundBounds, mixToMono, wavBytesPerMinute } from '../../../src/core/speech/trim.ts';
import { loadDemoCatalog } from '../../fixtures/catalog/demo-catalog.ts';

const RATE = 16000;
/** `before` s of silence (or low noise), `tone` s of a 440 Hz tone at `amp`, `after` s of silence. */
function signal(before: number, tone: number, after: number, amp = 0.3, noise = 0): Float32Array {
  const n = (s: number) => Math.round(s * RATE);
  const out = new Float32Array(n(before) + n(tone) + n(after));
  for (let i = 0; i < out.length; i++) out[i] = noise * Math.sin(i * 12.9898) * 0.5;
  for (let i = 0; i < n(tone); i++) out[n(before) + i] = amp * Math.sin((2 * Math.PI * 440 * i) / RATE);
  return out;
}

describe('silence trimming', () => {
  it('finds the tone between half-second silences, with the margin around it', () => {
    const s = signal(0.5, 1, 0.5);
    const b = findSoundBounds(s, RATE, { marginMs: 80 })!;
    // The tone runs from sample 8000 to 24000; windows are 10 ms (160 samples).
    expect(b.start).toBe(8000 - 0.08 * RATE);
    expect(b.end).toBe(24000 + 0.08 * RATE);
    expect((b.end - b.start) / RATE).toBeCloseTo(1.16, 2);
  });

  it('keeps what is already tight, clamps margins to the recording, and says when nothing was heard', () => {
    const tight = signal(0, 0.3, 0);
    expect(findSoundBounds(tight, RATE)).toEqual({ start: 0, end: tight.length });
    expect(findSoundBounds(signal(1, 0, 1), RATE)).toBeNull();
    // Room noise below the threshold is silence; a quiet voice above it is not.
    expect(findSoundBounds(signal(0.4, 0, 0.4, 0, 0.01), RATE)).toBeNull();
    const quiet = findSoundBounds(signal(0.4, 0.5, 0.4, 0.05, 0.01), RATE, { marginMs: 0 })!;
    expect(quiet.start).toBe(6400);
    expect(quiet.end).toBe(14400);
  });

  it('ignores a click shorter than a window only if it stays under the threshold over that window', () => {
    const s = signal(0.5, 0, 0.5);
    s[100] = 0.05; // one loud sample in 160: RMS 0.004, under 0.02
    expect(findSoundBounds(s, RATE)).toBeNull();
  });

  it('encodes mono 16-bit WAV with a correct header and clamped samples', () => {
    const wav = encodeWav(Float32Array.from([0, 1, -1, 2, -0.5]), RATE);
    const v = new DataView(wav.buffer);
    expect(new TextDecoder().decode(wav.subarray(0, 4))).toBe('RIFF');
    expect(new TextDecoder().decode(wav.subarray(8, 16))).toBe('WAVEfmt ');
    expect(v.getUint32(4, true)).toBe(36 + 10);
    expect(v.getUint16(22, true)).toBe(1);
    expect(v.getUint32(24, true)).toBe(RATE);
    expect(v.getUint32(40, true)).toBe(10);
    expect([0, 1, 2, 3, 4].map((i) => v.getInt16(44 + i * 2, true))).toEqual([0, 32767, -32768, 32767, -16384]);
    expect(wavBytesPerMinute(RATE)).toBe(1_920_000);
    expect([...mixToMono([Float32Array.from([1, 0]), Float32Array.from([0, 0])])]).toEqual([0.5, 0]);
  });
});

const fr = JSON.parse(readFileSync('locales/fr/common.json', 'utf8')) as Tree;
const shiLatn = JSON.parse(readFileSync('locales/shi-Latn/common.json', 'utf8')) as Tree;
const demo = loadDemoCatalog().map((f) => f.json as ServiceDefinition);

describe('prompts a language lists', () => {
  it('splits a string with placeholders into its fixed stretches, numbered as composeTemplate speaks them', () => {
    expect(stringPrompts('consent.recipient', 'Elles sont transmises à : {{administration}}.')).toEqual([
      { key: 'consent.recipient#0', text: 'Elles sont transmises à :' },
      { key: 'consent.recipient#1', text: '.' },
    ]);
    expect(stringPrompts('a', '{{count}} demandes')).toEqual([{ key: 'a#1', text: 'demandes' }]);
    expect(stringPrompts('b', '  ')).toEqual([]);
  });

  it('lists every French UI string by key, including consent.title', () => {
    const ui = uiPrompts(fr);
    expect(ui).toContainEqual({ key: 'consent.title', text: 'Vos données personnelles', source: 'ui' });
    expect(ui.find((p) => p.key === 'consent.purpose')).toBeUndefined(); // it has {{service}}: its stretches instead
    expect(ui.find((p) => p.key === 'consent.purpose#0')?.text).toMatch(/^Les informations/);
    expect(new Set(ui.map((p) => p.key)).size).toBe(ui.length);
  });

  it('lists the catalog texts a language has, in its own script or the other one, and not what it borrows', () => {
    const service = demo.find((s) => s.id === 'residence-certificate')!;
    const fr = catalogPrompts([service], 'fr');
    expect(fr[0]).toEqual({ key: 'service.residence-certificate.title', text: service.title.fr, source: 'catalog' });
    const keys = fr.map((p) => p.key);
    expect(keys).toContain('service.residence-certificate.administration');
    expect(keys.some((k) => /\.field\.\w+\.label$/.test(k))).toBe(true);
    expect(keys.some((k) => /\.option\./.test(k))).toBe(true);
    // A text in Tifinagh only serves shi-Latn too (the same words); a French-only text does not.
    expect(ownText({ ar: 'ع', fr: 'f', 'shi-Tfng': 'ⴰⵣⵓⵍ' }, 'shi-Latn')).toBe('ⴰⵣⵓⵍ');
    expect(ownText({ ar: 'ع', fr: 'f' }, 'shi-Latn')).toBeNull();
    expect(catalogPrompts([{ ...service, title: { ar: 'ع', fr: 'f' }, summary: { ar: 'ع', fr: 'f' }, administration: { ar: 'ع', fr: 'f' }, documents: [], steps: [] }], 'shi-Latn')).toEqual([]);
  });

  it('puts UI strings, the language name, the catalog and the pieces together without duplicates', () => {
    const all = studioPrompts('fr', fr, demo);
    const count = (source: string) => all.filter((p) => p.source === source).length;
    expect(count('piece')).toBe(pieceCatalog('fr').length);
    expect(count('catalog')).toBe(catalogPrompts(demo, 'fr').length);
    expect(all).toContainEqual({ key: 'language.fr', text: 'Français', source: 'ui' });
    expect(new Set(all.map((p) => p.key)).size).toBe(all.length);
    // Tachelhit lists only what it has itself (a section not drafted yet is not listed), and its own pieces.
    const { studio: _undrafted, ...partial } = shiLatn;
    const shi = studioPrompts('shi-Latn', partial, demo);
    expect(all.some((p) => p.key.startsWith('studio.'))).toBe(true);
    expect(shi.filter((p) => p.key.startsWith('studio.'))).toEqual([]);
    expect(shi.find((p) => p.key === 'consent.title')).toEqual({ key: 'consent.title', text: (shiLatn.consent as Tree).title, source: 'ui' });
    expect(shi.filter((p) => p.source === 'piece').map((p) => p.key)).toEqual(pieceCatalog('shi').map((p) => p.key));
  });
});

describe('coverage', () => {
  it('counts recorded, stale and missing prompts against today’s texts', () => {
    const prompts = [
      { key: 'a', text: 'Bonjour' },
      { key: 'b', text: 'Nouveau texte' },
      { key: 'c', text: 'Jamais' },
      { key: 'd', text: 'Au revoir' },
    ];
    const stored = new Map([
      ['a', { key: 'a', lang: 'fr', textHash: speechTextHash('bonjour ', 'fr') }], // same words, other spacing and case
      ['b', { key: 'b', lang: 'fr', textHash: speechTextHash('Ancien texte', 'fr') }],
      ['d', { key: 'd', lang: 'fr', textHash: speechTextHash('Au revoir', 'fr') }],
    ]);
    const status = new Map<string, ClipStatus>(prompts.map((p) => [p.key, clipStatus(stored.get(p.key), p.text, 'fr')]));
    expect(coverageOf(prompts, status)).toEqual({ total: 4, recorded: 2, stale: 1, missing: 1 });
    expect(coverageOf([], new Map())).toEqual({ total: 0, recorded: 0, stale: 0, missing: 0 });
    expect(coverageOf(prompts, new Map())).toEqual({ total: 4, recorded: 0, stale: 0, missing: 4 });
  });
});

describe('published clips: what moves', () => {
  const entry = (key: string, audioHash: string, updatedAt: string, lang = 'fr', text = key): ManifestEntry => ({
    lang, key, text, textHash: speechTextHash(text, lang), mime: 'audio/wav', bytes: 10, audioHash, durationMs: 500, recordedBy: 'agent-test', updatedAt,
  });
  const local = (key: string, audioHash: string | undefined, recordedAt: number, lang = 'fr', text = key): LocalClipInfo => ({
    key, lang, textHash: speechTextHash(text, lang), recordedAt, ...(audioHash ? { audioHash } : {}),
  });
  const T = Date.parse('2026-03-01T10:00:00Z');

  it('downloads what the kiosk lacks and what was re-recorded elsewhere, not what it has, nor its own newer work', () => {
    const manifest = [
      entry('lacking', 'aaaa', '2026-03-01T10:00:00Z'),
      entry('same', 'bbbb', '2026-03-01T10:00:00Z'),
      entry('rerecorded', 'cccc', '2026-03-01T12:00:00Z'),
      entry('mine-newer', 'dddd', '2026-03-01T10:00:00Z'),
      entry('other-lang', 'eeee', '2026-03-01T10:00:00Z', 'shi'),
      entry('no-local-hash', 'ffff', '2026-03-01T10:00:00Z'),
    ];
    const have = [
      local('same', 'bbbb', T),
      local('rerecorded', 'old1', T),
      local('mine-newer', 'new2', T + 3_600_000),
      local('other-lang', 'eeee', T), // same key, French: the Tachelhit clip is another clip
      local('no-local-hash', undefined, T - 1),
    ];
    expect(clipsToDownload(manifest, have).map((e) => `${e.lang}/${e.key}`)).toEqual(['fr/lacking', 'fr/rerecorded', 'shi/other-lang', 'fr/no-local-hash']);
    expect(clipsToDownload([], have)).toEqual([]);
  });

  it('publishes the clips the server lacks or holds another version of', () => {
    const manifest = [entry('same', 'bbbb', '2026-03-01T10:00:00Z'), entry('changed', 'cccc', '2026-03-01T10:00:00Z')];
    const mine = [local('same', 'bbbb', T), local('changed', 'c2c2', T), local('new', 'nnnn', T)];
    expect(clipsToPublish(mine, manifest).map((c) => c.key)).toEqual(['changed', 'new']);
  });
});
