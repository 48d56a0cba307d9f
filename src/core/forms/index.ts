/**
 * The form engine's public surface: everything the kiosk UI and the server may use.
 * The engine decides what is shown, what is valid and what is kept; it never renders
 * and never holds text — errors are codes the UI localizes and speaks.
 */
export type {
  AnswerValue,
  Answers,
  ChoiceOption,
  Condition,
  ContentLang,
  ErrorCode,
  FieldDefinition,
  FieldError,
  FieldType,
  Localized,
  RequiredDocument,
  ServiceDefinition,
  StepDefinition,
} from './types.ts';

export { normalizeMoroccanPhone, formatMoroccanPhone } from './phone.ts';
export { normalizeCnie, CNIE_PATTERN } from './cnie.ts';
export { DOCUMENT_PROVISIONS, isDocumentProvision, type DocumentProvision } from './document.ts';
export { isIsoDate, isoDateIn } from './dates.ts';
export { allFields, findField, stepOfField, answerOf, isAnswers } from './fields.ts';
export { isEmpty, conditionHolds, isFieldVisible, visibleFields, pruneHidden } from './conditions.ts';
export { visibleSteps, isStepVisible, firstStepId, nextStepId, previousStepId } from './steps.ts';
export { validateField, type ValidateOptions } from './validate-field.ts';
export { validateStep, validateAnswers, type ValidateAnswersOptions } from './validate.ts';
export { normalizeAnswer, normalizeAnswers } from './normalize.ts';
