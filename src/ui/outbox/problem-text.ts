import type { TFunction } from 'i18next';
import type { DeliveryError } from '../../core/outbox/types.ts';
import type { ServiceDefinition } from '../../core/forms/types.ts';
import { fieldMessage } from '../form/field-messages.ts';

/** The localized reasons a delivery failed or was refused, one sentence each. */
export function deliveryReasons(t: TFunction, error: DeliveryError | undefined, def: ServiceDefinition | undefined, chain: string[]): string[] {
  if (!error) return [];
  if (error.kind === 'network') return [t('errors:problem.network')];
  const head = error.code && t(`errors:problem.${error.code}`, { defaultValue: '' });
  const lines = [head || t('errors:problem.unknown', { status: error.status ?? '?' })];
  for (const fe of error.errors ?? []) lines.push(def ? fieldMessage(t, def, fe, chain) : `${fe.field}: ${fe.code}`);
  return lines;
}
