/**
 * Writes an accepted application. The tracking code is derived from the id exactly as
 * the kiosk derived it offline, so the code printed on the citizen's receipt is the one
 * the server confirms; only if another application already holds that code (50 bits:
 * rare, not impossible) does the server derive a new one from `${id}:1`, `${id}:2`…
 */
import { webcrypto } from 'node:crypto';
import type { SubmissionReceipt } from '../../src/core/sync/protocol.ts';
import { trackingCodeFor, type Digester } from '../../src/core/ids/tracking-code.ts';
import type { Queryable } from '../store/db.ts';
import { toIso } from '../util/time.ts';
import type { ReceivedApplication } from './open-payload.ts';

const subtle: Digester = webcrypto.subtle as Digester;
const MAX_CODE_ATTEMPTS = 20;

export type StoreOutcome = { kind: 'stored' | 'existing'; receipt: SubmissionReceipt } | { kind: 'different-request' };

async function freeTrackingCode(tx: Queryable, id: string): Promise<string> {
  for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt += 1) {
    const code = await trackingCodeFor(attempt === 0 ? id : `${id}:${attempt}`, subtle);
    const [taken] = await tx.query('SELECT 1 FROM submissions WHERE tracking_code = $1', [code]);
    if (!taken) return code;
  }
  throw new Error(`no free tracking code for ${id} after ${MAX_CODE_ATTEMPTS} attempts`);
}

async function existing(tx: Queryable, id: string, requestHash: string): Promise<StoreOutcome | null> {
  const [row] = await tx.query<{ tracking_code: string; received_at: Date; request_hash: string }>(
    'SELECT tracking_code, received_at, request_hash FROM submissions WHERE id = $1',
    [id],
  );
  if (!row) return null;
  if (row.request_hash !== requestHash) return { kind: 'different-request' };
  return { kind: 'existing', receipt: { id, trackingCode: row.tracking_code, receivedAt: toIso(row.received_at) } };
}

/**
 * Stores the opened application, or finds it already stored (its idempotency key was
 * purged). The answers are kept opened: validating them needed them in clear, and the
 * back office reads them from here (`npm run keys -- export`).
 */
export async function storeSubmission(
  tx: Queryable,
  request: ReceivedApplication,
  requestHash: string,
  receivedAt: Date,
  receivedFrom: string | null = null, // the terminal whose device token delivered it
): Promise<StoreOutcome> {
  const before = await existing(tx, request.id, requestHash);
  if (before) return before;
  const trackingCode = await freeTrackingCode(tx, request.id);
  const at = receivedAt.toISOString();
  const inserted = await tx.query(
    `INSERT INTO submissions (id, tracking_code, service_id, form_version, terminal_id, language,
       created_at, submitted_at, received_at, answers, request_hash, state, updated_at,
       assisted_by, consent_version, sealed_key_id, received_from, corrects)
     VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz, $8::timestamptz, $9::timestamptz, $10::jsonb, $11, 'received', $9::timestamptz,
       $12, $13, $14, $15, $16::uuid)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      request.id,
      trackingCode,
      request.serviceId,
      request.formVersion,
      request.terminalId,
      request.language,
      request.createdAt,
      request.submittedAt,
      at,
      JSON.stringify(request.content.answers),
      requestHash,
      request.content.assistedBy ?? null,
      request.content.consentVersion ?? null,
      request.sealedKeyId,
      receivedFrom,
      request.corrects ?? null, // the refused application this one was entered again to replace
    ],
  );
  if (inserted.length > 0) return { kind: 'stored', receipt: { id: request.id, trackingCode, receivedAt: at } };
  // Another request for this id committed after our first look (a stale claim taken over).
  return (await existing(tx, request.id, requestHash)) ?? { kind: 'different-request' };
}
