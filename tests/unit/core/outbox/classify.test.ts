import { describe, expect, it } from 'vitest';
import { classifyResponse } from '../../../../src/core/outbox/classify.ts';

const receipt = { id: 'a', trackingCode: 'ABCDE-12345', receivedAt: '2026-11-23T10:00:00Z' };

describe('what a server answer means for a queued application', () => {
  it.each([200, 201])('%i with a receipt is delivered', (status) => {
    expect(classifyResponse(status, receipt, null)).toEqual({ kind: 'delivered', receipt });
  });

  it('a 2xx without a readable receipt is retried, not taken as delivered', () => {
    expect(classifyResponse(200, '<html>captive portal</html>', null).kind).toBe('retry');
  });

  it.each([408, 409, 429, 500, 502, 503, 504])('%i is retried later', (status) => {
    expect(classifyResponse(status, null, 5000)).toMatchObject({ kind: 'retry', retryAfterMs: 5000, error: { status } });
  });

  it.each(['device-token-missing', 'device-token-revoked', 'device-token-expired'])('401 %s keeps the application queued: the terminal was refused, not the application', (code) => {
    expect(classifyResponse(401, { code }, null)).toMatchObject({ kind: 'retry', error: { kind: 'server', status: 401, code } });
  });

  it.each([400, 403, 404, 413, 422])('%i needs attention and is not retried blindly', (status) => {
    expect(classifyResponse(status, { code: 'x' }, null)).toMatchObject({ kind: 'rejected', error: { kind: 'rejected', status, code: 'x' } });
  });

  it('a 422 keeps the per-field reasons for the supervisor', () => {
    const errors = [{ field: 'cnie', code: 'invalid-cnie' }];
    const outcome = classifyResponse(422, { code: 'invalid-answers', errors }, null);
    expect(outcome).toMatchObject({ kind: 'rejected', error: { code: 'invalid-answers', errors } });
  });
});
