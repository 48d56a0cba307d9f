/**
 * This terminal's enrollment (DESIGN §5): the device token a supervisor obtained for it,
 * kept in the meta store and sent on every API call, renewed at half-life, and what the
 * server last said about it (revoked, expired) so the kiosk can tell the staff. A refused
 * token never costs an application: the outbox keeps it queued until the terminal is
 * enrolled again.
 */
import { API, type DeviceToken, type EnrollmentRequest, type Problem, type ProblemCode } from '../core/sync/protocol.ts';
import type { RelaisDb } from './db.ts';
import { getMeta, setMeta, terminalId } from './meta.ts';

export interface Enrollment extends DeviceToken {
  issuedAt: string; // by this terminal's clock, to renew at half-life
}

export type TokenProblem = Extract<ProblemCode, `device-token-${string}`>;

/** What the kiosk shows about its enrollment. */
export type EnrollmentState = { kind: 'not-enrolled' } | { kind: 'enrolled'; enrollment: Enrollment } | { kind: 'refused'; problem: TokenProblem; enrollment: Enrollment | undefined };

const ENROLLMENT = 'enrollment';
const PROBLEM = 'enrollmentProblem';

export const currentEnrollment = (database: RelaisDb): Promise<Enrollment | undefined> => getMeta<Enrollment>(database, ENROLLMENT);

export async function enrollmentState(database: RelaisDb): Promise<EnrollmentState> {
  const [enrollment, problem] = await Promise.all([currentEnrollment(database), getMeta<TokenProblem | null>(database, PROBLEM)]);
  if (problem) return { kind: 'refused', problem, enrollment };
  return enrollment ? { kind: 'enrolled', enrollment } : { kind: 'not-enrolled' };
}

const isTokenProblem = (code: unknown): code is TokenProblem => typeof code === 'string' && code.startsWith('device-token-');

/** A fetch to the API with this terminal's device token; a refused token is remembered. */
export async function apiFetch(database: RelaisDb, path: string, init: RequestInit = {}, baseUrl = ''): Promise<Response> {
  const enrollment = await currentEnrollment(database);
  const headers = new Headers(init.headers);
  if (enrollment) headers.set('Authorization', `Bearer ${enrollment.token}`);
  const res = await fetch(baseUrl + path, { cache: 'no-store', ...init, headers });
  if (res.ok) await noteContact(database);
  // Without a token a 401 only repeats what the state already says: not enrolled.
  if (res.status === 401 && enrollment) {
    const body = (await res.clone().json().catch(() => null)) as Partial<Problem> | null;
    if (isTokenProblem(body?.code)) await setMeta(database, PROBLEM, body.code);
  }
  return res;
}

let lastNoted = 0;
/** Notes (at most once a minute) that the server answered: the dashboard's "last sync". */
async function noteContact(database: RelaisDb, now = Date.now()): Promise<void> {
  if (now - lastNoted < 60_000) return;
  lastNoted = now;
  await setMeta(database, 'lastContactAt', new Date(now).toISOString());
}

export const lastContactAt = async (database: RelaisDb): Promise<string | null> => (await getMeta<string>(database, 'lastContactAt')) ?? null;

export type EnrollResult =
  | { kind: 'enrolled'; enrollment: Enrollment }
  | { kind: 'refused'; code: ProblemCode | 'unknown'; retryAfterSeconds?: number }
  | { kind: 'offline' };

function isDeviceToken(body: unknown): body is DeviceToken {
  const b = body as Partial<DeviceToken> | null;
  return !!b && typeof b.token === 'string' && typeof b.terminalId === 'string' && typeof b.expiresAt === 'string' && typeof b.relayId === 'string';
}

async function keep(database: RelaisDb, token: DeviceToken): Promise<Enrollment> {
  const enrollment: Enrollment = { ...token, issuedAt: new Date().toISOString() };
  await database.transaction('rw', database.meta, async () => {
    await setMeta(database, ENROLLMENT, enrollment);
    await setMeta(database, PROBLEM, null);
  });
  return enrollment;
}

/** A supervisor enrols this terminal with their id and PIN (checked by the server). */
export async function enrollThisTerminal(database: RelaisDb, input: Omit<EnrollmentRequest, 'terminalId'>, baseUrl = ''): Promise<EnrollResult> {
  // The key this terminal will sign bundles with travels with the enrollment (loaded only here).
  const { ownSigningKey, noteKeyRegistered } = await import('./terminal-keys.ts');
  const signing = await ownSigningKey(database);
  const body: EnrollmentRequest = { terminalId: await terminalId(database), ...input, signingKey: signing.publicKey };
  let res: Response;
  try {
    res = await fetch(baseUrl + API.enroll, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), cache: 'no-store' });
  } catch {
    return { kind: 'offline' };
  }
  const answer: unknown = await res.json().catch(() => null);
  if (res.status === 201 && isDeviceToken(answer)) {
    await noteKeyRegistered(database, signing.keyId);
    return { kind: 'enrolled', enrollment: await keep(database, answer) };
  }
  const code = (answer as Partial<Problem> | null)?.code ?? 'unknown';
  const retryAfter = Number(res.headers.get('Retry-After'));
  return { kind: 'refused', code, ...(retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}) };
}

/** Renews the token once half its life has passed; quiet when offline or not due. */
export async function renewTokenIfDue(database: RelaisDb, now = Date.now(), baseUrl = ''): Promise<boolean> {
  const enrollment = await currentEnrollment(database);
  if (!enrollment) return false;
  const issued = Date.parse(enrollment.issuedAt);
  const expires = Date.parse(enrollment.expiresAt);
  if (!(now >= issued + (expires - issued) / 2)) return false;
  try {
    const res = await apiFetch(database, API.terminalToken, { method: 'POST' }, baseUrl);
    const answer: unknown = await res.json().catch(() => null);
    if (!res.ok || !isDeviceToken(answer)) return false;
    await keep(database, answer);
    return true;
  } catch {
    return false; // offline: the old token stays valid until it expires
  }
}
