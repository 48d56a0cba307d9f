import type { TFunction } from 'i18next';
import type { FieldError, ServiceDefinition } from '../../core/forms/types.ts';
import { findField } from '../../core/forms/fields.ts';
import { pickLocalized } from '../../core/forms/localized.ts';

/** Turns an error code from the core into the sentence shown (and later spoken). */
export function fieldMessage(t: TFunction, def: ServiceDefinition, error: FieldError, chain: string[]): string {
  const field = findField(def, error.field);
  const label = field ? pickLocalized(field.label, chain).text : error.field;
  return t(`errors:field.${error.code}`, { label, ...error.params });
}
