import { describe, expect, it } from 'vitest';
import { validateAnswers, validateStep } from '../../../../src/core/forms/validate.ts';
import { branchingForm } from '../../../fixtures/forms/branching.ts';
import { TODAY, everyTypeForm, validEveryTypeAnswers } from '../../../fixtures/forms/every-type.ts';

const opts = { today: TODAY };

describe('validateStep', () => {
  it('reports the visible fields of that step only, in form order', () => {
    expect(validateStep(everyTypeForm, 'person', {}, opts)).toEqual([
      { field: 'name', code: 'required' },
      { field: 'age', code: 'required' },
    ]);
    expect(validateStep(everyTypeForm, 'contact', {}, opts)).toEqual([{ field: 'phone', code: 'required' }]);
  });

  it('passes a step once its answers are valid', () => {
    expect(validateStep(everyTypeForm, 'person', { name: 'Fatima', age: 54 }, opts)).toEqual([]);
  });

  it('does not ask for a hidden required field', () => {
    expect(validateStep(branchingForm, 'card', { reason: 'first' }, opts)).toEqual([]);
    expect(validateStep(branchingForm, 'card', { reason: 'lost' }, opts)).toEqual([
      { field: 'oldCard', code: 'required' },
      { field: 'lossDate', code: 'required' },
    ]);
  });

  it('applies the today bound it is given', () => {
    expect(validateStep(everyTypeForm, 'farm', { appointment: '2025-03-01' }, opts)).toEqual([
      { field: 'appointment', code: 'date-too-early', params: { min: TODAY } },
    ]);
  });

  it('returns no errors for a step id the form does not have', () => {
    expect(validateStep(everyTypeForm, 'nope', {}, opts)).toEqual([]);
  });
});

describe('validateAnswers', () => {
  it('accepts a complete, valid application', () => {
    expect(validateAnswers(everyTypeForm, validEveryTypeAnswers, opts)).toEqual([]);
  });

  it('reports every visible field across steps', () => {
    expect(validateAnswers(everyTypeForm, { ...validEveryTypeAnswers, age: 12, phone: '123' }, opts)).toEqual([
      { field: 'age', code: 'too-small', params: { min: 18 } },
      { field: 'phone', code: 'invalid-phone' },
    ]);
  });

  it('ignores hidden fields and unknown keys unless strict', () => {
    const answers = { bornAbroad: false, country: 'France', reason: 'first', extra: 'x' };
    expect(validateAnswers(branchingForm, answers, opts)).toEqual([]);
  });

  it('strict: reports answers to hidden fields and keys the form does not have', () => {
    const answers = { bornAbroad: false, country: 'France', consulate: '', reason: 'first', extra: 'x', blank: null };
    expect(validateAnswers(branchingForm, answers, { ...opts, strict: true })).toEqual([
      { field: 'country', code: 'not-applicable' },
      { field: 'extra', code: 'unknown-field' },
      { field: 'blank', code: 'unknown-field' },
    ]);
  });

  it('strict: a clean application has no errors', () => {
    expect(validateAnswers(everyTypeForm, validEveryTypeAnswers, { ...opts, strict: true })).toEqual([]);
  });

  it('strict: a key named like an Object.prototype member is unknown, not a field', () => {
    expect(validateAnswers(everyTypeForm, { ...validEveryTypeAnswers, toString: 'x' }, { ...opts, strict: true })).toEqual([
      { field: 'toString', code: 'unknown-field' },
    ]);
  });
});
