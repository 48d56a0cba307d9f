/**
 * GET /api/catalog and /api/catalog?since=V. The ETag names the catalog version, the base
 * of a delta and the sealing key, so a kiosk that is up to date gets an empty 304 and a
 * key rotation reaches every kiosk on its next poll. no-cache: a cache may keep the body
 * but must ask us before using it.
 */
import type { Handler } from 'hono';
import { catalogVersion, readCatalog } from '../catalog/catalog-reads.ts';
import { matchesIfNoneMatch } from '../http/etag.ts';
import { requestTerminal } from '../http/device-auth.ts';
import { problemResponse } from '../http/reply.ts';
import type { KeyRing } from '../keys/key-ring.ts';
import type { Db } from '../store/db.ts';

export const etagFor = (version: number, since: number | null, keyId: string): string =>
  since === null ? `"c${version}-${keyId}"` : `"c${version}-s${since}-${keyId}"`;

/**
 * A kiosk keeps the ETag of its last response and asks for changes since the version
 * that response brought it to. For a delta, any tag naming the current version and key
 * (full or delta: "c7-k…", "c7-s5-k…") means it already holds everything: 304. A full
 * request must match exactly, since a kiosk asking for the whole catalog wants it whole.
 * A tag without the current key (an older server's "c7", or the key before a rotation)
 * never matches: the kiosk gets a body with the key to seal to.
 */
function holdsCurrent(ifNoneMatch: string | undefined, current: number, since: number | null, keyId: string): boolean {
  if (matchesIfNoneMatch(ifNoneMatch, etagFor(current, since, keyId))) return true;
  if (since === null || !ifNoneMatch) return false;
  const tag = new RegExp(`^(W/)?"c${current}(-s\\d+)?-${keyId}"$`);
  return ifNoneMatch.split(',').some((t) => tag.test(t.trim()));
}

function parseSince(raw: string | undefined): number | null | 'invalid' {
  if (raw === undefined) return null;
  if (!/^\d{1,9}$/.test(raw)) return 'invalid';
  return Number(raw);
}

export function catalogRoute(db: Db, keys: KeyRing): Handler {
  return async (c) => {
    const since = parseSince(c.req.query('since'));
    const current = await catalogVersion(db);
    if (since === 'invalid' || (since !== null && since > current)) {
      return problemResponse(400, 'invalid-request', { detail: `since must be an integer from 0 to ${current}` });
    }
    const sealing = await keys.current();
    if (holdsCurrent(c.req.header('if-none-match'), current, since, sealing.keyId)) {
      return new Response(null, { status: 304, headers: { ETag: etagFor(current, since, sealing.keyId), 'Cache-Control': 'no-cache' } });
    }
    const catalog = await readCatalog(db, since);
    // The version may have moved on since the check above; the ETag follows the body.
    c.header('ETag', etagFor(catalog.version, since, sealing.keyId));
    c.header('Cache-Control', 'no-cache');
    return c.json({ ...catalog, sealing });
  };
}
