/**
 * Store-and-forward (issue 5): what terminals need to sign and check bundles, and to skip
 * what another route already delivered. All with the device token:
 *   PUT  /api/terminal/signing-key   `{ publicKey }`: the caller's key, if it has none yet (204)
 *   GET  /api/relay/terminal-keys    the caller's relay's keys (TerminalKeyList)
 *   POST /api/submissions/known      `{ ids }` → `{ known }`: the ids the server stored
 */
import type { Handler } from 'hono';
import { checkKnownRequest, type KnownSubmissions } from '../../src/core/bundle/known-submissions.ts';
import { checkSigningKey, type TerminalKeyList } from '../../src/core/bundle/terminal-keys.ts';
import { knownSubmissionIds, listTerminalKeys, registerSigningKey } from '../bundle/terminal-keys.ts';
import { requestTerminal } from '../http/device-auth.ts';
import { readJson } from '../http/read-json.ts';
import { problemResponse } from '../http/reply.ts';
import type { Db } from '../store/db.ts';

const NO_STORE = { 'Cache-Control': 'no-store' };
const MAX_KEY_BODY = 2 * 1024;
const MAX_KNOWN_BODY = 64 * 1024;

export function registerSigningKeyRoute(db: Db): Handler {
  return async (c) => {
    const { terminalId } = requestTerminal(c);
    const read = await readJson(c.req.raw, MAX_KEY_BODY);
    if (!read.ok) return read.response;
    const key = await checkSigningKey((read.value as { publicKey?: unknown } | null)?.publicKey);
    if (!key) return problemResponse(422, 'invalid-request', { detail: 'publicKey must be an EC P-256 public JWK' });
    const outcome = await registerSigningKey(db, terminalId, key);
    if (outcome === 'conflict') return problemResponse(422, 'invalid-request', { detail: 'this terminal already has another signing key: a supervisor enrols it again to change it' });
    return c.body(null, 204, NO_STORE);
  };
}

export function terminalKeysRoute(db: Db): Handler {
  return async (c) => {
    const { relayId } = requestTerminal(c);
    return c.json({ relayId, terminals: await listTerminalKeys(db, relayId) } satisfies TerminalKeyList, 200, NO_STORE);
  };
}

export function knownSubmissionsRoute(db: Db): Handler {
  return async (c) => {
    requestTerminal(c);
    const read = await readJson(c.req.raw, MAX_KNOWN_BODY);
    if (!read.ok) return read.response;
    const checked = checkKnownRequest(read.value);
    if (!checked.ok) return problemResponse(422, 'invalid-request', { detail: checked.detail });
    return c.json({ known: await knownSubmissionIds(db, checked.ids) } satisfies KnownSubmissions, 200, NO_STORE);
  };
}
