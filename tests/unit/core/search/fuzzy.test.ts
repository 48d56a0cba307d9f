import { describe, expect, it } from 'vitest';
import { withinOneEdit, withinOneEditOfPrefix } from '../../../../src/core/search/fuzzy.ts';

describe('one-typo matching (Damerau–Levenshtein ≤ 1)', () => {
  it.each([
    ['naissance', 'naissance', true],
    ['naissence', 'naissance', true], // substitution
    ['naissnce', 'naissance', true], // deletion
    ['naisssance', 'naissance', true], // insertion
    ['naissacne', 'naissance', true], // transposition
    ['anissance', 'naissance', true], // transposition at the start
    ['naissancx', 'naissance', true], // last letter
    ['nissence', 'naissance', false], // two edits
    ['naissances', 'naissance', true],
    ['naisxancx', 'naissance', false],
    ['residnece', 'residence', true],
    ['ازدياذ', 'ازدياد', true],
    ['', 'a', true],
    ['ab', 'ba', true],
    ['abc', 'cab', false],
  ])('%s ~ %s: %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
    expect(withinOneEdit(b, a)).toBe(expected);
  });

  it.each([
    ['naiss', 'naissance', true], // a plain prefix
    ['niass', 'naissance', true], // swapped
    ['naxss', 'naissance', true], // one wrong letter
    ['nass', 'naissance', true], // one left out
    ['naiiss', 'naissance', true], // one extra
    ['naissancez', 'naissance', true], // one extra at the end
    ['nxixs', 'naissance', false],
    ['certif', 'residence', false],
  ])('%s is one typo from a prefix of %s: %s', (query, term, expected) => {
    expect(withinOneEditOfPrefix(query, term)).toBe(expected);
  });
});
