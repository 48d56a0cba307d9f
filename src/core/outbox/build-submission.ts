/** Turns a finished draft into the request the outbox will deliver. */
import { normalizeAnswers } from '../forms/normalize.ts';
import type { Answers, ServiceDefinition } from '../forms/types.ts';
import type { SubmissionRequest } from '../sync/protocol.ts';

export interface FinishedDraft {
  id: string;
  definition: ServiceDefinition;
  answers: Answers;
  language: string;
  createdAt: string;
}

export function buildSubmission(draft: FinishedDraft, terminalId: string, submittedAt: string): SubmissionRequest {
  return {
    id: draft.id,
    serviceId: draft.definition.id,
    formVersion: draft.definition.version,
    terminalId,
    language: draft.language,
    createdAt: draft.createdAt,
    submittedAt,
    // Answers to questions the citizen never saw (hidden by a condition) are not sent; the rest travel in canonical form.
    payload: { encoding: 'json', answers: normalizeAnswers(draft.definition, draft.answers) },
  };
}
