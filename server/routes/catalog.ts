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

/**
 * A kiosk keeps the ETag of its last response and asks for changes since the version
 * that response brought it to. For a delta, any tag naming the current version (full or
 * delta: "c7", "c7-s5") means it already holds everything: 304. A full request must
 * match exactly, since a kiosk asking for the whole catalog wants the whole catalog.
 */
function holdsCurrent(ifNoneMatch: string | undefined, current: number, since: number | null): boolean {
  if (matchesIfNoneMatch(ifNoneMatch, etagFor(current, since))) return true;
  if (since === null || !ifNoneMatch) return false;
  const tag = new RegExp(`^(W/)?"c${current}(-s\\d+)?"$`);
  return ifNoneMatch.split(',').some((t) => tag.test(t.trim()));
}

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
    if (holdsCurrent(c.req.header('if-none-match'), current, since)) {
      return new Response(null, { status: 304, headers: { ETag: etagFor(current, since), 'Cache-Control': 'no-cache' } });
    }
    const catalog = await readCatalog(db, since);
    // The version may have moved on since the check above; the ETag follows the body.
    c.header('ETag', etagFor(catalog.version, since));
    c.header('Cache-Control', 'no-cache');
    return c.json(catalog);
  };
}
