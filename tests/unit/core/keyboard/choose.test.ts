import { describe, expect, it } from 'vitest';
import { keyboardFor, MRZ_KEYBOARD, PIN_KEYBOARD, scriptOf, STAFF_ID_KEYBOARD, textLayoutFor, TRACKING_CODE_KEYBOARD } from '../../../../src/core/keyboard/choose.ts';
import { canType, LAYOUTS } from '../../../../src/core/keyboard/layouts.ts';
import { TRACKING_CODE_ALPHABET } from '../../../../src/core/ids/tracking-code.ts';
import type { FieldType } from '../../../../src/core/forms/types.ts';

describe('textLayoutFor: the UI language decides the script of free text', () => {
  it.each([
    ['ar', 'arabic'],
    ['fr', 'latin'],
    ['zgh', 'tifinagh'],
    ['zgh-Tfng', 'tifinagh'],
    ['shi', 'tifinagh'],
    ['shi-Tfng', 'tifinagh'],
    ['shi-Latn', 'latin'],
    ['rif-Tfng', 'tifinagh'],
    ['rif-Latn', 'latin'],
    ['tzm-Tfng', 'tifinagh'],
    ['tzm-Latn', 'latin'],
    ['tzm_latn', 'latin'],
    ['shi-Latn-MA', 'latin'],
    ['SHI-TFNG', 'tifinagh'],
    ['shi-Arab', 'arabic'],
    ['en', 'latin'],
    ['', 'latin'],
  ])('%s → %s', (lang, layout) => {
    expect(textLayoutFor(lang)).toBe(layout);
  });

  it('reads the script subtag wherever it sits after the language', () => {
    expect(scriptOf('shi-Latn')).toBe('Latn');
    expect(scriptOf('shi-MA-tfng')).toBe('Tfng');
    expect(scriptOf('zgh')).toBeUndefined();
    expect(scriptOf('ar-MA')).toBeUndefined();
  });
});

describe('keyboardFor: the field type decides first', () => {
  it.each([
    ['phone', 'phone'],
    ['number', 'number'],
    ['cnie', 'cnie'],
    ['date', 'date'],
  ] as Array<[FieldType, string]>)('a %s field gets the %s layout alone, whatever the language', (type, layout) => {
    for (const lang of ['ar', 'fr', 'zgh', 'shi-Latn']) {
      expect(keyboardFor(type, lang)).toEqual({ initial: layout, layouts: [layout] });
    }
  });

  it.each([
    ['fr', 'latin'],
    ['ar', 'arabic'],
    ['zgh', 'tifinagh'],
    ['shi-Tfng', 'tifinagh'],
    ['rif-Latn', 'latin'],
  ])('a text field in %s opens on %s and offers every text layout', (lang, initial) => {
    const plan = keyboardFor('text', lang)!;
    expect(plan.initial).toBe(initial);
    expect(plan.layouts[0]).toBe(initial);
    expect([...plan.layouts].sort()).toEqual(['arabic', 'latin', 'symbols', 'tifinagh']);
  });

  it.each(['choice', 'multichoice', 'yesno', 'document'] as FieldType[])('a %s field is not typed: no keyboard', (type) => {
    expect(keyboardFor(type, 'fr')).toBeNull();
  });
});

describe('keyboards of the inputs outside forms', () => {
  it('a PIN gets the digit pad alone, an MRZ its own characters, a staff id Latin letters and signs', () => {
    expect(PIN_KEYBOARD).toEqual({ initial: 'pin', layouts: ['pin'] });
    expect(MRZ_KEYBOARD).toEqual({ initial: 'mrz', layouts: ['mrz'] });
    expect(STAFF_ID_KEYBOARD.initial).toBe('latin');
    expect(STAFF_ID_KEYBOARD.layouts.some((id) => canType(LAYOUTS[id], 'agent-demo'))).toBe(true);
    expect(STAFF_ID_KEYBOARD.layouts.some((id) => canType(LAYOUTS[id], '2'))).toBe(true);
  });

  it('a tracking code is typed on one layout: every letter and digit its alphabet uses is a key', () => {
    const [only, ...others] = TRACKING_CODE_KEYBOARD.layouts;
    expect(others).toEqual([]);
    expect(canType(LAYOUTS[only!], TRACKING_CODE_ALPHABET)).toBe(true);
  });
});
