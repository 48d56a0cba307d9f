/**
 * The sync protocol between kiosk and server (DESIGN §4). Both sides import these
 * types, so a change here is a protocol change: keep old fields readable.
 */
import type { Answers, FieldError, ServiceDefinition } from '../forms/types.ts';

export const API = {
  health: '/api/health',
  catalog: '/api/catalog',
  submissions: '/api/submissions',
  audit: '/api/audit',
  relay: '/api/relay', // GET: the relay's configuration (staff with salted PIN hashes), see core/auth/staff.ts
  enroll: '/api/terminals/enroll', // POST EnrollmentRequest (no device token): a supervisor enrolls this terminal
  terminalToken: '/api/terminal/token', // POST: a fresh device token for the calling terminal (renewal)
  staffSessions: '/api/staff/sessions', // POST StaffSessionRequest; DELETE ends the session named by STAFF_HEADER
  terminals: '/api/terminals', // GET (supervisor session): the relay's terminals; POST /api/terminals/:id/revoke
  speechClips: '/api/speech/clips', // POST PublishClipRequest (core/speech/manifest.ts); GET /api/speech/clips/:language/:key: the audio
  speechManifest: '/api/speech/manifest', // GET: SpeechManifest, every published clip
} as const;

/**
 * Every API call but health and enrollment carries the terminal's device token as
 * `Authorization: Bearer <token>`; the server checks it on each call (DESIGN §5).
 * Supervisor-only calls also carry a staff session token in this header.
 */
export const STAFF_HEADER = 'X-Relais-Staff';
export const DEVICE_TOKEN_PATTERN = /^rlt_[A-Za-z0-9_-]{43}$/;
export const STAFF_TOKEN_PATTERN = /^rls_[A-Za-z0-9_-]{43}$/;
/** A terminal's own id (the kiosk makes it once) and the label a supervisor gives it. */
export const TERMINAL_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
export const MAX_TERMINAL_LABEL = 60;

/** POST /api/terminals/enroll: the supervisor's id and PIN, checked by the server. */
export interface EnrollmentRequest {
  terminalId: string;
  label: string;
  staffId: string;
  pin: string;
  /** The public half of the key this terminal signs bundles with (core/bundle/terminal-keys.ts). */
  signingKey?: JsonWebKeyLike;
}

/** 201 body of an enrollment and 200 body of a renewal: the token is shown only here. */
export interface DeviceToken {
  terminalId: string;
  token: string;
  expiresAt: string; // ISO 8601; the kiosk renews it well before
  relayId: string;
  relayName: string;
  label: string;
}

/** POST /api/staff/sessions (with the device token): a supervisor's PIN, checked by the server. */
export interface StaffSessionRequest {
  staffId: string;
  pin: string;
}
export interface StaffSession {
  token: string;
  staffId: string;
  role: 'agent' | 'supervisor';
  expiresAt: string;
}

/** One row of GET /api/terminals: never a token, only what a supervisor needs to decide. */
export interface TerminalSummary {
  terminalId: string;
  label: string;
  enrolledAt: string;
  enrolledBy: string;
  lastSeenAt: string | null;
  tokenExpiresAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
  /** The terminal's latest heartbeat (core/sync/heartbeat.ts) and when it came; null before the first. */
  heartbeat: import('./heartbeat.ts').Heartbeat | null;
  heartbeatAt: string | null;
}

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
  /** The key kiosks seal applications to; present in every response, full or delta. */
  sealing?: SealingKey;
}

/** A server public key for HPKE (P-256), as a JWK, with the id that names it in envelopes. */
export interface SealingKey {
  keyId: string;
  publicKey: JsonWebKeyLike;
}

/** The JWK members a P-256 public key has (core has no DOM `JsonWebKey` type). */
export interface JsonWebKeyLike {
  kty: string;
  crv?: string;
  x?: string;
  y?: string;
  d?: string;
  [member: string]: unknown;
}

/** Answers in clear: only for tests and tools; the kiosk always seals. */
export interface JsonPayload {
  encoding: 'json';
  answers: Answers;
}

/**
 * Answers sealed with HPKE (RFC 9180, base mode, DHKEM(P-256, HKDF-SHA256), HKDF-SHA256,
 * AES-128-GCM) to the server key `keyId`. The plaintext is the UTF-8 JSON of
 * `SealedContent`; the associated data is `sealingAad(applicationId)`, so an envelope
 * moved onto another application fails to open. Binary values are base64url, no padding.
 */
export interface SealedPayload {
  encoding: 'hpke';
  keyId: string;
  enc: string;
  ciphertext: string;
}
export type SubmissionPayload = JsonPayload | SealedPayload;

/** What a SealedPayload holds once opened. */
export interface SealedContent {
  answers: Answers;
  /** Who assisted (agent id), when an agent filled the form with the citizen. */
  assistedBy?: string;
  /** The consent notice version the citizen accepted (law 09-08). */
  consentVersion?: string;
  /** The photos and signatures the answers name (each sealed and uploaded on its own). */
  attachments?: AttachmentRef[];
}

