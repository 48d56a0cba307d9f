/**
 * What a supervisor can do with an application the server refused. The terminal cannot
 * open the sealed answers and the citizen's draft died with their session, so "correct"
 * means: an agent enters a new application of the same service with the citizen, which
 * names the refused one (`corrects`). That only makes sense when the same service can
 * still be filled in and the refusal was about the content or the form version; otherwise
 * the only action is to discard it, saying why.
 */
import type { DeliveryError } from './types.ts';

/** The short list a supervisor picks a discard reason from (plus optional words). */
export const DISCARD_REASONS = ['duplicate', 'citizen-withdrew', 'service-unavailable', 'cannot-correct', 'other'] as const;
export type DiscardReason = (typeof DISCARD_REASONS)[number];
export const MAX_DISCARD_NOTE = 200;

export type CorrectionCheck = { possible: true } | { possible: false; why: 'unknown-service' | 'duplicate' | 'service-withdrawn' };

/**
 * Whether an agent can redo the application with the citizen. `offered`: the service is
 * in this terminal's catalog, so a new application of it can be started.
 */
export function correctionCheck(error: DeliveryError | undefined, offered: boolean): CorrectionCheck {
  // The server knows no such service: a new application of it would be refused the same way.
  if (error?.code === 'unknown-service') return { possible: false, why: 'unknown-service' };
  // The server already holds another application under this id: not the citizen's answers to fix.
  if (error?.code === 'idempotency-key-reused') return { possible: false, why: 'duplicate' };
  if (!offered) return { possible: false, why: 'service-withdrawn' };
  return { possible: true };
}

/** A supervisor's optional note: trimmed, one paragraph, at most MAX_DISCARD_NOTE characters. */
export function cleanDiscardNote(text: string): string | undefined {
  const note = text.replace(/\s+/g, ' ').trim().slice(0, MAX_DISCARD_NOTE);
  return note === '' ? undefined : note;
}

export const isDiscardReason = (value: unknown): value is DiscardReason => (DISCARD_REASONS as readonly unknown[]).includes(value);
