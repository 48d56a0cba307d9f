/**
 * An application waiting in (or delivered from) the kiosk's outbox. The outbox is the
 * single source of truth for submitted work (DESIGN §3): written with strict durability
 * before the UI says "saved", and only ever moved forward by the state machine.
 */
import type { FieldError } from '../forms/types.ts';
import type { ProblemCode, SubmissionPayload, SubmissionReceipt, SubmissionRequest } from '../sync/protocol.ts';

/**
 * The request as the outbox keeps it. `payload` (the sealed answers) is there while the
 * application waits and is dropped once the server acknowledged it: a delivered
 * application leaves only a receipt on the terminal (ids, service, dates, tracking code).
 */
export type OutboxRequest = Omit<SubmissionRequest, 'payload'> & { payload?: SubmissionPayload };

/**
 * 'needs-attention' is a refusal a supervisor must act on: hand it back to an agent
 * ('handed-back', then 'replaced' once the citizen's corrected application is queued) or
 * discard it with a reason ('discarded'). The last three keep no sealed payload.
 */
export type OutboxStatus = 'queued' | 'sending' | 'delivered' | 'needs-attention' | 'handed-back' | 'discarded' | 'replaced';

/** Why a supervisor discarded a refused application (core/outbox/attention.ts lists them). */
export interface Discard {
  by: string; // the supervisor's id
  at: number; // epoch ms
  reason: string; // a DISCARD_REASONS code
  note?: string; // optional words of the supervisor's (never the citizen's data)
}

/** Why the last attempt did not deliver: kept for the supervisor and the receipt screen. */
export interface DeliveryError {
  kind: 'network' | 'server' | 'rejected';
  status?: number; // HTTP status when there was one
  code?: ProblemCode | string; // the server's problem code, when it sent one
  errors?: FieldError[]; // per-field reasons of a 422
}

export interface OutboxItem {
  id: string; // the application's UUID, also the Idempotency-Key
  status: OutboxStatus;
  request: OutboxRequest;
  trackingCode: string; // computed locally at submit; replaced by the server's if it differs
  trackingConfirmed: boolean; // true once the server's receipt matched or replaced it
  attempts: number; // delivery attempts made so far
  nextAttemptAt: number; // epoch ms; a queued item is due when now >= nextAttemptAt
  queuedAt: number; // epoch ms, when the item entered the outbox
  lastAttemptAt?: number;
  lastError?: DeliveryError;
  receipt?: SubmissionReceipt;
  deliveredAt?: number;
  /**
   * The photos and signatures, each sealed on its own (`enc ‖ ciphertext`, see
   * core/attachments/seal.ts): only ciphertext. Uploaded in chunks before the request is
   * posted; dropped with the payload once the server acknowledged the application.
   */
  attachments?: OutboxAttachment[];
  /** Came in a bundle another terminal signed (store-and-forward, core/bundle): which, and when. */
  origin?: BundleOrigin;
  /** The bundles this item left this terminal in (it stays queued here too), oldest first. */
  exportedIn?: Array<{ bundleId: string; at: number }>;
  /** Handed back to an agent to enter again with the citizen: by whom, when. */
  handedBack?: { by: string; at: number };
  discarded?: Discard;
  /** The corrected application (its id) that replaced this one, and when it was queued. */
  replacedBy?: { id: string; at: number };
}

export interface BundleOrigin {
  terminalId: string; // the terminal that signed the bundle
  bundleId: string;
  importedAt: number; // epoch ms
}

export interface OutboxAttachment {
  id: string; // the attachment's UUID (also in the sealed answers)
  sealed: Uint8Array<ArrayBuffer>;
}
