/**
 * Terminal enrollment and the supervisor's server-side actions (DESIGN §5):
 *   POST   /api/terminals/enroll        a supervisor's id + PIN enrol this terminal (no device token yet)
 *   POST   /api/terminal/token          a fresh device token for the calling terminal
 *   POST   /api/staff/sessions          a staff member's PIN opens a session on this terminal
 *   DELETE /api/staff/sessions          ends the session named by X-Relais-Staff
 *   GET    /api/terminals               the relay's terminals (supervisor session)
 *   POST   /api/terminals/:id/revoke    revokes one (supervisor session)
 * PINs are checked with the same slow hash and back-off as on terminals; enrollment and
 * revocation are written to the audit log with the supervisor's id.
 */
import type { Context, Handler } from 'hono';
import { PIN_PATTERN, STAFF_ID_PATTERN, type RelayConfig, type StaffRole } from '../../src/core/auth/staff.ts';
import { MAX_TERMINAL_LABEL, STAFF_HEADER, STAFF_TOKEN_PATTERN, TERMINAL_ID_PATTERN, type EnrollmentRequest, type StaffSessionRequest } from '../../src/core/sync/protocol.ts';
import { recordServerEvent } from '../audit/store-audit.ts';
import { bearerToken, requestTerminal } from '../http/device-auth.ts';
import type { RateLimiter } from '../http/rate-limit.ts';
import { readJson } from '../http/read-json.ts';
import { problemResponse } from '../http/reply.ts';
import { isStorableId } from '../http/text-rules.ts';
import type { Db } from '../store/db.ts';
import { isObject } from '../submissions/check-envelope.ts';
import { checkStaffPin, endStaffSession, findStaffSession, openStaffSession, type PinCheck } from '../terminals/staff-auth.ts';
import { enrollTerminal, listTerminals, recordHeartbeat, renewDeviceToken, revokeTerminal } from '../terminals/terminal-store.ts';
import { checkHeartbeat } from '../../src/core/sync/heartbeat.ts';
import { checkSigningKey } from '../../src/core/bundle/terminal-keys.ts';
import { catalogVersion } from '../catalog/catalog-reads.ts';

const MAX_BODY = 4 * 1024;
const NO_STORE = { 'Cache-Control': 'no-store' };

export interface TerminalRouteOptions {
  db: Db;
  limiter: RateLimiter;
  relay?: () => RelayConfig;
  tokenTtlDays?: number;
  /** Minutes without a heartbeat after which the dashboard shows a terminal as stale. */
  staleAfterMinutes?: number;
}

export const DEFAULT_STALE_MINUTES = 30;

function pinProblem(check: Exclude<PinCheck, { ok: true }>): Response {
  if (check.reason === 'locked') {
    const seconds = String(Math.max(1, Math.ceil((check.lockedUntil - Date.now()) / 1000)));
    return problemResponse(429, 'staff-locked', { detail: `retry after ${seconds} s` }, { 'Retry-After': seconds, ...NO_STORE });
  }
  return problemResponse(401, 'wrong-pin', undefined, NO_STORE);
}

/** A label a supervisor typed: trimmed, 1–60 characters, no control or bidi characters. */
function cleanLabel(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const label = value.trim().normalize('NFC');
  return label.length >= 1 && label.length <= MAX_TERMINAL_LABEL && isStorableId(label) ? label : null;
}

function credentialsProblem(body: Record<string, unknown>): string | null {
  if (typeof body.staffId !== 'string' || !STAFF_ID_PATTERN.test(body.staffId)) return 'staffId must be a staff id';
  if (typeof body.pin !== 'string' || !PIN_PATTERN.test(body.pin)) return 'pin must be 6 to 12 digits';
  return null;
}

export function enrollRoute({ db, limiter, relay, tokenTtlDays }: TerminalRouteOptions): Handler {
  return async (c) => {
    const limited = limiter.check(c); // by address: this terminal has no token yet
    if (limited) return limited;
    if (!relay) return problemResponse(503, 'enrollment-unavailable');
    const read = await readJson(c.req.raw, MAX_BODY);
    if (!read.ok) return read.response;
    const body = read.value;
    if (!isObject(body)) return problemResponse(422, 'invalid-request', { detail: 'the body must be an object' });
    if (typeof body.terminalId !== 'string' || !TERMINAL_ID_PATTERN.test(body.terminalId)) return problemResponse(422, 'invalid-request', { detail: 'terminalId must be a terminal id' });
    const label = cleanLabel(body.label);
    if (label === null) return problemResponse(422, 'invalid-request', { detail: `label must be 1 to ${MAX_TERMINAL_LABEL} printable characters` });
    const problem = credentialsProblem(body);
    if (problem) return problemResponse(422, 'invalid-request', { detail: problem });
    const request = body as unknown as EnrollmentRequest;
    // The key the terminal will sign bundles with (optional: older kiosks register it later).
    const signingKey = body.signingKey === undefined ? undefined : await checkSigningKey(body.signingKey);
    if (signingKey === null) return problemResponse(422, 'invalid-request', { detail: 'signingKey must be an EC P-256 public JWK' });
    const config = relay();
    const check = await checkStaffPin(db, config, request.staffId, request.pin);
    if (!check.ok) return pinProblem(check);
    if (check.member.role !== 'supervisor') return problemResponse(403, 'not-a-supervisor', undefined, NO_STORE);
    const token = await db.transaction(async (tx) => {
      const issued = await enrollTerminal(tx, { terminalId: request.terminalId, relayId: config.relayId, relayName: config.name, label, enrolledBy: check.member.id, ttlDays: tokenTtlDays, ...(signingKey ? { signingKey } : {}) });
      await recordServerEvent(tx, { action: 'terminal-enrolled', actor: check.member.id, terminalId: request.terminalId, at: new Date() });
      return issued;
    });
    return c.json(token, 201, NO_STORE);
  };
}

