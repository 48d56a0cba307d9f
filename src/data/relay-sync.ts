/** Keeps the relay configuration (staff and PIN hashes) cached for offline sign-in. */
import { isRelayConfig, type RelayConfig } from '../core/auth/staff.ts';
import { API } from '../core/sync/protocol.ts';
import type { RelaisDb } from './db.ts';
import { apiFetch } from './enrollment.ts';
import { getMeta, setMeta } from './meta.ts';
import { syncSigningKeys } from './terminal-keys.ts';

export async function syncRelayConfig(database: RelaisDb, baseUrl = ''): Promise<boolean> {
  try {
    const res = await apiFetch(database, API.relay, {}, baseUrl);
    if (!res.ok) return false;
    const body: unknown = await res.json();
    if (!isRelayConfig(body)) return false; // a bad answer never replaces a good cache
    await setMeta(database, 'relayConfig', body);
    // The relay's bundle-signing keys come with its configuration (and this terminal's goes up once).
    await syncSigningKeys(database, baseUrl).catch((error: unknown) => console.warn('signing keys not synced', error));
    return true;
  } catch {
    return false;
  }
}

export const cachedRelayConfig = (database: RelaisDb): Promise<RelayConfig | undefined> => getMeta<RelayConfig>(database, 'relayConfig');
