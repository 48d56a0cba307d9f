/**
 * The HTTP application (DESIGN §4): the sync API under /api and, when a build folder is
 * given, the kiosk itself. Returned without listening, so tests drive it with
 * app.request() and main.ts serves it.
 */
import { Hono } from 'hono';
import type { HealthResponse } from '../src/core/sync/protocol.ts';
import { API } from '../src/core/sync/protocol.ts';
import { kioskFiles } from './http/kiosk-files.ts';
import { problemResponse } from './http/reply.ts';
import { applySecurityHeaders, securityHeaders } from './http/security-headers.ts';
import type { KeyRing } from './keys/key-ring.ts';
import { auditRoute } from './routes/audit.ts';
import { catalogRoute } from './routes/catalog.ts';
import { submitRoute, trackingRoute } from './routes/submissions.ts';
import type { Db } from './store/db.ts';

export interface AppOptions {
  db: Db;
  /** The sealing keys: the catalog hands out the current one, submissions are opened with them. */
  keys: KeyRing;
  /** The server version reported by /api/health (package.json's). */
  version: string;
  /** The built kiosk (e.g. ./dist); omitted, only the API is served. */
  staticDir?: string;
}

export function createApp({ db, keys, version, staticDir }: AppOptions): Hono {
  const app = new Hono();
  app.use('*', securityHeaders);

  app.get(API.health, (c) => c.json({ status: 'ok', store: db.kind, version } satisfies HealthResponse));
  app.get(API.catalog, catalogRoute(db, keys));
  app.post(API.submissions, submitRoute(db, keys));
  app.get(`${API.submissions}/:trackingCode`, trackingRoute(db));
  app.post(API.audit, auditRoute(db));
  app.all('/api/*', () => problemResponse(404, 'not-found'));
  if (staticDir) app.use('*', kioskFiles(staticDir));

  app.notFound(() => problemResponse(404, 'not-found'));
  app.onError((error, c) => {
    // One failed request must not take the server down; the cause goes to the log only.
    console.error(`${c.req.method} ${c.req.path} failed:`, error);
    const response = problemResponse(500, 'internal-error');
    applySecurityHeaders(response.headers);
    return response;
  });
  return app;
}
