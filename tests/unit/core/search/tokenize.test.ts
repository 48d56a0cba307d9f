import { describe, expect, it } from 'vitest';
import { indexTokens, queryTokens } from '../../../../src/core/search/tokenize.ts';

describe('tokenizing', () => {
  it('drops small grammatical words and elided articles, and the plural s', () => {
    expect(indexTokens('Extrait d’acte de naissance pour les enfants')).toEqual(['extrait', 'acte', 'naissance', 'enfant']);
  });

  it('drops the Arabic definite article and its prefixed forms', () => {
    expect(indexTokens('البطاقة الوطنية للتعريف')).toEqual(['بطاقه', 'وطنيه', 'تعريف']);
    expect(indexTokens('والمعاش بالوسط')).toEqual(['معاش', 'وسط']);
    expect(indexTokens('بطاقة التعريف')).toEqual(indexTokens('البطاقة للتعريف'));
  });

  it('keeps the word being typed, however short, and tries it without its article', () => {
    expect(queryTokens('acte d')).toEqual([
      { forms: ['acte'], partial: false },
      { forms: ['d'], partial: true },
    ]);
    expect(queryTokens('الب')).toEqual([{ forms: ['ب', 'الب'], partial: true }]);
    expect(queryTokens('شهادة ال')).toEqual([{ forms: ['شهاده'], partial: false }]);
  });

  it('treats the last word as finished once a space follows it', () => {
    expect(queryTokens('de ')).toEqual([]);
    expect(queryTokens('casier ')).toEqual([{ forms: ['casier'], partial: false }]);
  });

  it('also tries kh and ch as IRCAM’s x and c', () => {
    expect(queryTokens('akhkham')[0]!.forms).toContain('axxam');
  });
});
