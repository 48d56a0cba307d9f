/**
 * Answers whose text cannot be stored (NUL, unpaired surrogates, control or bidi override
 * characters: see http/text-rules.ts), as field errors the kiosk can show on the field.
 * 'pattern' because to the citizen it is just that: characters this field does not take.
 */
import type { Answers, FieldError } from '../../src/core/forms/types.ts';
import { isStorableId, isStorableText } from '../http/text-rules.ts';

export function answerTextErrors(answers: Answers): FieldError[] {
  const errors: FieldError[] = [];
  for (const [field, value] of Object.entries(answers)) {
    if (!isStorableId(field)) errors.push({ field, code: 'unknown-field' });
    else if (typeof value === 'string' && !isStorableText(value)) errors.push({ field, code: 'pattern' });
    else if (Array.isArray(value) && value.some((item) => typeof item === 'string' && !isStorableText(item))) errors.push({ field, code: 'pattern' });
  }
  return errors;
}
