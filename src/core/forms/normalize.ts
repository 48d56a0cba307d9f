/**
 * The canonical form of answers, as they are queued and stored: hidden and empty answers
 * dropped, text trimmed, phones in E.164, CNIE numbers upper case without spaces. A value
 * that does not normalise is kept as typed, so validation can still point at it.
 */
import { normalizeCnie } from './cnie.ts';
import { pruneHidden } from './conditions.ts';
import { findField } from './fields.ts';
import { normalizeMoroccanPhone } from './phone.ts';
import type { AnswerValue, Answers, FieldDefinition, ServiceDefinition } from './types.ts';

export function normalizeAnswer(field: FieldDefinition, value: AnswerValue): AnswerValue {
  if (typeof value !== 'string') return value;
  switch (field.type) {
    case 'text':
      return value.trim();
    case 'phone':
      return normalizeMoroccanPhone(value) ?? value;
    case 'cnie':
      return normalizeCnie(value) ?? value;
    default:
      return value;
  }
}

export function normalizeAnswers(def: ServiceDefinition, answers: Answers): Answers {
  const pruned = pruneHidden(def, answers);
  for (const [id, value] of Object.entries(pruned)) {
    const field = findField(def, id);
    if (field) pruned[id] = normalizeAnswer(field, value);
  }
  return pruned;
}
