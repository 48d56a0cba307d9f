import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { openDb } from '../../server/store/db.ts';
import { listMigrations, migrate } from '../../server/store/migrate.ts';
import { freshDatabaseUrl, STORES, useTestDb } from './helpers/test-db.ts';
import { testKeys } from './helpers/keys.ts';

describe.each(STORES)('the %s store', (kind) => {
  const db = useTestDb(kind, { reset: false });

  it('is reported by the health check with the server version', async () => {
    const res = await createApp({ db: db(), keys: testKeys(), version: '9.8.7' }).request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', store: kind, version: '9.8.7' });
  });

  it('applies every migration once, so running them again is harmless', async () => {
    expect(await migrate(db())).toEqual([]);
    const rows = await db().query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    expect(rows.map((r) => r.name)).toEqual(listMigrations().map((m) => m.name));
  });

  it('rolls back a transaction that throws', async () => {
    await db().exec('CREATE TABLE IF NOT EXISTS scratch (n integer)');
    await expect(
      db().transaction(async (tx) => {
        await tx.query('INSERT INTO scratch (n) VALUES ($1)', [1]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db().query('SELECT n FROM scratch')).toEqual([]);
  });
});

describe('opening a store', () => {
  it('picks PostgreSQL when a database URL is given', async () => {
    const db = await openDb({ databaseUrl: await freshDatabaseUrl(), dataDir: '/nonexistent' });
    try {
      expect(db.kind).toBe('postgres');
    } finally {
      await db.close();
    }
  });

  it('keeps PGlite data in its folder across a restart, and migrating the reopened folder changes nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'relais-pglite-'));
    try {
      const first = await openDb({ dataDir });
      expect(first.kind).toBe('pglite');
      expect((await migrate(first)).length).toBe(listMigrations().length);
      await first.query(`INSERT INTO catalog_versions (version, published_at, changes) VALUES (1, now(), '{}'::jsonb)`);
      await first.close();

      const again = await openDb({ dataDir });
      try {
        expect(await migrate(again)).toEqual([]);
        expect(await again.query('SELECT version FROM catalog_versions')).toEqual([{ version: 1 }]);
      } finally {
        await again.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
