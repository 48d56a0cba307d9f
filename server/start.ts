/**
 * Everything a start does before serving: open the sealing keys (making the first one on
 * a first start), open and migrate the store, clear expired idempotency keys and abandoned uploads (store/housekeeping.ts), publish the
 * catalog folder. Kept apart from main.ts so tests and
 * scripts can start a server the same way without process signals.
 */
import { loadCatalog } from './catalog/load-catalog.ts';
import { publishCatalog, type PublishResult } from './catalog/publish-catalog.ts';
import type { ServerConfig } from './config.ts';
import { openKeyRing, type KeyRing } from './keys/key-ring.ts';
import { openDb, type Db } from './store/db.ts';
import { migrate } from './store/migrate.ts';
import { housekeeping } from './store/housekeeping.ts';

export interface Prepared {
  db: Db;
  keys: KeyRing;
  catalog: PublishResult | null;
}

/** The key ring of KEYS_DIR, with what an operator must know about it in the log. */
export async function prepareKeys(keysDir: string): Promise<KeyRing> {
  const { ring, generated, problems } = await openKeyRing(keysDir);
  for (const problem of problems) console.warn(`Key folder ${keysDir}: ${problem}`);
  if (generated) {
    console.log(`Generated sealing key ${generated.keyId} in ${keysDir}. Back this folder up: applications sealed to a lost key cannot be read.`);
  }
  return ring;
}

/** Publishes the catalog folder; a missing or unreadable folder keeps what is published. */
export async function publishCatalogDir(db: Db, dir: string): Promise<PublishResult | null> {
  let loaded;
  try {
    loaded = loadCatalog(dir);
  } catch (error) {
    // Publishing an empty list would unpublish every service: keep the last good catalog.
    console.warn(`Catalog folder ${dir} not readable (${error instanceof Error ? error.message : String(error)}); keeping the published catalog`);
    return null;
  }
  return publishCatalog(db, loaded.services, { keep: loaded.rejected.map((r) => r.id) });
}

export async function prepare(config: ServerConfig): Promise<Prepared> {
  const keys = await prepareKeys(config.keysDir);
  const db = await openDb({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    await migrate(db);
    await housekeeping(db);
    const catalog = await publishCatalogDir(db, config.catalogDir);
    return { db, keys, catalog };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
