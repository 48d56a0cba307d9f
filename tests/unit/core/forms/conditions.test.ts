import { describe, expect, it } from 'vitest';
import { isEmpty, isFieldVisible, pruneHidden, visibleFields } from '../../../../src/core/forms/conditions.ts';
import { findField } from '../../../../src/core/forms/fields.ts';
import type { Answers, ServiceDefinition } from '../../../../src/core/forms/types.ts';
import { branchingForm } from '../../../fixtures/forms/branching.ts';

const visible = (id: string, answers: Answers, def: ServiceDefinition = branchingForm) =>
  isFieldVisible(findField(def, id)!, answers, def);
const visibleIds = (answers: Answers) => visibleFields(branchingForm, answers).map((f) => f.id);

describe('isEmpty', () => {
  it.each([[undefined], [null], [''], ['   '], [[]]])('counts %j as no answer', (value) => {
    expect(isEmpty(value)).toBe(true);
  });
  it.each([[false], [0], ['x'], [['a']], [true]])('counts %j as an answer', (value) => {
    expect(isEmpty(value)).toBe(false);
  });
});

describe('isFieldVisible', () => {
  it('shows a field without a condition whatever the answers', () => {
    expect(visible('bornAbroad', {})).toBe(true);
  });

  it('equals: shows the country only when born abroad is yes', () => {
    expect(visible('country', {})).toBe(false);
    expect(visible('country', { bornAbroad: false })).toBe(false);
    expect(visible('country', { bornAbroad: true })).toBe(true);
  });

  it('equals compares strictly: the string "true" does not open a yes/no branch', () => {
    expect(visible('country', { bornAbroad: 'true' })).toBe(false);
  });

  it('equals on a number answer', () => {
    expect(visible('bigFamily', { householdSize: 8 })).toBe(true);
    expect(visible('bigFamily', { householdSize: 7 })).toBe(false);
  });

  it('in: shows the old card for a renewal or a loss, not a first card', () => {
    expect(visible('oldCard', { reason: 'renewal' })).toBe(true);
    expect(visible('oldCard', { reason: 'lost' })).toBe(true);
    expect(visible('oldCard', { reason: 'first' })).toBe(false);
    expect(visible('oldCard', {})).toBe(false);
  });

  it('filled: shows the consulate once a country is typed, not for blank text', () => {
    expect(visible('consulate', { bornAbroad: true, country: 'France' })).toBe(true);
    expect(visible('consulate', { bornAbroad: true, country: '  ' })).toBe(false);
    expect(visible('consulate', { bornAbroad: true })).toBe(false);
  });

  it('multichoice equals means contains', () => {
    expect(visible('disabilityCard', { help: ['elderly', 'disability'] })).toBe(true);
    expect(visible('disabilityCard', { help: ['elderly'] })).toBe(false);
    expect(visible('disabilityCard', { help: [] })).toBe(false);
  });

  it('chains: a field whose controlling field is hidden is hidden, even with a stale answer', () => {
    const answers = { bornAbroad: false, country: 'France' };
    expect(visible('country', answers)).toBe(false);
    expect(visible('consulate', answers)).toBe(false);
  });

  it('hides a field whose condition names a field the form does not have', () => {
    const def: ServiceDefinition = {
      ...branchingForm,
      steps: [{ id: 's', title: branchingForm.title, fields: [{ id: 'x', type: 'text', label: branchingForm.title, visibleWhen: { field: 'ghost', filled: true } }] }],
    };
    expect(visible('x', { ghost: 'boo' }, def)).toBe(false);
  });

  it('hides, rather than loops on, fields that depend on each other', () => {
    const label = branchingForm.title;
    const def: ServiceDefinition = {
      ...branchingForm,
      steps: [
        {
          id: 's',
          title: label,
          fields: [
            { id: 'a', type: 'text', label, visibleWhen: { field: 'b', filled: true } },
            { id: 'b', type: 'text', label, visibleWhen: { field: 'a', filled: true } },
          ],
        },
      ],
    };
    expect(visible('a', { a: 'x', b: 'y' }, def)).toBe(false);
  });
});

describe('visibleFields', () => {
  it('lists the fields shown for the answers so far, in form order', () => {
    expect(visibleIds({})).toEqual(['bornAbroad', 'reason', 'help', 'householdSize']);
    expect(visibleIds({ bornAbroad: true, country: 'Espagne', reason: 'lost' })).toEqual([
      'bornAbroad',
      'reason',
      'country',
      'consulate',
      'oldCard',
      'lossDate',
      'help',
      'householdSize',
    ]);
  });
});

describe('pruneHidden', () => {
  it('drops answers of hidden fields, empty answers and unknown keys, and keeps false and 0', () => {
    const answers: Answers = {
      bornAbroad: false,
      country: 'France',
      consulate: 'Lyon',
      reason: 'first',
      oldCard: 'BE123456',
      help: [],
      householdSize: 0,
      note: 'not a field',
      lossDate: null,
    };
    expect(pruneHidden(branchingForm, answers)).toEqual({ bornAbroad: false, reason: 'first', householdSize: 0 });
  });

  it('does not change the answers it is given', () => {
    const answers: Answers = { bornAbroad: false, country: 'France' };
    pruneHidden(branchingForm, answers);
    expect(answers).toEqual({ bornAbroad: false, country: 'France' });
  });

  it('ignores inherited properties such as constructor', () => {
    const label = branchingForm.title;
    const def: ServiceDefinition = { ...branchingForm, steps: [{ id: 's', title: label, fields: [{ id: 'constructor', type: 'text', label }] }] };
    expect(pruneHidden(def, {})).toEqual({});
  });
});
