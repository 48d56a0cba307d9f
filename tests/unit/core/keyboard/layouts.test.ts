import { describe, expect, it } from 'vitest';
import { LAYOUTS, canType, layoutOutputs, type LayoutId } from '../../../../src/core/keyboard/layouts.ts';

/** The IRCAM Tifinagh alphabet: 31 letters, the two labialised ones, and the labialisation mark. */
const IRCAM = ['ⴰ', 'ⴱ', 'ⴳ', 'ⴳⵯ', 'ⴷ', 'ⴹ', 'ⴻ', 'ⴼ', 'ⴽ', 'ⴽⵯ', 'ⵀ', 'ⵃ', 'ⵄ', 'ⵅ', 'ⵇ', 'ⵉ', 'ⵊ', 'ⵍ', 'ⵎ', 'ⵏ', 'ⵓ', 'ⵔ', 'ⵕ', 'ⵖ', 'ⵙ', 'ⵚ', 'ⵛ', 'ⵜ', 'ⵟ', 'ⵡ', 'ⵢ', 'ⵣ', 'ⵥ', 'ⵯ'];

const ARABIC_LETTERS = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي', ...'ءأإآؤئىة'];

const position = (id: LayoutId, text: string): [number, number] | undefined => {
  const rows = LAYOUTS[id].rows;
  for (let r = 0; r < rows.length; r++) {
    const c = rows[r]!.findIndex((k) => k.text === text);
    if (c >= 0) return [r, c];
  }
  return undefined;
};

describe('Tifinagh layout', () => {
  it('reaches every letter of the IRCAM alphabet (33 letters and ⵯ)', () => {
    expect(IRCAM).toHaveLength(34);
    const unreachable = IRCAM.filter((letter) => !canType(LAYOUTS.tifinagh, letter));
    expect(unreachable).toEqual([]);
  });

  it('has a key of its own for each of the 31 simple letters and ⵯ, at one Shift level or the other', () => {
    const outputs = layoutOutputs(LAYOUTS.tifinagh);
    const missing = IRCAM.filter((l) => l.length === 1 && !outputs.has(l));
    expect(missing).toEqual([]);
  });

  it('puts letters where xkb ma(tifinagh) puts them: on the AZERTY key of the same sound', () => {
    const pairs = { a: 'ⴰ', z: 'ⵣ', e: 'ⴻ', r: 'ⵔ', t: 'ⵜ', y: 'ⵢ', u: 'ⵓ', i: 'ⵉ', q: 'ⵇ', s: 'ⵙ', d: 'ⴷ', f: 'ⴼ', g: 'ⴳ', h: 'ⵀ', j: 'ⵊ', k: 'ⴽ', l: 'ⵍ', m: 'ⵎ', w: 'ⵡ', x: 'ⵅ', c: 'ⵛ', b: 'ⴱ', n: 'ⵏ' };
    for (const [latin, tifinagh] of Object.entries(pairs)) {
      expect([tifinagh, position('tifinagh', tifinagh)]).toEqual([tifinagh, position('latin', latin)]);
    }
  });

  it('gives the emphatic letter with Shift on the key of the plain one', () => {
    const shifted = Object.fromEntries(LAYOUTS.tifinagh.rows.flat().filter((k) => k.shifted).map((k) => [k.text, k.shifted]));
    expect(shifted).toEqual({ 'ⵣ': 'ⵥ', 'ⵔ': 'ⵕ', 'ⵜ': 'ⵟ', 'ⵙ': 'ⵚ', 'ⴷ': 'ⴹ' });
  });

  it('refuses text in other scripts', () => {
    expect(canType(LAYOUTS.tifinagh, 'ⴰⵣⵓⵍ')).toBe(true);
    expect(canType(LAYOUTS.tifinagh, 'azul')).toBe(false);
    expect(canType(LAYOUTS.tifinagh, 'سلام')).toBe(false);
  });
});

