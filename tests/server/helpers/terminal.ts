/**
 * An enrolled terminal for API tests: every call but health and enrollment needs a device
 * token, so suites enrol TEST_TERMINAL (the id the request helpers use) in the store and
 * send its token. Tests of the token check itself use the bare app.
 */
import type { Hono } from 'hono';
import { beforeAll, beforeEach } from 'vitest';
import { enrollTerminal } from '../../../server/terminals/terminal-store.ts';
import { hashPin, type RelayConfig } from '../../../src/core/auth/staff.ts';
import type { Db } from '../../../server/store/db.ts';

export const TEST_TERMINAL = 'relay-tafraout-01';
export const TEST_RELAY = 'relay-demo';

export async function enrollForTest(db: Db, terminalId = TEST_TERMINAL, options: { ttlDays?: number; now?: Date } = {}): Promise<string> {
  const issued = await enrollTerminal(db, { terminalId, relayId: TEST_RELAY, relayName: 'Test relay', label: terminalId, enrolledBy: 'supervisor-test', ...options });
  return issued.token;
}

/**
 * Enrols TEST_TERMINAL for the describe block: before each test when the store is emptied
 * between tests (the default), else once. Returns a getter for the token.
 */
export function useDeviceToken(db: () => Db, options: { reset?: boolean } = {}): () => string {
  let token: string | undefined;
  const enroll = async () => {
    token = await enrollForTest(db());
  };
  if (options.reset === false) beforeAll(enroll);
  else beforeEach(enroll);
  return () => {
    if (!token) throw new Error('the test terminal is not enrolled yet');
    return token;
  };
}

/** The app, with every request carrying `token` unless it sets Authorization itself. */
export function withDevice(app: Hono, token: string): Hono {
  return new Proxy(app, {
    get(target, property, receiver) {
      if (property !== 'request') return Reflect.get(target, property, receiver) as unknown;
      return (input: RequestInfo | URL, init: RequestInit = {}, ...rest: unknown[]) => {
        const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
        if (!headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
        return (target.request as (...args: unknown[]) => unknown)(input, { ...init, headers }, ...rest);
      };
    },
  });
}

export const SUPERVISOR_PIN = '135790';
export const AGENT_PIN = '246810';

/** A relay with one supervisor and one agent (real 600,000-round hashes: each check takes a moment). */
export async function testRelayConfig(): Promise<RelayConfig> {
  const hash = (pin: string) => hashPin(pin, crypto.getRandomValues(new Uint8Array(16)), crypto.subtle as never);
  return {
    relayId: TEST_RELAY,
    name: 'Test relay',
    staff: [
      { id: 'supervisor-test', name: 'Superviseure test', role: 'supervisor', pin: await hash(SUPERVISOR_PIN) },
      { id: 'agent-test', name: 'Agent test', role: 'agent', pin: await hash(AGENT_PIN) },
    ],
  };
}

/**
 * Opens a staff session through the real route (POST /api/staff/sessions) for the terminal
 * whose device token `app` sends (see withDevice); returns the session token.
 */
export async function openStaffSessionFor(app: Hono, staffId: string, pin: string): Promise<string> {
  const res = await app.request('/api/staff/sessions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ staffId, pin }) });
  if (res.status !== 201) throw new Error(`opening ${staffId}'s staff session answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
