/**
 * Starts Relais: `tsx server/main.ts`. Settings come from the environment (config.ts).
 */
import { existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { relayConfigPath, relayConfigSource } from './relay/relay-config.ts';
import { catalogVersion } from './catalog/catalog-reads.ts';
import { readConfig } from './config.ts';
import { prepare } from './start.ts';
import { housekeeping } from './store/housekeeping.ts';

// A long-running server clears expired keys and abandoned uploads now and then, not only at start.
const PURGE_EVERY_MS = 12 * 3600 * 1000;

async function main(): Promise<void> {
  const config = readConfig();
  const { db, keys } = await prepare(config);
  const hasKiosk = existsSync(config.staticDir);
  if (!hasKiosk) console.warn(`No kiosk build at ${config.staticDir}: serving the API only`);
  const app = createApp({
    db,
    keys,
    version: config.version,
    rateLimit: { perMinute: config.rateLimitPerMinute, limitLoopback: config.rateLimitLoopback },
    relay: await relayConfigSource(relayConfigPath()),
    tokenTtlDays: config.tokenTtlDays,
    staleAfterMinutes: config.staleAfterMinutes,
    ...(hasKiosk ? { staticDir: config.staticDir } : {}),
  });
  const version = await catalogVersion(db);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    console.log(`Relais is running: kiosk at http://localhost:${info.port}/ (store: ${db.kind}, catalog v${version})`);
  });
  const purge = setInterval(() => {
    housekeeping(db).catch((error) => console.error('Housekeeping failed:', error));
  }, PURGE_EVERY_MS);
  purge.unref();

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, stopping`);
    clearInterval(purge);
    // Stop accepting connections, let requests in flight finish, then close the store
    // so PGlite flushes its data folder.
    server.close(() => {
      db.close().then(
        () => process.exit(0),
        (error) => {
          console.error('Closing the store failed:', error);
          process.exit(1);
        },
      );
    });
    // Idle keep-alive connections would hold close() open; a kiosk reconnects anyway.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    setTimeout(() => {
      console.error('Requests still running after 10 s; exiting anyway');
      process.exit(1);
    }, 10_000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error) => {
  console.error('Relais could not start:', error);
  process.exit(1);
});
