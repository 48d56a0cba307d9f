/**
 * The real eSpeak NG WebAssembly build, run in Node: French and Arabic produce speech, and
 * our Tifinagh rules compile and read IRCAM Tifinagh as Amazigh is pronounced.
 */
import { readFileSync } from 'node:fs';
import ESpeakNg from 'espeak-ng';
import { beforeAll, describe, expect, it } from 'vitest';
import { ESpeakRunner, wordsPerMinute } from '../../../src/speech/espeak-runner.ts';

let runner: ESpeakRunner;
beforeAll(async () => {
  runner = new ESpeakRunner(ESpeakNg, await WebAssembly.compile(readFileSync('node_modules/espeak-ng/dist/espeak-ng.wasm')));
}, 30_000);

function wavInfo(wav: Uint8Array) {
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  const ascii = (at: number) => String.fromCharCode(...wav.subarray(at, at + 4));
  const sampleRate = view.getUint32(24, true);
  const dataBytes = view.getUint32(40, true);
  let peak = 0;
  for (let i = 44; i + 1 < wav.byteLength; i += 2) peak = Math.max(peak, Math.abs(view.getInt16(i, true)));
  return { riff: ascii(0), wave: ascii(8), channels: view.getUint16(22, true), sampleRate, seconds: dataBytes / 2 / sampleRate, peak };
}

describe('eSpeak NG runner', () => {
  it('speaks French as a mono 16-bit WAV with sound in it, faster at a higher rate', async () => {
    const normal = wavInfo(await runner.synthesize('fr', 'Votre demande est enregistrée.'));
    expect(normal).toMatchObject({ riff: 'RIFF', wave: 'WAVE', channels: 1, sampleRate: 22050 });
    expect(normal.seconds).toBeGreaterThan(1);
    expect(normal.peak).toBeGreaterThan(1000);
    const fast = wavInfo(await runner.synthesize('fr', 'Votre demande est enregistrée.', 1.6));
    expect(fast.seconds).toBeLessThan(normal.seconds * 0.8);
  }, 30_000);

  it('reads vowelled Arabic', async () => {
    expect(await runner.ipa('ar', 'مَرْحَبًا')).toMatch(/m.*r.*ħ.*b/);
    expect(wavInfo(await runner.synthesize('ar', 'مَرْحَبًا بِكُمْ')).seconds).toBeGreaterThan(0.5);
  }, 30_000);

  it('compiles our Tifinagh rules and reads Tifinagh letter by letter', async () => {
    const dict = await runner.tifinaghDictionary();
    expect(dict.byteLength).toBeGreaterThan(500);
    expect(dict.byteLength).toBeLessThan(4000);
    expect((await runner.ipa('zgh-Tfng', 'ⴰⵣⵓⵍ')).replace(/ˈ/g, '')).toBe('azul');
    expect((await runner.ipa('zgh-Tfng', 'ⵜⴰⵎⴰⵣⵉⵖⵜ')).replace(/ˈ/g, '')).toBe('tamaziɣt');
    expect(await runner.ipa('zgh-Tfng', 'ⴰⴳⵯⵍⵍⵉⴷ')).toContain('ɡw'); // labialised g
    expect(await runner.ipa('zgh-Tfng', 'ⵃⵄⵇⵅ')).toMatch(/ħ.*ʕ.*q.*χ/); // pharyngeals, uvulars
    expect(await runner.ipa('zgh-Tfng', '3')).toMatch(/kr/); // digits with Amazigh numerals
    expect(wavInfo(await runner.synthesize('zgh-Tfng', 'ⴰⵣⵓⵍ ⴼⵍⵍⴰⵡⵏ')).seconds).toBeGreaterThan(0.4);
  }, 30_000);

  it('text that looks like an option is read, not obeyed', async () => {
    expect(wavInfo(await runner.synthesize('fr', '--help -v en')).seconds).toBeGreaterThan(0.3);
  }, 30_000);

  it('maps the speech rate to words per minute within eSpeak’s range', () => {
    expect(wordsPerMinute(1)).toBe(175);
    expect(wordsPerMinute(0.1)).toBe(80);
    expect(wordsPerMinute(10)).toBe(450);
    expect(wordsPerMinute(Number.NaN)).toBe(175);
  });
});
