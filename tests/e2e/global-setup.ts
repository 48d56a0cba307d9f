/**
 * One PostgreSQL and one Relais server for the whole e2e run. Tests read the server's
 * own rows through RELAIS_DATABASE_URL to check "arrived exactly once".
 */
import { execFileSync } from 'node:child_process';
import { startPostgres } from '../support/postgres.ts';
import { startServer } from './support/server-process.ts';

export default async function globalSetup(): Promise<() => Promise<void>> {
  // Always test what the sources build now, never a stale dist/.
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  // A second build with another version, for the app-update test.
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', 'dist-next', '--emptyOutDir', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, RELAIS_BUILD_VERSION: 'next' },
  });
  const postgres = await startPostgres();
  const server = await startServer({ DATABASE_URL: postgres.url, STATIC_DIR: 'dist' });
  process.env.RELAIS_URL = server.url;
  process.env.RELAIS_DATABASE_URL = postgres.url;
  return async () => {
    await server.stop();
    await postgres.stop();
  };
}
