/**
 * Checks the shape of a submission request (everything but the answers, which the form
 * engine judges against the service definition once the payload is open). Extra
 * properties are allowed so an older server still reads a newer kiosk's requests.
 */
import type { Answers } from '../../src/core/forms/types.ts';
import type { SubmissionPayload, SubmissionRequest } from '../../src/core/sync/protocol.ts';
import { isUuid } from '../../src/core/ids/uuid.ts';

export type EnvelopeCheck = { ok: true; request: SubmissionRequest } | { ok: false; detail: string };

// RFC 3339 date-time with an explicit offset: the kiosk sends Date.toISOString().
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;
// BCP 47-like tag: 'ar', 'fr', 'shi', 'zgh-Tfng', 'shi-Latn'.
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const MAX_ID_LENGTH = 200;
const MAX_KEY_ID_LENGTH = 64;

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Ids made by machines (terminal, service, key, agent ids, notice versions): ASCII letters,
 * digits and . _ : @ -, starting with a letter or digit. Nothing else is ever needed, and
 * it keeps markup, quotes, spaces and look-alike letters out of ids and the audit log.
 */
const TOKEN = /^[A-Za-z0-9][A-Za-z0-9._:@-]*$/;
export const isToken = (value: unknown, max = MAX_ID_LENGTH): value is string =>
  typeof value === 'string' && value.length <= max && TOKEN.test(value);

/**
 * A real instant: JavaScript reads 2026-02-30 as 2 March, but PostgreSQL refuses it (and
 * year 0), which would surface as a 500 from the INSERT.
 */
export function isDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_TIME.exec(value);
  if (!match || Number.isNaN(Date.parse(value))) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const calendar = new Date(Date.UTC(2000, month - 1, day));
  calendar.setUTCFullYear(year);
  return year >= 1 && calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
}

function payloadProblem(payload: unknown): string | null {
  if (!isObject(payload)) return 'payload must be an object';
  if (payload.encoding === 'json') return isObject(payload.answers) ? null : 'payload.answers must be an object';
  if (payload.encoding !== 'hpke') return 'payload.encoding must be "hpke" or "json"';
  // Answers beside a sealed envelope would be personal data in clear: a kiosk bug to surface.
  if ('answers' in payload) return 'a sealed payload must not carry answers in clear';
  if (!isToken(payload.keyId, MAX_KEY_ID_LENGTH)) return 'payload.keyId must be a key id';
  // Their content is judged when the envelope is opened (unreadable-envelope).
  if (typeof payload.enc !== 'string') return 'payload.enc must be a base64url string';
  if (typeof payload.ciphertext !== 'string') return 'payload.ciphertext must be a base64url string';
  return null;
}

function problem(body: unknown, key: string): string | null {
  if (!isObject(body)) return 'the body must be a JSON object';
  if (!isUuid(body.id)) return 'id must be a lower-case UUID';
  if (body.id !== key) return 'id must equal the Idempotency-Key header';
  if (!isToken(body.serviceId)) return 'serviceId must be a service id';
  if (typeof body.formVersion !== 'number' || !Number.isInteger(body.formVersion) || body.formVersion < 1 || body.formVersion > 2_147_483_647) {
    return 'formVersion must be an integer of at least 1';
  }
  if (!isToken(body.terminalId)) return 'terminalId must be an id of letters, digits and . _ : @ -';
  if (typeof body.language !== 'string' || body.language.length > 35 || !LANGUAGE.test(body.language)) {
    return 'language must be a language tag such as "ar" or "shi-Latn"';
  }
  if (!isDateTime(body.createdAt)) return 'createdAt must be an ISO 8601 date-time with a time zone';
  if (!isDateTime(body.submittedAt)) return 'submittedAt must be an ISO 8601 date-time with a time zone';
  if (body.corrects !== undefined && (!isUuid(body.corrects) || body.corrects === body.id)) return 'corrects must be the lower-case UUID of another application';
  return payloadProblem(body.payload);
}

function payloadOf(payload: Record<string, unknown>): SubmissionPayload {
  if (payload.encoding === 'json') return { encoding: 'json', answers: payload.answers as Answers };
  return { encoding: 'hpke', keyId: payload.keyId as string, enc: payload.enc as string, ciphertext: payload.ciphertext as string };
}

export function checkEnvelope(body: unknown, key: string): EnvelopeCheck {
  const detail = problem(body, key);
  if (detail !== null) return { ok: false, detail };
  const b = body as Record<string, unknown> & SubmissionRequest;
  const request: SubmissionRequest = {
    id: b.id,
    serviceId: b.serviceId,
    formVersion: b.formVersion,
    terminalId: b.terminalId,
    language: b.language,
    createdAt: b.createdAt,
    submittedAt: b.submittedAt,
    payload: payloadOf(b.payload as unknown as Record<string, unknown>),
    ...(b.corrects === undefined ? {} : { corrects: b.corrects }),
  };
  return { ok: true, request };
}
