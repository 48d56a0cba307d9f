/**
 * The sync protocol between kiosk and server (DESIGN §4). Both sides import these
 * types, so a change here is a protocol change: keep old fields readable.
 */
import type { Answers, FieldError, ServiceDefinition } from '../forms/types.ts';

export const API = {
  health: '/api/health',
  catalog: '/api/catalog',
  submissions: '/api/submissions',
} as const;

export interface HealthResponse {
  status: 'ok';
  store: 'pglite' | 'postgres';
  version: string;
}

/**
 * GET /api/catalog (full) or /api/catalog?since=V (delta). `version` is the catalog
 * version the response brings the kiosk to. A full response lists every published
 * service and `removed` is empty; a delta lists the services changed after V and the
 * ids removed after V. The response carries an ETag; If-None-Match gives 304.
 */
export interface CatalogResponse {
  version: number;
  full: boolean;
  services: ServiceDefinition[];
  removed: string[];
}

/** How the answers travel. The skeleton sends JSON; sealed HPKE envelopes come later. */
export interface JsonPayload {
  encoding: 'json';
  answers: Answers;
}
export type SubmissionPayload = JsonPayload;

/** POST /api/submissions, header `Idempotency-Key: <id>` where id is the application's UUID. */
export interface SubmissionRequest {
  id: string; // the application's UUID, equal to the Idempotency-Key
  serviceId: string;
  formVersion: number;
  terminalId: string;
  language: string; // the language the citizen used, e.g. 'ar'
  createdAt: string; // ISO 8601, when the citizen started the application
  submittedAt: string; // ISO 8601, when the citizen pressed submit
  payload: SubmissionPayload;
}

/** 201 body (and the body replayed for a repeated request with the same key and body). */
export interface SubmissionReceipt {
  id: string;
  trackingCode: string;
  receivedAt: string;
}

/** Problem codes the server puts in `code` of a problem+json body; the kiosk localizes them. */
export type ProblemCode =
  | 'missing-idempotency-key'
  | 'invalid-idempotency-key'
  | 'idempotency-key-reused' // same key, different body (422)
  | 'request-in-progress' // same key while the first is still processing (409)
  | 'malformed-json'
  | 'invalid-request' // the envelope itself is wrong (missing id, bad dates, …)
  | 'unknown-service'
  | 'unknown-form-version'
  | 'invalid-answers' // per-field errors in `errors`
  | 'payload-too-large'
  | 'not-found'
  | 'internal-error';

/** RFC 9457 problem details, with our machine-readable extensions. */
export interface Problem {
  type: string; // 'urn:relais:problem:<code>'
  title: string; // English, for logs; the kiosk shows its own localized text for `code`
  status: number;
  code: ProblemCode;
  detail?: string;
  errors?: FieldError[];
}

/** GET /api/submissions/:trackingCode: only what a citizen may see, nothing personal. */
export type TrackingState = 'received' | 'processing' | 'needs-information' | 'done';
export interface TrackingStatus {
  trackingCode: string;
  serviceId: string;
  state: TrackingState;
  receivedAt: string;
  updatedAt: string;
}

/** Largest submission body the server accepts, in bytes (413 above). */
export const MAX_SUBMISSION_BYTES = 256 * 1024;
