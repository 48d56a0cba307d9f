/**
 * Conditional fields (`visibleWhen`). A field is shown when its condition holds AND the
 * field it depends on is itself shown: an answer left behind in a hidden branch must not
 * keep a deeper branch open (e.g. "born abroad: yes" → country → consulate, then the
 * citizen switches back to "no": both country and consulate disappear).
 */
import { allFields, answerOf, findField } from './fields.ts';
import type { AnswerValue, Answers, Condition, FieldDefinition, ServiceDefinition } from './types.ts';

/** No answer: absent, null, blank text or no option picked. `false` and `0` are answers. */
export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** Whether one answer satisfies a condition, ignoring the controlling field's own visibility. */
export function conditionHolds(condition: Condition, value: AnswerValue | undefined): boolean {
  if (condition.filled === true) return !isEmpty(value);
  if (isEmpty(value)) return false;
  const values: unknown[] = Array.isArray(value) ? value : [value];
  if (condition.equals !== undefined) return values.includes(condition.equals);
  if (condition.in !== undefined) return values.some((v) => (condition.in as unknown[]).includes(v));
  return false; // no operator given: the catalog checks reject this; never show such a field
}

export function isFieldVisible(field: FieldDefinition, answers: Answers, def: ServiceDefinition): boolean {
  return visible(field, answers, def, new Set());
}

function visible(field: FieldDefinition, answers: Answers, def: ServiceDefinition, seen: Set<string>): boolean {
  const condition = field.visibleWhen;
  if (!condition) return true;
  // A missing controller or a cycle cannot come from a checked catalog; hide rather than loop.
  const controller = findField(def, condition.field);
  if (!controller || seen.has(field.id)) return false;
  seen.add(field.id);
  return conditionHolds(condition, answerOf(answers, controller.id)) && visible(controller, answers, def, seen);
}

/** The fields currently shown, in form order. */
export function visibleFields(def: ServiceDefinition, answers: Answers): FieldDefinition[] {
  return allFields(def).filter((field) => isFieldVisible(field, answers, def));
}

/**
 * The answers worth keeping and sending: those of visible fields that are not empty.
 * Keys the definition does not know are dropped too, so a submission never carries
 * data the citizen was not asked for (law 09-08: collect only what is needed).
 */
export function pruneHidden(def: ServiceDefinition, answers: Answers): Answers {
  const kept: Answers = {};
  for (const field of visibleFields(def, answers)) {
    const value = answerOf(answers, field.id);
    if (value !== undefined && !isEmpty(value)) kept[field.id] = value;
  }
  return kept;
}
