/**
 * Building and posting applications in tests, against the shipped demo catalog's
 * life-certificate form (its answers below are valid for version 1).
 */
import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import type { JsonPayload, SubmissionRequest } from '../../../src/core/sync/protocol.ts';

export const LIFE_CERTIFICATE_ANSWERS = {
  fullName: 'Fatima Zahra Amrani',
  cnie: 'BE123456',
  birthDate: '1948-03-12',
  pensionFund: 'cmr',
  pensionNumber: 'CMR12345',
  pensionerPresent: true,
  phone: '0612345678',
};

/** A request with its answers in clear (kiosks seal them; tests read and change them). */
export type JsonSubmission = Omit<SubmissionRequest, 'payload'> & { payload: JsonPayload };

export function lifeCertificateRequest(overrides: Partial<JsonSubmission> = {}): JsonSubmission {
  return {
    id: randomUUID(),
    serviceId: 'life-certificate',
    formVersion: 1,
    terminalId: 'relay-tafraout-01',
    language: 'shi-Latn',
    createdAt: '2026-03-02T09:00:00.000Z',
    submittedAt: '2026-03-02T09:12:30.000Z',
    payload: { encoding: 'json', answers: { ...LIFE_CERTIFICATE_ANSWERS } },
    ...overrides,
  };
}

/** POSTs a body (an object is sent as JSON, a string as is) with its id as the key unless told. */
export function postSubmission(
  app: Hono,
  body: unknown,
  key: string | null = (body as { id?: string }).id ?? null,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    app.request('/api/submissions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(key === null ? {} : { 'Idempotency-Key': key }), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}
