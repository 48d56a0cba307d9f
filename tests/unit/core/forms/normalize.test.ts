import { describe, expect, it } from 'vitest';
import { isAnswers } from '../../../../src/core/forms/fields.ts';
import { normalizeAnswers } from '../../../../src/core/forms/normalize.ts';
import { branchingForm } from '../../../fixtures/forms/branching.ts';
import { everyTypeForm, validEveryTypeAnswers } from '../../../fixtures/forms/every-type.ts';

describe('normalizeAnswers', () => {
  it('stores phones in E.164, CNIE numbers upper case and text trimmed', () => {
    const answers = { ...validEveryTypeAnswers, name: '  Fatima  ', phone: '06 12 34 56 78', cnie: 'be 123456' };
    expect(normalizeAnswers(everyTypeForm, answers)).toMatchObject({ name: 'Fatima', phone: '+212612345678', cnie: 'BE123456' });
  });

  it('keeps a value that does not normalise, so validation can still point at it', () => {
    expect(normalizeAnswers(everyTypeForm, { phone: '123' })).toEqual({ phone: '123' });
  });

  it('drops hidden and empty answers', () => {
    expect(normalizeAnswers(branchingForm, { bornAbroad: false, country: 'France', reason: '' })).toEqual({ bornAbroad: false });
  });
});

describe('isAnswers', () => {
  it('accepts the JSON shapes answers may take', () => {
    expect(isAnswers({ a: 'x', b: 1, c: true, d: ['x'], e: null })).toBe(true);
  });
  it.each([[null], [[]], ['x'], [{ a: { nested: 1 } }], [{ a: [1] }], [{ a: undefined }]])('rejects %j', (value) => {
    expect(isAnswers(value)).toBe(false);
  });
});
