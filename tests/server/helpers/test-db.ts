/**
 * Fresh stores for tests. Every scenario runs on both: `describe.each(STORES)`. PGlite is
 * in memory (a first open costs seconds, so a file opens one per store and empties it
 * between tests with resetDb); PostgreSQL gets a new database in the suite's server.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import { openDb, type Db, type StoreKind } from '../../../server/store/db.ts';
import { migrate } from '../../../server/store/migrate.ts';

export const STORES: StoreKind[] = ['pglite', 'postgres'];

/** A URL to a new, empty database on the suite's PostgreSQL server. */
export async function freshDatabaseUrl(): Promise<string> {
  const adminUrl = inject('databaseUrl');
  const name = `relais_test_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function freshDb(kind: StoreKind): Promise<Db> {
  return kind === 'postgres' ? openDb({ databaseUrl: await freshDatabaseUrl() }) : openDb({ dataDir: 'memory://' });
}

/** Empties every table (migrations stay applied), so each test starts from nothing. */
export async function resetDb(db: Db): Promise<void> {
  await db.exec('TRUNCATE attachment_uploads, staff_sessions, staff_lockouts, terminals, audit_events, submissions, idempotency_keys, catalog_form_versions, catalog_services, catalog_versions CASCADE');
}

/**
 * One migrated store for the describe block, emptied before each test. Returns a getter
 * because the store only exists once beforeAll has run.
 */
export function useTestDb(kind: StoreKind, options: { reset?: boolean } = {}): () => Db {
  let db: Db | undefined;
  beforeAll(async () => {
    db = await freshDb(kind);
    await migrate(db);
  });
  if (options.reset !== false) beforeEach(async () => resetDb(db!));
  afterAll(async () => {
    await db?.close();
  });
  return () => {
    if (!db) throw new Error('the test store is not open yet');
    return db;
  };
}
