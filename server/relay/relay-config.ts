/**
 * The relay's configuration: its name and its staff, each with a salted PBKDF2 hash of
 * their PIN (never the PIN). Terminals fetch it and cache it, so agents and supervisors
 * sign in offline. It lives in RELAY_CONFIG (default `${DATA_DIR}/relay.json`) and is
 * edited with `npm run staff`.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync, chmodSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hashPin, isRelayConfig, type RelayConfig } from '../../src/core/auth/staff.ts';

export const relayConfigPath = (env: NodeJS.ProcessEnv = process.env): string => env.RELAY_CONFIG || join(env.DATA_DIR || './data', 'relay.json');

/** Demo staff for a fresh install, printed at start so a first-time user can try agent mode. */
export const DEMO_STAFF = [
  { id: 'agent-demo', name: 'Agent (démo)', role: 'agent', pin: '246810' },
  { id: 'supervisor-demo', name: 'Superviseur (démo)', role: 'supervisor', pin: '135790' },
] as const;

export async function readRelayConfig(path: string): Promise<RelayConfig> {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!isRelayConfig(parsed)) throw new Error(`${path} is not a valid relay configuration`);
  return parsed;
}

export function writeRelayConfig(path: string, config: RelayConfig): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}

export async function newPinHash(pin: string) {
  return hashPin(pin, crypto.getRandomValues(new Uint8Array(16)), crypto.subtle as never);
}

/** Reads the configuration, creating a demo one (and saying so loudly) when there is none. */
export async function loadOrCreateRelayConfig(path: string, log: (line: string) => void = console.warn): Promise<RelayConfig> {
  if (existsSync(path)) return readRelayConfig(path);
  const staff = await Promise.all(DEMO_STAFF.map(async (s) => ({ id: s.id, name: s.name, role: s.role, pin: await newPinHash(s.pin) })));
  const config: RelayConfig = { relayId: 'relay-demo', name: 'Relais de démonstration', staff };
  writeRelayConfig(path, config);
  log(`No relay configuration: created ${path} with DEMO staff (agent PIN ${DEMO_STAFF[0].pin}, supervisor PIN ${DEMO_STAFF[1].pin}). Replace them with \`npm run staff\` before real use.`);
  return config;
}

/**
 * The configuration as the server hands it out, re-read when the file changes, so staff
 * added with `npm run staff` reach terminals without a restart. A broken edit keeps the
 * last good configuration (and says so) rather than locking every agent out.
 */
export async function relayConfigSource(path: string): Promise<() => RelayConfig> {
  let current = await loadOrCreateRelayConfig(path);
  let seen = statSync(path).mtimeMs;
  return () => {
    try {
      const mtime = statSync(path).mtimeMs;
      if (mtime !== seen) {
        seen = mtime;
        const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
        if (isRelayConfig(parsed)) current = parsed;
        else console.warn(`${path} is not a valid relay configuration: keeping the previous one`);
      }
    } catch (error) {
      console.warn(`${path} could not be read: keeping the previous relay configuration`, error);
    }
    return current;
  };
}
