/**
 * Navigation between the form's screens. A step whose fields are all hidden is skipped,
 * so the citizen never sees an empty screen. Navigation is computed from the step's
 * position in the definition, so it still works when the current step has just become
 * hidden by an answer given on it.
 */
import { isFieldVisible } from './conditions.ts';
import type { Answers, ServiceDefinition, StepDefinition } from './types.ts';

export function isStepVisible(step: StepDefinition, answers: Answers, def: ServiceDefinition): boolean {
  return step.fields.some((field) => isFieldVisible(field, answers, def));
}

/** Steps with at least one visible field, in form order. */
export function visibleSteps(def: ServiceDefinition, answers: Answers): StepDefinition[] {
  return def.steps.filter((step) => isStepVisible(step, answers, def));
}

/** The first step to show, or null for a form with nothing to ask. */
export function firstStepId(def: ServiceDefinition, answers: Answers): string | null {
  return visibleSteps(def, answers)[0]?.id ?? null;
}

/** The visible step after `stepId`, or null when `stepId` is the last (time to review). */
export function nextStepId(def: ServiceDefinition, answers: Answers, stepId: string): string | null {
  return neighbour(def, answers, stepId, +1);
}

/** The visible step before `stepId`, or null when `stepId` is the first. */
export function previousStepId(def: ServiceDefinition, answers: Answers, stepId: string): string | null {
  return neighbour(def, answers, stepId, -1);
}

function neighbour(def: ServiceDefinition, answers: Answers, stepId: string, direction: 1 | -1): string | null {
  const at = def.steps.findIndex((step) => step.id === stepId);
  if (at < 0) return null;
  for (let i = at + direction; i >= 0 && i < def.steps.length; i += direction) {
    const step = def.steps[i];
    if (step && isStepVisible(step, answers, def)) return step.id;
  }
  return null;
}
