import { describe, expect, it } from 'vitest';
import { parseLang, speechFallback, spokenLanguage, voiceFits } from '../../../../src/core/speech/lang.ts';
import { clipLookups, clipStatus, selectEngine, type ClipMeta, type VoiceInfo } from '../../../../src/core/speech/select.ts';
import { speechTextHash } from '../../../../src/core/speech/text.ts';

const native = (lang: string, localService = true, id = `native:${lang}`): VoiceInfo => ({ id, name: id, lang, engine: 'native', synthetic: false, localService });
const espeak = (lang: string, synthetic = false): VoiceInfo => ({ id: `espeak:${lang}`, name: lang, lang, engine: 'offline', synthetic, localService: true });
const OFFLINE = [espeak('fr'), espeak('ar'), espeak('zgh-Tfng', true)];
const clip = (key: string, lang: string, text: string): ClipMeta => ({ key, lang, textHash: speechTextHash(text, lang) });
const clips = (...list: ClipMeta[]) => new Map(list.map((c) => [c.key, c]));

describe('speech languages', () => {
  it('parses tags and keeps only the spoken language for recordings', () => {
    expect(parseLang('shi-Latn')).toEqual({ language: 'shi', script: 'Latn', region: null });
    expect(parseLang('ar_MA')).toEqual({ language: 'ar', script: null, region: 'MA' });
    expect(spokenLanguage('tzm-Tfng')).toBe('tzm');
    expect(spokenLanguage('fr-FR')).toBe('fr');
  });

  it('shi-Latn falls back to a Tachelhit Tifinagh voice, then Standard Amazigh, transliterating', () => {
    expect(speechFallback('shi-Latn')).toEqual([
      { language: 'shi', script: 'Latn', transliterate: null },
      { language: 'shi', script: 'Tfng', transliterate: 'Latn→Tfng' },
      { language: 'zgh', script: 'Tfng', transliterate: 'Latn→Tfng' },
    ]);
    expect(speechFallback('shi-Tfng').map((c) => `${c.language}-${c.script}`)).toEqual(['shi-Tfng', 'shi-Latn', 'zgh-Tfng']);
    expect(speechFallback('zgh')).toEqual([
      { language: 'zgh', script: 'Tfng', transliterate: null },
      { language: 'zgh', script: 'Latn', transliterate: 'Tfng→Latn' },
    ]);
  });

  it('never hands Amazigh text to an Arabic or French voice, and Tarifit not to Standard Amazigh', () => {
    for (const tag of ['shi-Latn', 'tzm-Tfng', 'rif-Latn', 'zgh']) {
      expect(speechFallback(tag).map((c) => c.language)).not.toContain('ar');
      expect(speechFallback(tag).map((c) => c.language)).not.toContain('fr');
    }
    expect(speechFallback('rif-Tfng').map((c) => c.language)).toEqual(['rif', 'rif']);
    expect(speechFallback('ary').map((c) => c.language)).toEqual(['ary', 'ar']);
  });

  it('matches voices by language and script, ignoring the region', () => {
    const zghTfng = { language: 'zgh', script: 'Tfng' as const, transliterate: null };
    expect(voiceFits('fr-FR', { language: 'fr', script: 'Latn', transliterate: null })).toBe(true);
    expect(voiceFits('zgh-Tfng', zghTfng)).toBe(true);
    expect(voiceFits('zgh-Latn', zghTfng)).toBe(false);
    expect(voiceFits('shi', { language: 'shi', script: 'Latn', transliterate: null })).toBe(true); // script unknown: may read either
    expect(voiceFits('fr-CA', { language: 'ar', script: 'Arab', transliterate: null })).toBe(false);
  });
});

