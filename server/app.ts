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
import { noRateLimit, rateLimiter, type RateLimitOptions } from './http/rate-limit.ts';
import { applySecurityHeaders, securityHeaders } from './http/security-headers.ts';
import type { KeyRing } from './keys/key-ring.ts';
import { auditRoute } from './routes/audit.ts';
import { catalogRoute } from './routes/catalog.ts';
import { relayRoute } from './routes/relay.ts';
import { figuresRoute } from './routes/figures.ts';
import { clipAudioRoute, manifestRoute, publishClipRoute } from './routes/speech.ts';
import { requireDevice } from './http/device-auth.ts';
import { endStaffSessionRoute, enrollRoute, heartbeatRoute, listTerminalsRoute, openStaffSessionRoute, renewRoute, revokeTerminalRoute } from './routes/terminals.ts';
import { HEARTBEAT_PATH } from '../src/core/sync/heartbeat.ts';
import { FIGURES_PATH } from '../src/core/figures/figures.ts';
import type { RelayConfig } from '../src/core/auth/staff.ts';
import { submitRoute, trackingRoute } from './routes/submissions.ts';
import { attachmentChunkRoute, attachmentStatusRoute } from './routes/attachments.ts';
import { knownSubmissionsRoute, registerSigningKeyRoute, terminalKeysRoute } from './routes/bundles.ts';
import { TERMINAL_KEY_PATHS } from '../src/core/bundle/terminal-keys.ts';
import { KNOWN_SUBMISSIONS_PATH } from '../src/core/bundle/known-submissions.ts';
import type { Db } from './store/db.ts';

export interface AppOptions {
  db: Db;
  /** The sealing keys: the catalog hands out the current one, submissions are opened with them. */
  keys: KeyRing;
  /** Requests per minute per terminal; omitted (or 0), nothing is limited. */
  rateLimit?: RateLimitOptions;
  /** The server version reported by /api/health (package.json's). */
  version: string;
  /** The built kiosk (e.g. ./dist); omitted, only the API is served. */
  staticDir?: string;
  /** The relay configuration (staff and PIN hashes) for offline sign-in; omitted, /api/relay is 404. */
  relay?: () => RelayConfig;
  /** Days a device token lives (the kiosk renews it at half-life); default 90. */
  tokenTtlDays?: number;
  /** Minutes without a heartbeat before the dashboard shows a terminal as stale; default 30. */
  staleAfterMinutes?: number;
}

export function createApp({ db, keys, version, staticDir, rateLimit, relay, tokenTtlDays, staleAfterMinutes }: AppOptions): Hono {
  const app = new Hono();
  const limiter = rateLimit && rateLimit.perMinute > 0 ? rateLimiter(rateLimit) : noRateLimit;
  app.use('*', securityHeaders);

  // Health is not limited: load balancers and monitoring poll it.
  app.get(API.health, (c) => c.json({ status: 'ok', store: db.kind, version } satisfies HealthResponse));
  // Everything below but enrollment needs an enrolled terminal's device token.
  app.use('/api/*', requireDevice(db, limiter));
  const terminals = { db, limiter, ...(relay ? { relay } : {}), ...(tokenTtlDays ? { tokenTtlDays } : {}), ...(staleAfterMinutes ? { staleAfterMinutes } : {}) };
  app.post(API.enroll, enrollRoute(terminals));
  app.post(API.terminalToken, renewRoute(terminals));
  app.post(HEARTBEAT_PATH, heartbeatRoute(terminals));
  app.post(API.staffSessions, openStaffSessionRoute(terminals));
  app.delete(API.staffSessions, endStaffSessionRoute(terminals));
  app.get(API.terminals, listTerminalsRoute(terminals));
  app.post(`${API.terminals}/:id/revoke`, revokeTerminalRoute(terminals));
  app.get(API.catalog, catalogRoute(db, keys));
  // Store-and-forward bundles: signing keys, and which applications the server already holds.
  app.put(TERMINAL_KEY_PATHS.own, registerSigningKeyRoute(db));
  app.get(TERMINAL_KEY_PATHS.relay, terminalKeysRoute(db));
  app.post(KNOWN_SUBMISSIONS_PATH, knownSubmissionsRoute(db));
  app.post(API.submissions, submitRoute(db, keys));
  app.put(`${API.submissions}/:id/attachments/:attachmentId`, attachmentChunkRoute(db));
  app.get(`${API.submissions}/:id/attachments/:attachmentId`, attachmentStatusRoute(db));
  app.get(`${API.submissions}/:trackingCode`, trackingRoute(db));
  app.post(API.audit, auditRoute(db));
  if (relay) app.get(API.relay, relayRoute(relay));
  app.get(FIGURES_PATH, figuresRoute(terminals));
  const speech = { db, limiter, ...(relay ? { relay } : {}) };
  app.post(API.speechClips, publishClipRoute(speech));
  app.get(API.speechManifest, manifestRoute(speech));
  app.get(`${API.speechClips}/:language/:key`, clipAudioRoute(speech));
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
