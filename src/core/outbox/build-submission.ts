/**
 * Turns a finished draft into the request the outbox will deliver: the metadata the
 * sync needs in clear, and the citizen's answers sealed to the server's key, so the
 * outbox never holds personal data the terminal itself could read (DESIGN §5).
 */
import { sealContent } from '../crypto/envelope.ts';
import { normalizeAnswers } from '../forms/normalize.ts';
import type { Answers, ServiceDefinition } from '../forms/types.ts';
import type { SealedContent, SealingKey, SubmissionRequest } from '../sync/protocol.ts';

export interface FinishedDraft {
  id: string;
  definition: ServiceDefinition;
  answers: Answers;
  language: string;
  createdAt: string;
  consentVersion?: string;
  assistedBy?: string;
}

export function submissionContent(draft: FinishedDraft): SealedContent {
  const content: SealedContent = {
    // Answers to questions the citizen never saw (hidden by a condition) are not sent; the rest travel in canonical form.
    answers: normalizeAnswers(draft.definition, draft.answers),
  };
  if (draft.consentVersion) content.consentVersion = draft.consentVersion;
  if (draft.assistedBy) content.assistedBy = draft.assistedBy;
  return content;
}

export async function buildSealedSubmission(draft: FinishedDraft, terminalId: string, submittedAt: string, key: SealingKey): Promise<SubmissionRequest> {
  return {
    id: draft.id,
    serviceId: draft.definition.id,
    formVersion: draft.definition.version,
    terminalId,
    language: draft.language,
    createdAt: draft.createdAt,
    submittedAt,
    payload: await sealContent(submissionContent(draft), key, draft.id),
  };
}