describe('engine selection', () => {
  it('plays a current clip before any voice', () => {
    const req = { text: 'Bienvenue', lang: 'fr', key: 'home.welcome' };
    expect(clipLookups(req)).toEqual([{ key: 'home.welcome', lang: 'fr' }]);
    const choice = selectEngine(req, { clips: clips(clip('home.welcome', 'fr', 'Bienvenue')), voices: [native('fr-FR'), ...OFFLINE] });
    expect(choice).toMatchObject({ engine: 'clip', clips: [{ key: 'home.welcome', lang: 'fr' }], stale: [] });
  });

  it('a clip whose text changed is stale: reported, never played, the next engine speaks', () => {
    const req = { text: 'Bienvenue au relais', lang: 'fr', key: 'home.welcome' };
    const stored = clips(clip('home.welcome', 'fr', 'Bienvenue'));
    expect(clipStatus(stored.get('home.welcome'), req.text, 'fr')).toBe('stale');
    const choice = selectEngine(req, { clips: stored, voices: OFFLINE });
    expect(choice).toMatchObject({ engine: 'offline', voice: { id: 'espeak:fr' }, stale: ['home.welcome'] });
    const none = selectEngine(req, { clips: stored, voices: [] });
    expect(none).toEqual({ engine: 'none', reason: 'language-unavailable', stale: ['home.welcome'] });
  });

  it('native voices come before the offline engine; voices on the device before network ones', () => {
    const req = { text: 'مرحبا', lang: 'ar' };
    const choice = selectEngine(req, { clips: new Map(), voices: [...OFFLINE, native('ar-SA', false, 'net'), native('ar-MA', true, 'local')] });
    expect(choice).toMatchObject({ engine: 'native', voice: { id: 'local' } });
    expect(selectEngine(req, { clips: new Map(), voices: OFFLINE, exclude: new Set(['native']) })).toMatchObject({ engine: 'offline', voice: { id: 'espeak:ar' } });
  });

  it('Latin Tachelhit is read by the synthetic Tifinagh voice after transliteration', () => {
    const choice = selectEngine({ text: 'Azul fllawn', lang: 'shi-Latn' }, { clips: new Map(), voices: OFFLINE });
    expect(choice).toMatchObject({ engine: 'offline', voice: { id: 'espeak:zgh-Tfng', synthetic: true }, text: 'ⴰⵣⵓⵍ ⴼⵍⵍⴰⵡⵏ' });
  });

  it('reports "no voice" when nothing can read the language (Tarifit, or an engine that failed)', () => {
    expect(selectEngine({ text: 'ⴰⵣⵓⵍ', lang: 'rif-Tfng' }, { clips: new Map(), voices: [native('fr-FR'), ...OFFLINE] })).toMatchObject({ engine: 'none' });
    expect(selectEngine({ text: 'Bonjour', lang: 'fr' }, { clips: new Map(), voices: OFFLINE, exclude: new Set(['offline']) })).toMatchObject({ engine: 'none' });
  });

  it('the same recording serves an Amazigh prompt in both scripts', () => {
    const stored = clips(clip('home.welcome', 'shi', 'ⴰⵣⵓⵍ'));
    expect(selectEngine({ text: 'Azul', lang: 'shi-Latn', key: 'home.welcome' }, { clips: stored, voices: [] })).toMatchObject({ engine: 'clip' });
  });

  it('a composed prompt plays from clips only when every piece is recorded and current', () => {
    const parts = [
      { key: 'receipt.code#0', text: 'Votre code est' },
      { key: 'num.7', text: 'sept' },
      { key: 'pause', text: '' },
      { key: 'letter.k', text: 'K' },
    ];
    const req = { text: 'Votre code est 7-K', lang: 'fr', parts };
    expect(clipLookups(req).map((l) => l.key)).toEqual(['receipt.code#0', 'num.7', 'letter.k']);
    const all = clips(clip('receipt.code#0', 'fr', 'Votre code est'), clip('num.7', 'fr', 'sept'), clip('letter.k', 'fr', 'K'));
    expect(selectEngine(req, { clips: all, voices: OFFLINE })).toEqual({
      engine: 'clip',
      clips: [{ key: 'receipt.code#0', lang: 'fr' }, { key: 'num.7', lang: 'fr' }, { pause: true }, { key: 'letter.k', lang: 'fr' }],
      stale: [],
    });
    const missingOne = new Map(all);
    missingOne.delete('letter.k');
    expect(selectEngine(req, { clips: missingOne, voices: OFFLINE })).toMatchObject({ engine: 'offline', text: 'Votre code est 7-K' });
  });
});
