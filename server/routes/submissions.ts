/**
 * POST /api/submissions (the HTTP side: key header, size and nesting limits, JSON, rate
 * limit) and GET /api/submissions/:trackingCode. The rules live in submissions/.
 */
import type { Handler } from 'hono';
import { normalizeTrackingCode } from '../../src/core/ids/tracking-code.ts';
import { isUuid } from '../../src/core/ids/uuid.ts';
import { MAX_SUBMISSION_BYTES } from '../../src/core/sync/protocol.ts';
import { requestTerminal } from '../http/device-auth.ts';
import { readJson } from '../http/read-json.ts';
import { problemResponse, toResponse } from '../http/reply.ts';
import type { KeyRing } from '../keys/key-ring.ts';
import type { Db } from '../store/db.ts';
import { receiveSubmission } from '../submissions/receive-submission.ts';
import { findTrackingStatus } from '../submissions/tracking-status.ts';

const NO_STORE = { 'Cache-Control': 'no-store' };

export function submitRoute(db: Db, keys: KeyRing): Handler {
  return async (c) => {
    const key = c.req.header('idempotency-key')?.trim();
    const keyOk = key !== undefined && key !== '' && isUuid(key);
    // Read only for a request that could be accepted (the rate limit was spent in requireDevice).
    const read = keyOk ? await readJson(c.req.raw, MAX_SUBMISSION_BYTES) : null;
    const { terminalId } = requestTerminal(c);
    if (!key) return problemResponse(400, 'missing-idempotency-key');
    if (!keyOk) return problemResponse(400, 'invalid-idempotency-key');
    if (!read!.ok) return read!.response;
    return toResponse(await receiveSubmission(db, keys, key, read!.value, terminalId), NO_STORE);
  };
}

export function trackingRoute(db: Db): Handler {
  return async (c) => {
    // Limited per terminal (requireDevice): tracking codes must not be guessable by trying them all.
    const code = normalizeTrackingCode(c.req.param('trackingCode') ?? '');
    const status = code === null ? null : await findTrackingStatus(db, code);
    if (!status) return problemResponse(404, 'not-found', { detail: 'no application has this tracking code' });
    return c.json(status, 200, NO_STORE);
  };
}
