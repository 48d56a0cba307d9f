import type { Answers, ServiceDefinition } from '../core/forms/types.ts';
import type { AttachmentRef } from '../core/sync/protocol.ts';

/**
 * A photo or signature in a draft: its reference and the image itself (base64url, so the
 * draft stays one JSON value encrypted under the session key like every answer).
 */
export interface DraftAttachment {
  ref: AttachmentRef;
  data: string;
}

/**
 * An application being filled. It keeps the definition it was started on, so a draft
 * begun on form version 3 can still be finished and submitted after version 4 arrives.
 */
export interface Draft {
  id: string; // the application's UUID, made when the citizen starts
  serviceId: string;
  definition: ServiceDefinition;
  answers: Answers;
  stepIndex: number; // index in the visible steps; steps.length means the review screen
  language: string;
  createdAt: string; // ISO
  updatedAt: number; // epoch ms
  consentVersion?: string; // the consent notice the citizen accepted before answering
  assistedBy?: string; // the agent helping, when one is signed in
  /** Photos and signatures by field id (a retake replaces); the answer is the attachment id. */
  attachments?: Record<string, DraftAttachment>;
  /** The refused application (its id) an agent is entering again with the citizen. */
  corrects?: string;
}

/**
 * A draft as IndexedDB holds it: everything but the id is AES-GCM ciphertext under the
 * session key (DESIGN §5), so once the key is gone nothing readable is left.
 */
export interface StoredDraft {
  id: string;
  updatedAt: number;
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}
