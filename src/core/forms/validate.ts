/**
 * Validation of a step (when the citizen presses "next") and of a whole application
 * (before it is queued, and again on the server). Only visible fields are checked: a
 * hidden field's rules do not apply to the citizen.
 */
import { isEmpty, isFieldVisible } from './conditions.ts';
import { allFields, answerOf, findField } from './fields.ts';
import type { Answers, FieldDefinition, FieldError, ServiceDefinition } from './types.ts';
import { validateField, type ValidateOptions } from './validate-field.ts';

export interface ValidateAnswersOptions extends ValidateOptions {
  /**
   * Also report answers that should not be there: 'unknown-field' for keys the definition
   * lacks, 'not-applicable' for non-empty answers to hidden fields. The server uses it;
   * the kiosk prunes such answers instead (pruneHidden).
   */
  strict?: boolean;
}

function validateFields(
  fields: readonly FieldDefinition[],
  def: ServiceDefinition,
  answers: Answers,
  opts: ValidateOptions,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of fields) {
    if (!isFieldVisible(field, answers, def)) continue;
    const error = validateField(field, answerOf(answers, field.id), opts);
    if (error) errors.push(error);
  }
  return errors;
}

/** Errors of the visible fields of one step, in form order; [] for an unknown step id. */
export function validateStep(def: ServiceDefinition, stepId: string, answers: Answers, opts: ValidateOptions = {}): FieldError[] {
  const step = def.steps.find((s) => s.id === stepId);
  return step ? validateFields(step.fields, def, answers, opts) : [];
}

/** Errors of every visible field in form order, then (strict) the answers that do not belong. */
export function validateAnswers(def: ServiceDefinition, answers: Answers, opts: ValidateAnswersOptions = {}): FieldError[] {
  const errors = validateFields(allFields(def), def, answers, opts);
  if (!opts.strict) return errors;
  for (const field of allFields(def)) {
    if (!isFieldVisible(field, answers, def) && !isEmpty(answerOf(answers, field.id))) {
      errors.push({ field: field.id, code: 'not-applicable' });
    }
  }
  for (const key of Object.keys(answers)) {
    if (!findField(def, key)) errors.push({ field: key, code: 'unknown-field' });
  }
  return errors;
}
