import { describe, expect, it } from 'vitest';
import { composeCode, composeDate, composeNumber, composeTemplate, pieceCatalog, pieceText, spellForVoice } from '../../../../src/core/speech/compose.ts';

const keys = (parts: Array<{ key: string }>) => parts.map((p) => p.key);

describe('value composition from recorded pieces', () => {
  it('French numbers: 0–99 whole, hundreds, "mille"', () => {
    expect(keys(composeNumber(7, 'fr'))).toEqual(['num.7']);
    expect(keys(composeNumber(84, 'fr'))).toEqual(['num.84']);
    expect(keys(composeNumber(300, 'fr'))).toEqual(['num.300']);
    expect(keys(composeNumber(1984, 'fr'))).toEqual(['num.1000', 'num.900', 'num.84']);
    expect(keys(composeNumber(2026, 'fr'))).toEqual(['num.2', 'num.1000', 'num.26']);
    expect(keys(composeNumber(21_000, 'fr'))).toEqual(['num.21', 'num.1000']);
    expect(composeNumber(2026, 'fr').map((p) => p.text).join(' ')).toBe('deux mille vingt-six');
    expect(composeNumber(1984, 'fr').map((p) => p.text).join(' ')).toBe('mille neuf cents quatre-vingt-quatre');
  });

  it('French number words follow the spelling rules', () => {
    expect([21, 71, 80, 81, 91, 17, 99].map((n) => pieceText(`num.${n}`, 'fr'))).toEqual([
      'vingt et un', 'soixante et onze', 'quatre-vingts', 'quatre-vingt-un', 'quatre-vingt-onze', 'dix-sept', 'quatre-vingt-dix-neuf',
    ]);
  });

  it('Arabic numbers join with "و", with the dual and plural of thousands', () => {
    expect(composeNumber(2026, 'ar').map((p) => p.text)).toEqual(['ألفان', 'و', 'ستة وعشرون']);
    expect(keys(composeNumber(3500, 'ar'))).toEqual(['num.3', 'num.thousands', 'word.and', 'num.500']);
    expect(keys(composeNumber(1105, 'ar'))).toEqual(['num.1000', 'word.and', 'num.100', 'word.and', 'num.5']);
    expect(() => composeNumber(11_000, 'ar')).toThrow(RangeError);
  });

  it('Amazigh: native numerals to ten, then digit by digit', () => {
    expect(composeNumber(3, 'shi-Latn')).toEqual([{ key: 'num.3', text: 'ⴽⵕⴰⴹ' }]);
    expect(keys(composeNumber(2026, 'zgh'))).toEqual(['num.2', 'num.0', 'num.2', 'num.6']);
  });

  it('dates: day, month, year in each language', () => {
    expect(keys(composeDate('2026-03-01', 'fr'))).toEqual(['word.le', 'ord.1', 'month.3', 'num.2', 'num.1000', 'num.26']);
    expect(composeDate({ year: 1984, month: 5, day: 17 }, 'fr').map((p) => p.text).join(' ')).toBe('le dix-sept mai mille neuf cents quatre-vingt-quatre');
    expect(composeDate('2026-08-17', 'ar').map((p) => p.text)).toEqual(['سبعة عشر', 'غشت', 'ألفان', 'و', 'ستة وعشرون']);
    expect(keys(composeDate('2026-01-13', 'tzm-Tfng'))).toEqual(['num.1', 'num.3', 'month.1', 'num.2', 'num.0', 'num.2', 'num.6']);
    expect(() => composeDate('2026-13-01', 'fr')).toThrow(RangeError);
    expect(() => composeDate('17/05/1984', 'fr')).toThrow(RangeError);
  });

  it('tracking codes: letter by letter, a pause between groups', () => {
    expect(keys(composeCode('7K3QP-M2XVA', 'fr'))).toEqual([
      'num.7', 'letter.k', 'num.3', 'letter.q', 'letter.p', 'pause', 'letter.m', 'num.2', 'letter.x', 'letter.v', 'letter.a',
    ]);
    expect(composeCode('7k', 'ar')).toEqual([{ key: 'num.7', text: 'سبعة' }, { key: 'letter.k', text: 'K' }]);
    expect(keys(composeCode('-AB--C-', 'fr'))).toEqual(['letter.a', 'letter.b', 'pause', 'letter.c']);
    expect(() => composeCode('AB/C', 'fr')).toThrow(/cannot spell/);
    expect(spellForVoice('7K3QP-M2XVA')).toBe('7 K 3 Q P, M 2 X V A');
  });

  it('templates: fixed stretches become pieces of their own, values are spliced in', () => {
    const parts = composeTemplate('receipt.codeSpoken', 'Votre code de suivi est {{code}}.', { code: composeCode('7K-M', 'fr') });
    expect(parts).toEqual([
      { key: 'receipt.codeSpoken#0', text: 'Votre code de suivi est' },
      { key: 'num.7', text: 'sept' },
      { key: 'letter.k', text: 'K' },
      { key: 'pause', text: '' },
      { key: 'letter.m', text: 'M' },
      { key: 'receipt.codeSpoken#1', text: '.' },
    ]);
    expect(() => composeTemplate('x', 'Hello {{name}}', {})).toThrow(/no value/);
  });

  it('every piece of the catalogue has a text, in every language', () => {
    for (const lang of ['fr', 'ar', 'zgh', 'shi-Latn', 'tzm-Tfng', 'rif-Latn']) {
      const catalog = pieceCatalog(lang);
      expect(catalog.length).toBeGreaterThan(40);
      for (const p of catalog) expect(p.text, `${lang} ${p.key}`).toBeTruthy();
      expect(new Set(catalog.map((p) => p.key)).size).toBe(catalog.length);
    }
    expect(pieceCatalog('en')).toEqual([]);
  });
});
