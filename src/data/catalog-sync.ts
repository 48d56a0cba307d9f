/**
 * Brings the cached catalog up to date: a conditional GET with the stored ETag, a delta
 * with `?since=` once we have a version, each entry checked against the JSON Schema.
 * A bad entry is skipped and reported; a bad response keeps the cache as it was.
 */
import { checkCatalog } from '../core/catalog/check-catalog.ts';
import { API, type CatalogResponse, type SealingKey } from '../core/sync/protocol.ts';
import type { RelaisDb } from './db.ts';
import { apiFetch } from './enrollment.ts';
import { getMeta, setMeta } from './meta.ts';

export interface CatalogProblem {
  id?: string;
  index: number;
  errors: string[];
}

export type CatalogSyncResult =
  | { kind: 'unchanged'; version: number }
  | { kind: 'updated'; version: number; upserted: number; removed: number; rejected: CatalogProblem[] }
  | { kind: 'failed'; reason: 'offline' | 'http' | 'unreadable'; status?: number };

function isSealingKey(value: unknown): value is SealingKey {
  const k = value as Partial<SealingKey> | null;
  return !!k && typeof k.keyId === 'string' && !!k.publicKey && k.publicKey.kty === 'EC' && k.publicKey.crv === 'P-256';
}

function isCatalogResponse(body: unknown): body is CatalogResponse {
  const b = body as Partial<CatalogResponse> | null;
  return !!b && Number.isInteger(b.version) && typeof b.full === 'boolean' && Array.isArray(b.services) && Array.isArray(b.removed);
}

export async function syncCatalog(database: RelaisDb, baseUrl = ''): Promise<CatalogSyncResult> {
  const version = await getMeta<number>(database, 'catalogVersion');
  const etag = await getMeta<string>(database, 'catalogEtag');
  const get = (since: number | undefined, tag: string | undefined) =>
    apiFetch(database, API.catalog + (since != null ? `?since=${since}` : ''), { headers: tag ? { 'If-None-Match': tag } : {} }, baseUrl);
  let res: Response;
  try {
    res = await get(version, etag);
    // A server whose catalog was reset knows no version as high as ours: start again from a full catalog.
    if (res.status === 400 && version != null) res = await get(undefined, undefined);
  } catch {
    return { kind: 'failed', reason: 'offline' };
  }
  if (res.status === 304) return { kind: 'unchanged', version: version ?? 0 };
  if (!res.ok) return { kind: 'failed', reason: 'http', status: res.status };
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    return { kind: 'failed', reason: 'unreadable' };
  }
  if (!isCatalogResponse(body)) return { kind: 'failed', reason: 'unreadable' };
  const { services, rejected } = checkCatalog(body.services);
  for (const problem of rejected) console.warn('catalog entry skipped', problem.id ?? `#${problem.index}`, problem.errors);
  await database.transaction('rw', database.catalog, database.meta, async () => {
    if (body.full) await database.catalog.clear();
    await database.catalog.bulkDelete(body.removed);
    await database.catalog.bulkPut(services.map((definition) => ({ id: definition.id, definition })));
    await setMeta(database, 'catalogVersion', body.version);
    await setMeta(database, 'catalogEtag', res.headers.get('ETag'));
    await setMeta(database, 'catalogProblems', rejected);
    // The key new applications are sealed to. A rotated key replaces it; items already
    // sealed to the old one stay deliverable because the server keeps old keys.
    if (isSealingKey(body.sealing)) await setMeta(database, 'sealingKey', body.sealing);
  });
  return { kind: 'updated', version: body.version, upserted: services.length, removed: body.removed.length, rejected };
}
