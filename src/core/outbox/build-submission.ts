/**
 * Turns a finished draft into the request the outbox will deliver: the metadata the
 * sync needs in clear, and the citizen's answers sealed to the server's key, so the
 * outbox never holds personal data the terminal itself could read (DESIGN §5).
 */
import { sealContent } from '../crypto/envelope.ts';
import { normalizeAnswers } from '../forms/normalize.ts';
import type { Answers, ServiceDefinition } from '../forms/types.ts';
import type { AttachmentRef, SealedContent, SealingKey, SubmissionRequest } from '../sync/protocol.ts';
import { sealAttachment } from '../attachments/seal.ts';
import type { OutboxAttachment } from './types.ts';

export interface FinishedDraft {
  id: string;
  definition: ServiceDefinition;
  answers: Answers;
  language: string;
  createdAt: string;
  consentVersion?: string;
  assistedBy?: string;
  /** The images the answers name, with their references (core/attachments/seal.ts attachmentRef). */
  files?: Array<{ ref: AttachmentRef; bytes: Uint8Array }>;
  /** The refused application this one was entered to replace (sent in clear: an id only). */
  corrects?: string;
}

export function submissionContent(draft: FinishedDraft): SealedContent {
  const content: SealedContent = {
    // Answers to questions the citizen never saw (hidden by a condition) are not sent; the rest travel in canonical form.
    answers: normalizeAnswers(draft.definition, draft.answers),
  };
  if (draft.consentVersion) content.consentVersion = draft.consentVersion;
  if (draft.assistedBy) content.assistedBy = draft.assistedBy;
  // Only the images an answer still names (a retaken photo leaves its old one behind).
  const named = new Set(Object.values(content.answers).filter((v): v is string => typeof v === 'string'));
  const refs = (draft.files ?? []).map((a) => a.ref).filter((r) => named.has(r.id) && content.answers[r.field] === r.id);
  if (refs.length > 0) content.attachments = refs;
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
    ...(draft.corrects ? { corrects: draft.corrects } : {}),
  };
}

/**
 * The request and each attachment sealed on its own (associated data: application id and
 * attachment id), for the outbox: only ciphertext leaves this function.
 */
export async function buildSealedSubmissionWithAttachments(
  draft: FinishedDraft,
  terminalId: string,
  submittedAt: string,
  key: SealingKey,
): Promise<{ request: SubmissionRequest; attachments: OutboxAttachment[] }> {
  const request = await buildSealedSubmission(draft, terminalId, submittedAt, key);
  const kept = new Set((submissionContent(draft).attachments ?? []).map((r) => r.id));
  const attachments: OutboxAttachment[] = [];
  for (const { ref, bytes } of draft.files ?? []) {
    if (kept.has(ref.id)) attachments.push({ id: ref.id, sealed: await sealAttachment(bytes, key, draft.id, ref.id) });
  }
  return { request, attachments };
}
