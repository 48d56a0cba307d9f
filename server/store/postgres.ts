/**
 * PostgreSQL store over a pg Pool. A transaction needs every statement on one
 * connection, so it checks out a dedicated client for its whole life.
 */
import pg from 'pg';
import type { Db, Queryable } from './db.ts';

// int8 (count(*), bigserial) would otherwise arrive as strings, unlike PGlite; our values
// fit a double. Set on our pool only, not globally, so other pg users are unaffected.
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

function wrap(target: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query(sql, [...params]);
      return result.rows as T[];
    },
    async exec(sql: string) {
      // Without parameters pg uses the simple protocol, which accepts several statements.
      await target.query(sql);
    },
  };
}

export async function openPostgres(connectionString: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max: 10, types });
  // An idle client that loses its server (restart, failover) must not crash the process.
  pool.on('error', (error) => console.error('PostgreSQL idle client error:', error.message));
  await pool.query('SELECT 1'); // fail at start, not on the first request
  const base = wrap(pool);
  return {
    kind: 'postgres',
    query: base.query,
    exec: base.exec,
    async transaction(fn) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true; // the connection is unusable: let the pool discard it
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
