import { describe, expect, it } from 'vitest';
import { latinToTifinagh, tifinaghToLatin, TIFINAGH_TO_LATIN } from '../../../../src/core/search/tifinagh.ts';

describe('Tifinagh ↔ Latin transcription (IRCAM)', () => {
  it.each([
    ['ⵜⴰⵎⴰⵣⵉⵖⵜ', 'tamaziɣt'],
    ['ⴰⵣⵓⵍ', 'azul'],
    ['ⵜⴰⵎⴰⴳⵉⵜ', 'tamagit'],
    ['ⵜⴰⴽⴰⵕⴹⴰ', 'takaṛḍa'],
    ['ⵜⴰⴼⵍⵍⴰⵃⵜ', 'tafllaḥt'],
    ['ⵜⴰⵄⵔⴰⴱⵜ', 'taɛrabt'],
    ['ⴰⵅⵅⴰⵎ', 'axxam'],
    ['ⴰⵛⵛⵓ', 'accu'],
    ['ⴰⵥⵕⵓ', 'aẓṛu'],
    ['ⵜⴰⵚⵟⴰ', 'taṣṭa'],
    ['ⴰⴳⵯⵔⵏ', 'agʷrn'],
  ])('%s ↔ %s', (tifinagh, latin) => {
    expect(tifinaghToLatin(tifinagh)).toBe(latin);
    expect(latinToTifinagh(latin)).toBe(tifinagh);
  });

  it('reads the digraphs typed on a French keyboard', () => {
    expect(latinToTifinagh('tamazight')).toBe('ⵜⴰⵎⴰⵣⵉⵖⵜ');
    expect(latinToTifinagh('akhkham')).toBe('ⴰⵅⵅⴰⵎ');
    expect(latinToTifinagh('Achchu')).toBe('ⴰⵛⵛⵓ');
  });

  it('round-trips every IRCAM letter and leaves other characters alone', () => {
    for (const [tifinagh, latin] of Object.entries(TIFINAGH_TO_LATIN)) {
      if ('ⴶⵞⴸⵝ'.includes(tifinagh)) continue; // letters outside IRCAM's set share a Latin form
      expect(latinToTifinagh(tifinaghToLatin(tifinagh)), `${tifinagh} (${latin})`).toBe(tifinagh);
    }
    expect(tifinaghToLatin('ⴰⵣⵓⵍ 2026, شهادة')).toBe('azul 2026, شهادة');
    expect(latinToTifinagh('azul 2026, شهادة')).toBe('ⴰⵣⵓⵍ 2026, شهادة');
  });
});
