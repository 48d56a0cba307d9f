/**
 * Checks the shape of a submission request (everything but the answers, which the form
 * engine judges against the service definition). Extra properties are allowed so an
 * older server still reads a newer kiosk's requests.
 */
import type { Answers } from '../../src/core/forms/types.ts';
import type { JsonPayload, SubmissionRequest } from '../../src/core/sync/protocol.ts';
import { isUuid } from '../../src/core/ids/uuid.ts';

export type EnvelopeCheck = { ok: true; request: SubmissionRequest } | { ok: false; detail: string };

// RFC 3339 date-time with an explicit offset: the kiosk sends Date.toISOString().
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
// BCP 47-like tag: 'ar', 'fr', 'shi', 'zgh-Tfng', 'shi-Latn'.
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const MAX_ID_LENGTH = 200;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isShortText = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '' && value.length <= MAX_ID_LENGTH;

const isDateTime = (value: unknown): value is string =>
  typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));

function problem(body: unknown, key: string): string | null {
  if (!isObject(body)) return 'the body must be a JSON object';
  if (!isUuid(body.id)) return 'id must be a lower-case UUID';
  if (body.id !== key) return 'id must equal the Idempotency-Key header';
  if (!isShortText(body.serviceId)) return 'serviceId must be a non-empty string';
  if (typeof body.formVersion !== 'number' || !Number.isInteger(body.formVersion) || body.formVersion < 1) {
    return 'formVersion must be an integer of at least 1';
  }
  if (!isShortText(body.terminalId)) return 'terminalId must be a non-empty string';
  if (typeof body.language !== 'string' || body.language.length > 35 || !LANGUAGE.test(body.language)) {
    return 'language must be a language tag such as "ar" or "shi-Latn"';
  }
  if (!isDateTime(body.createdAt)) return 'createdAt must be an ISO 8601 date-time with a time zone';
  if (!isDateTime(body.submittedAt)) return 'submittedAt must be an ISO 8601 date-time with a time zone';
  if (!isObject(body.payload)) return 'payload must be an object';
  if (body.payload.encoding !== 'json') return 'payload.encoding must be "json"';
  if (!isObject(body.payload.answers)) return 'payload.answers must be an object';
  return null;
}

export function checkEnvelope(body: unknown, key: string): EnvelopeCheck {
  const detail = problem(body, key);
  if (detail !== null) return { ok: false, detail };
  const b = body as SubmissionRequest;
  const request: SubmissionRequest = {
    id: b.id,
    serviceId: b.serviceId,
    formVersion: b.formVersion,
    terminalId: b.terminalId,
    language: b.language,
    createdAt: b.createdAt,
    submittedAt: b.submittedAt,
    payload: { encoding: 'json', answers: (b.payload as JsonPayload).answers as Answers },
  };
  return { ok: true, request };
}