describe('Arabic layout', () => {
  it('is laid out right to left and reaches the 28 letters and the hamza forms', () => {
    expect(LAYOUTS.arabic.dir).toBe('rtl');
    expect(LAYOUTS.arabic.lang).toBe('ar');
    expect(ARABIC_LETTERS.filter((l) => !canType(LAYOUTS.arabic, l))).toEqual([]);
  });

  it('has each letter once', () => {
    const keys = LAYOUTS.arabic.rows.flat().map((k) => k.text);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('Latin layout', () => {
  it('has the Amazigh letters in both cases, and ʷ', () => {
    for (const letter of ['ɛ', 'ɣ', 'ḥ', 'ḍ', 'ṛ', 'ṣ', 'ṭ', 'ẓ', 'ǧ', 'Ɛ', 'Ɣ', 'Ḥ', 'Ḍ', 'Ṛ', 'Ṣ', 'Ṭ', 'Ẓ', 'Ǧ', 'ʷ']) {
      expect([letter, canType(LAYOUTS.latin, letter)]).toEqual([letter, true]);
    }
  });

  it('has the French accented letters and types a French or Amazigh name', () => {
    for (const letter of ['é', 'è', 'ê', 'à', 'â', 'ç', 'ù', 'ô', 'î', 'ï', 'ë', 'É', 'Ç']) expect([letter, canType(LAYOUTS.latin, letter)]).toEqual([letter, true]);
    expect(canType(LAYOUTS.latin, "Aïcha Aït-Brahim")).toBe(true);
    expect(canType(LAYOUTS.latin, 'Ɛmmi Ḥmad uɣrum')).toBe(true);
    expect(canType(LAYOUTS.latin, 'ⴰⵣⵓⵍ')).toBe(false);
  });

  it('has Shift, and marks the Amazigh letters as Amazigh in Latin script', () => {
    expect(LAYOUTS.latin.shift).toBe(true);
    expect(LAYOUTS.latin.rows.flat().find((k) => k.text === 'ɣ')?.lang).toBe('zgh-Latn');
  });
});

describe('digit pads', () => {
  it.each([
    ['phone', '0123456789+'],
    ['number', '0123456789,-'],
    ['date', '0123456789/-'],
  ] as Array<[LayoutId, string]>)('%s offers the ten digits and only %s', (id, allowed) => {
    const layout = LAYOUTS[id];
    expect(layout.pad).toBe(true);
    expect(layout.space).toBe(false);
    expect([...layoutOutputs(layout)].sort()).toEqual([...allowed].sort());
  });

  it('the phone pad cannot type a letter in any script', () => {
    for (const text of ['a', 'Z', 'é', 'ⴰ', 'ب', ' ']) expect(canType(LAYOUTS.phone, text)).toBe(false);
    expect(canType(LAYOUTS.phone, '+212661234567')).toBe(true);
  });

  it('the CNIE layout is Latin capitals and digits only', () => {
    expect([...layoutOutputs(LAYOUTS.cnie)].every((o) => /^[A-Z0-9]$/.test(o))).toBe(true);
    expect(layoutOutputs(LAYOUTS.cnie).size).toBe(36);
  });

  it('the MRZ layout types a whole TD1 zone (capitals, digits, <) and nothing else; the PIN pad only digits', () => {
    const zone = 'IDMARJB1234567<<<<<<<<<<<<<<<8403173F3107303MAR<<<<<<<<<<<6BENALI<<FATIMA<ZAHRA<<<<<<<<<<';
    expect(canType(LAYOUTS.mrz, zone)).toBe(true);
    expect([...layoutOutputs(LAYOUTS.mrz)].every((o) => /^[A-Z0-9<]$/.test(o))).toBe(true);
    expect(canType(LAYOUTS.mrz, 'jb1234')).toBe(false);
    expect([...layoutOutputs(LAYOUTS.pin)].sort()).toEqual([...'0123456789']);
    expect(LAYOUTS.pin.pad).toBe(true);
  });
});

describe('every layout', () => {
  it.each(Object.keys(LAYOUTS) as LayoutId[])('%s has no empty or duplicated key and a name', (id) => {
    const layout = LAYOUTS[id];
    expect(layout.id).toBe(id);
    expect(layout.nativeName).not.toBe('');
    const texts = layout.rows.flat().map((k) => k.text);
    expect(texts.every((t) => t.length > 0 && !/\s/.test(t))).toBe(true);
    expect(new Set(texts).size).toBe(texts.length);
  });
});