export function renewRoute({ db, relay, tokenTtlDays }: TerminalRouteOptions): Handler {
  return async (c) => {
    const fresh = await renewDeviceToken(db, bearerToken(c)!, relay?.().name ?? '', tokenTtlDays);
    if (!fresh) return problemResponse(401, 'device-token-revoked', undefined, NO_STORE);
    return c.json(fresh, 200, NO_STORE);
  };
}

export function openStaffSessionRoute({ db, relay }: TerminalRouteOptions): Handler {
  return async (c) => {
    const terminal = requestTerminal(c);
    if (!relay) return problemResponse(503, 'enrollment-unavailable');
    const read = await readJson(c.req.raw, MAX_BODY);
    if (!read.ok) return read.response;
    if (!isObject(read.value)) return problemResponse(422, 'invalid-request', { detail: 'the body must be an object' });
    const problem = credentialsProblem(read.value);
    if (problem) return problemResponse(422, 'invalid-request', { detail: problem });
    const request = read.value as unknown as StaffSessionRequest;
    const check = await checkStaffPin(db, relay(), request.staffId, request.pin);
    if (!check.ok) return pinProblem(check);
    return c.json(await openStaffSession(db, check.member, terminal.terminalId), 201, NO_STORE);
  };
}

/**
 * The relay member whose staff session (STAFF_HEADER) is open on the calling terminal, with
 * the role the relay configuration gives them now: 401 staff-session-required when the token
 * is missing, unknown, expired or of another terminal; 403 staff-removed when the member has
 * left the relay since (the session loses its rights at once).
 */
export async function staffMemberOf(c: Context, db: Db, relay: (() => RelayConfig) | undefined): Promise<{ staffId: string; role: StaffRole } | Response> {
  const token = c.req.header(STAFF_HEADER);
  const session = token && STAFF_TOKEN_PATTERN.test(token) ? await findStaffSession(db, token, requestTerminal(c).terminalId) : null;
  if (!session) return problemResponse(401, 'staff-session-required', undefined, NO_STORE);
  const member = relay?.().staff.find((s) => s.id === session.staffId);
  if (!member) return problemResponse(403, 'staff-removed', undefined, NO_STORE);
  return { staffId: member.id, role: member.role };
}

export async function supervisorOf(c: Context, db: Db, relay: (() => RelayConfig) | undefined): Promise<{ staffId: string } | Response> {
  const member = await staffMemberOf(c, db, relay);
  if (member instanceof Response && member.status === 401) return member;
  // The supervisor's screens ask for the PIN again on not-a-supervisor, for a removed member too.
  if (member instanceof Response || member.role !== 'supervisor') return problemResponse(403, 'not-a-supervisor', undefined, NO_STORE);
  return { staffId: member.staffId };
}

export function endStaffSessionRoute({ db }: TerminalRouteOptions): Handler {
  return async (c) => {
    const token = c.req.header(STAFF_HEADER);
    if (token && STAFF_TOKEN_PATTERN.test(token)) await endStaffSession(db, token, requestTerminal(c).terminalId);
    return c.body(null, 204, NO_STORE);
  };
}

export function listTerminalsRoute({ db, relay, staleAfterMinutes }: TerminalRouteOptions): Handler {
  return async (c) => {
    const terminal = requestTerminal(c);
    const supervisor = await supervisorOf(c, db, relay);
    if (supervisor instanceof Response) return supervisor;
    // The catalog version the server publishes now: a terminal whose heartbeat says less is behind.
    const catalog = await catalogVersion(db);
    return c.json({ terminals: await listTerminals(db, terminal.relayId), staleAfterMinutes: staleAfterMinutes ?? DEFAULT_STALE_MINUTES, catalogVersion: catalog }, 200, NO_STORE);
  };
}

/** POST /api/terminal/heartbeat: the calling terminal's counts, storage and versions. */
export function heartbeatRoute({ db }: TerminalRouteOptions): Handler {
  return async (c) => {
    const terminal = requestTerminal(c);
    const read = await readJson(c.req.raw, MAX_BODY);
    if (!read.ok) return read.response;
    const checked = checkHeartbeat(read.value);
    if (!checked.ok) return problemResponse(422, 'invalid-request', { detail: checked.detail });
    await recordHeartbeat(db, terminal.terminalId, checked.heartbeat);
    return c.body(null, 204, NO_STORE);
  };
}

export function revokeTerminalRoute({ db, relay }: TerminalRouteOptions): Handler {
  return async (c) => {
    const terminal = requestTerminal(c);
    const supervisor = await supervisorOf(c, db, relay);
    if (supervisor instanceof Response) return supervisor;
    const target = c.req.param('id') ?? '';
    if (!TERMINAL_ID_PATTERN.test(target)) return problemResponse(404, 'not-found', { detail: 'no such terminal' });
    const result = await db.transaction(async (tx) => {
      const outcome = await revokeTerminal(tx, terminal.relayId, target, supervisor.staffId);
      if (outcome === 'revoked') await recordServerEvent(tx, { action: 'terminal-revoked', actor: supervisor.staffId, terminalId: target, at: new Date() });
      return outcome;
    });
    if (result === 'unknown') return problemResponse(404, 'not-found', { detail: 'no such terminal' });
    return c.json({ terminalId: target, status: result }, 200, NO_STORE);
  };
}
