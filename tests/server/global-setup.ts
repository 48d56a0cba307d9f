/**
 * Starts one throwaway PostgreSQL for the whole server suite; each test file then makes
 * its own database in it (helpers/test-db.ts), so files never see each other's rows.
 */
import type { TestProject } from 'vitest/node';
import { startPostgres } from '../support/postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgres = await startPostgres();
  project.provide('databaseUrl', postgres.url);
  return () => postgres.stop();
}