export const HPKE_INFO = 'relais application v1';
export const sealingAad = (applicationId: string): string => `relais:application:${applicationId.toLowerCase()}`;

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
  /**
   * The id of a refused application this one replaces: an agent entered it again with the
   * citizen (the terminal cannot read the refused one). A lower-case UUID, not this id.
   */
  corrects?: string;
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
  | 'unknown-key' // sealed to a key the server does not hold (422)
  | 'unreadable-envelope' // sealed payload that does not open: tampered, wrong id, malformed (422)
  | 'rate-limited' // too many requests from this terminal (429, with Retry-After)
  | 'not-found'
  | 'internal-error'
  | 'device-token-missing' // no Authorization: Bearer device token (401)
  | 'device-token-invalid' // not a token this server issued (401)
  | 'device-token-expired' // the token's time is up: a supervisor enrolls the terminal again (401)
  | 'device-token-revoked' // a supervisor revoked this terminal (401)
  | 'terminal-mismatch' // the request speaks for another terminal than its token's (403)
  | 'wrong-pin' // enrollment or staff session with a wrong id or PIN (401)
  | 'staff-locked' // too many wrong PINs: wait (429, with Retry-After)
  | 'not-a-supervisor' // the member may not do this (403)
  | 'staff-session-required' // a staff session token is missing, expired or of another terminal (401)
  | 'staff-removed' // the session's member is no longer in the relay configuration (403)
  | 'enrollment-unavailable' // this server has no relay configuration (503)
  | 'attachments-incomplete' // the submission names attachments the server does not hold whole yet: upload, then retry (409)
  | 'attachment-mismatch' // an uploaded attachment does not open, or its size or SHA-256 differs from the reference (422)
  | 'upload-offset-mismatch' // a chunk that does not start where the upload stands; `detail` and the body's `received` say where (409)
  | 'attachment-too-large' // larger than MAX_SEALED_ATTACHMENT_BYTES (413)
  | 'invalid-speech-clip'; // a published recording with a bad language, key, text hash, type or audio (422)

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

/**
 * One line of the audit log: who did what to which application, when, on which terminal.
 * Never personal data: ids, codes and times only.
 */
export type AuditAction = 'created' | 'edited' | 'submitted' | 'delivered' | 'rejected' | 'exported' | 'discarded' | 'wiped' | 'consented' | 'signed-in' | 'signed-out' | 'terminal-enrolled' | 'terminal-revoked' | 'handed-back' | 'replaced' | 'imported';
export interface AuditEvent {
  id: string; // UUID of the event (idempotent delivery)
  at: string; // ISO 8601
  terminalId: string;
  actor: string; // 'citizen' or an agent/supervisor id
  action: AuditAction;
  applicationId: string | null;
  serviceId?: string;
  /** Why (a code, e.g. a discard reason), and a supervisor's optional words (≤ 200 characters). */
  reason?: string;
  note?: string;
}
/** POST /api/audit body; the answer is 200 `{ accepted: n }` (events already known are ignored). */
export interface AuditBatch {
  events: AuditEvent[];
}
/** 200 body of POST /api/audit: how many events were new (a resent batch accepts 0). */
export interface AuditReceipt {
  accepted: number;
}
/** Most events in one AuditBatch, and the largest body (422 / 413 above). */
export const MAX_AUDIT_EVENTS = 500;
export const MAX_AUDIT_BYTES = 256 * 1024;

/** Largest submission body the server accepts, in bytes (413 above). */
export const MAX_SUBMISSION_BYTES = 256 * 1024;

/**
 * Attachments (photos, signatures). A photo or signature answer is the attachment's id (a
 * UUID); the sealed content lists each one with what the server checks once it opened the
 * bytes. Each attachment is sealed on its own (core/crypto sealBytes, associated data
 * `attachmentAad(applicationId, attachmentId)`), to the same key as the payload, and
 * uploaded as `enc ‖ ciphertext` in chunks before the submission is posted:
 *
 * - `PUT /api/submissions/:id/attachments/:attachmentId` with
 *   `Content-Range: bytes <start>-<end>/<total>` and the chunk as application/octet-stream:
 *   200 `AttachmentUploadStatus`. A chunk must start where the upload stands (else 409
 *   'upload-offset-mismatch' with the status in the body); a chunk already held is 200.
 * - `GET` the same path: 200 `AttachmentUploadStatus` (how many bytes the server holds), 404
 *   when it holds none, so a dropped upload resumes where it stopped.
 * - `POST /api/submissions` while an attachment is missing or partial: 409
 *   'attachments-incomplete' (the kiosk retries); a whole one that does not open or match
 *   its reference: 422 'attachment-mismatch'.
 */
export interface AttachmentRef {
  id: string; // UUID, the answer's value
  field: string; // the photo or signature field it answers
  mediaType: AttachmentMediaType;
  size: number; // bytes of the plaintext image
  sha256: string; // lower-case hex SHA-256 of the plaintext image
}
export const ATTACHMENT_MEDIA_TYPES = ['image/jpeg', 'image/webp', 'image/png'] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

export interface AttachmentUploadStatus {
  received: number; // bytes held, from the start
  total: number; // the sealed size announced by the first chunk
  complete: boolean;
}

export const attachmentPath = (applicationId: string, attachmentId: string): string => `${API.submissions}/${applicationId}/attachments/${attachmentId}`;
/** enc (an uncompressed P-256 point) before the ciphertext, and AES-GCM's tag after it. */
export const SEALED_ATTACHMENT_OVERHEAD = 65 + 16;
/** Largest plaintext attachment when the field sets no maxBytes. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;
/** Largest sealed attachment the server takes (a field's maxBytes may not exceed it). */
export const MAX_SEALED_ATTACHMENT_BYTES = 8 * 1024 * 1024;
/** The kiosk's chunk size, and the largest chunk the server accepts in one request. */
export const ATTACHMENT_CHUNK_BYTES = 64 * 1024;
export const MAX_ATTACHMENT_CHUNK_BYTES = 256 * 1024;
/** Most attachments one application may carry. */
export const MAX_ATTACHMENTS = 10;
