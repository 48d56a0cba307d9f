/**
 * POST KNOWN_SUBMISSIONS_PATH `{ ids }` (device token) → 200 `{ known }`: which of these
 * applications the server already stored. A terminal importing a bundle asks it while
 * online, so an application another route already delivered is skipped, not queued again.
 * Only ids go either way: a caller learns nothing it did not already hold.
 */
import { isUuid } from '../ids/uuid.ts';

export const KNOWN_SUBMISSIONS_PATH = '/api/submissions/known';
/** Most ids per request; a kiosk asks in batches of this size. */
export const MAX_KNOWN_IDS = 1_000;

export interface KnownSubmissionsRequest {
  ids: string[];
}
export interface KnownSubmissions {
  known: string[];
}

export function checkKnownRequest(body: unknown): { ok: true; ids: string[] } | { ok: false; detail: string } {
  const ids = (body as Partial<KnownSubmissionsRequest> | null)?.ids;
  if (!Array.isArray(ids)) return { ok: false, detail: 'the body must be an object with an ids array' };
  if (ids.length > MAX_KNOWN_IDS) return { ok: false, detail: `at most ${MAX_KNOWN_IDS} ids per request` };
  if (!ids.every(isUuid)) return { ok: false, detail: 'every id must be a lower-case UUID' };
  return { ok: true, ids: [...new Set(ids)] };
}
