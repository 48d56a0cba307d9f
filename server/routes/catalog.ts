/**
 * GET /api/catalog and /api/catalog?since=V. The ETag names the catalog version (and
 * the base of a delta), so a kiosk that is up to date gets an empty 304. no-cache: a
 * cache may keep the body but must ask us before using it.
 */
import type { Handler } from 'hono';
import { catalogVersion, readCatalog } from '../catalog/catalog-reads.ts';
import { matchesIfNoneMatch } from '../http/etag.ts';
import { problemResponse } from '../http/reply.ts';
import type { Db } from '../store/db.ts';

const etagFor = (version: number, since: number | null) => (since === null ? `"c${version}"` : `"c${version}-s${since}"`);

function parseSince(raw: string | undefined): number | null | 'invalid' {
  if (raw === undefined) return null;
  if (!/^\d{1,9}$/.test(raw)) return 'invalid';
  return Number(raw);
}

export function catalogRoute(db: Db): Handler {
  return async (c) => {
    const since = parseSince(c.req.query('since'));
    const current = await catalogVersion(db);
    if (since === 'invalid' || (since !== null && since > current)) {
      return problemResponse(400, 'invalid-request', { detail: `since must be an integer from 0 to ${current}` });
    }
    const cached = etagFor(current, since);
    if (matchesIfNoneMatch(c.req.header('if-none-match'), cached)) {
      return new Response(null, { status: 304, headers: { ETag: cached, 'Cache-Control': 'no-cache' } });
    }
    const catalog = await readCatalog(db, since);
    // The version may have moved on since the check above; the ETag follows the body.
    c.header('ETag', etagFor(catalog.version, since));
    c.header('Cache-Control', 'no-cache');
    return c.json(catalog);
  };
}
