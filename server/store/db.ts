/**
 * The storage contract the rest of the server uses: plain SQL with $1 parameters, the
 * same on PGlite (the embedded default, so `npm start` needs nothing installed) and on
 * PostgreSQL (DATABASE_URL, for more than one API node). Timestamps come back as Date and
 * jsonb as parsed values on both; pass timestamps as ISO strings and jsonb as JSON text
 * with explicit casts (`$1::timestamptz`, `$2::jsonb`) so both drivers agree.
 */
export type StoreKind = 'pglite' | 'postgres';

export interface Queryable {
  /** Runs one statement and returns its rows (use RETURNING to learn what a write did). */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: StoreKind;
  /** Commits when fn resolves, rolls back when it throws. Use only `tx` inside fn. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenDbOptions {
  /** PGlite data folder (default ./data); 'memory://' keeps it in memory (tests). */
  dataDir?: string;
  /** When set, PostgreSQL is used and dataDir is ignored. */
  databaseUrl?: string;
}

/** Opens the store (PostgreSQL when databaseUrl is set, else PGlite) without migrating it. */
export async function openDb(options: OpenDbOptions = {}): Promise<Db> {
  if (options.databaseUrl) {
    const { openPostgres } = await import('./postgres.ts');
    return openPostgres(options.databaseUrl);
  }
  const { openPglite } = await import('./pglite.ts');
  return openPglite(options.dataDir ?? './data');
}
