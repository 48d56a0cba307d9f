/**
 * The server's sealing keys on disk (KEYS_DIR): one `<keyId>.json` per key pair, readable
 * by the server's user only (0600, folder 0700), and a `current` file naming the key new
 * applications are sealed to. Keys are never deleted here: an application sealed to an old
 * key, still waiting in a kiosk's outbox, must open after a rotation.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSealingKeyPair, KEY_ID_PATTERN, keyIdFor, publicJwk, type SealingKeyPair } from '../../src/core/crypto/keys.ts';
import type { JsonWebKeyLike } from '../../src/core/sync/protocol.ts';

export interface StoredKeyPair extends SealingKeyPair {
  createdAt: string;
}

export interface KeyFolder {
  keys: StoredKeyPair[];
  currentId: string | null;
  /** Files that are not valid key pairs, with the reason (logged; never fatal by themselves). */
  problems: string[];
}

const CURRENT = 'current';
const KEY_FILE = /^(k-[0-9a-f]{12})\.json$/;

/** Writes a file whole or not at all (a power cut mid-write must not leave half a key). */
function writeAtomic(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode: 0o600, flag: 'wx' });
  renameSync(temporary, path);
}

function ensureFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

async function readKeyFile(path: string, fileId: string): Promise<StoredKeyPair> {
  const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<StoredKeyPair>;
  if (typeof value.createdAt !== 'string' || !value.publicKey || !value.privateKey) throw new Error('not a key file');
  const publicKey = publicJwk(value.publicKey);
  const keyId = await keyIdFor(publicKey);
  if (keyId !== fileId || value.keyId !== fileId) throw new Error(`its key is ${keyId}, not ${fileId}`);
  const privateKey = value.privateKey as JsonWebKeyLike;
  if (typeof privateKey.d !== 'string' || privateKey.x !== publicKey.x || privateKey.y !== publicKey.y) {
    throw new Error('the private key does not match the public key');
  }
  return { keyId, createdAt: value.createdAt, publicKey, privateKey: { ...publicKey, d: privateKey.d } };
}

export async function readKeyFolder(dir: string): Promise<KeyFolder> {
  if (!existsSync(dir)) return { keys: [], currentId: null, problems: [] };
  const keys: StoredKeyPair[] = [];
  const problems: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const match = KEY_FILE.exec(name);
    if (!match) continue;
    try {
      keys.push(await readKeyFile(join(dir, name), match[1]!));
    } catch (error) {
      problems.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  let currentId: string | null = null;
  if (existsSync(join(dir, CURRENT))) {
    const named = readFileSync(join(dir, CURRENT), 'utf8').trim();
    if (!KEY_ID_PATTERN.test(named) || !keys.some((k) => k.keyId === named)) problems.push(`${CURRENT}: names ${JSON.stringify(named.slice(0, 40))}, which is not a key here`);
    else currentId = named;
  }
  return { keys, currentId, problems };
}

/** Makes a key pair, writes it, and makes it current. */
export async function addKey(dir: string, now = new Date()): Promise<StoredKeyPair> {
  ensureFolder(dir);
  const pair: StoredKeyPair = { ...(await generateSealingKeyPair()), createdAt: now.toISOString() };
  writeAtomic(join(dir, `${pair.keyId}.json`), `${JSON.stringify(pair, null, 2)}\n`);
  writeAtomic(join(dir, CURRENT), `${pair.keyId}\n`);
  return pair;
}

/** When `current` last changed: a running server reloads when it moves (a rotation). */
export function currentStamp(dir: string): string {
  try {
    const info = statSync(join(dir, CURRENT));
    return `${info.mtimeMs}:${info.size}:${info.ino}`;
  } catch {
    return 'none';
  }
}
