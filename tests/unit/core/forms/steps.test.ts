import { describe, expect, it } from 'vitest';
import { firstStepId, nextStepId, previousStepId, visibleSteps } from '../../../../src/core/forms/steps.ts';
import { branchingForm } from '../../../fixtures/forms/branching.ts';

const ids = (answers: Parameters<typeof visibleSteps>[1]) => visibleSteps(branchingForm, answers).map((s) => s.id);

describe('visibleSteps', () => {
  it('skips a step whose fields are all hidden', () => {
    expect(ids({ bornAbroad: false })).toEqual(['origin', 'card']);
  });

  it('shows the step once one of its fields becomes visible', () => {
    expect(ids({ bornAbroad: true })).toEqual(['origin', 'abroad', 'card']);
  });
});

describe('step navigation', () => {
  it('starts at the first visible step', () => {
    expect(firstStepId(branchingForm, {})).toBe('origin');
  });

  it('goes past a hidden step in both directions', () => {
    expect(nextStepId(branchingForm, { bornAbroad: false }, 'origin')).toBe('card');
    expect(previousStepId(branchingForm, { bornAbroad: false }, 'card')).toBe('origin');
  });

  it('goes through a step that an answer has opened', () => {
    expect(nextStepId(branchingForm, { bornAbroad: true }, 'origin')).toBe('abroad');
    expect(previousStepId(branchingForm, { bornAbroad: true }, 'card')).toBe('abroad');
  });

  it('returns null past the last step and before the first', () => {
    expect(nextStepId(branchingForm, {}, 'card')).toBeNull();
    expect(previousStepId(branchingForm, {}, 'origin')).toBeNull();
  });

  it('still moves on from a step that has just become hidden', () => {
    // The citizen was on "abroad", went back and answered "no": next from there is "card".
    expect(nextStepId(branchingForm, { bornAbroad: false }, 'abroad')).toBe('card');
    expect(previousStepId(branchingForm, { bornAbroad: false }, 'abroad')).toBe('origin');
  });

  it('returns null for a step id the form does not have', () => {
    expect(nextStepId(branchingForm, {}, 'nope')).toBeNull();
  });
});
