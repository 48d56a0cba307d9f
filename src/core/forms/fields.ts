/**
 * Lookups over a service definition. Definitions are treated as immutable once loaded
 * (a changed form is a new object with a bumped version), so the per-definition index is
 * cached in a WeakMap: the UI re-evaluates visibility on every keystroke.
 */
import type { AnswerValue, Answers, FieldDefinition, ServiceDefinition, StepDefinition } from './types.ts';

interface FieldIndex {
  fields: FieldDefinition[];
  byId: Map<string, FieldDefinition>;
  stepOf: Map<string, StepDefinition>;
}

const indexes = new WeakMap<ServiceDefinition, FieldIndex>();

function indexOf(def: ServiceDefinition): FieldIndex {
  let index = indexes.get(def);
  if (!index) {
    index = { fields: [], byId: new Map(), stepOf: new Map() };
    for (const step of def.steps) {
      for (const field of step.fields) {
        index.fields.push(field);
        // First definition wins, as it does for the catalog checks that reject duplicates.
        if (!index.byId.has(field.id)) {
          index.byId.set(field.id, field);
          index.stepOf.set(field.id, step);
        }
      }
    }
    indexes.set(def, index);
  }
  return index;
}

/** Every field of the form, in the order the citizen meets them. */
export function allFields(def: ServiceDefinition): readonly FieldDefinition[] {
  return indexOf(def).fields;
}

export function findField(def: ServiceDefinition, fieldId: string): FieldDefinition | undefined {
  return indexOf(def).byId.get(fieldId);
}

/** The step holding a field, so an error summary can send the agent back to it. */
export function stepOfField(def: ServiceDefinition, fieldId: string): StepDefinition | undefined {
  return indexOf(def).stepOf.get(fieldId);
}

/**
 * The answer to a field, or undefined. Own properties only: answers arrive as JSON from
 * kiosks, and a field named `constructor` must not read Object.prototype.constructor.
 */
export function answerOf(answers: Answers, fieldId: string): AnswerValue | undefined {
  return Object.hasOwn(answers, fieldId) ? answers[fieldId] : undefined;
}

/** Whether a value from outside (JSON) has the shape of Answers, before it is validated. */
export function isAnswers(value: unknown): value is Answers {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every(
    (v) =>
      v === null ||
      ['string', 'number', 'boolean'].includes(typeof v) ||
      (Array.isArray(v) && v.every((item) => typeof item === 'string')),
  );
}
