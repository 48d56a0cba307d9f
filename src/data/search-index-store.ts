/**
 * The stored search index: one per catalog version, built from the cached catalog and
 * kept until a newer catalog replaces it, so a kiosk never rebuilds it at start-up.
 */
import { buildSearchIndex, isSearchIndex, type SearchIndex } from '../core/search/search-index.ts';
import type { RelaisDb } from './db.ts';
import { getMeta } from './meta.ts';

/** The stored index of this catalog version, or null (none yet, or an older format). */
export async function loadSearchIndex(database: RelaisDb, catalogVersion: number): Promise<SearchIndex | null> {
  const stored = await database.searchIndex.get(catalogVersion);
  return isSearchIndex(stored) ? stored : null;
}

/**
 * Builds the index of the cached catalog and stores it, replacing older ones. The catalog
 * and its version are read in one transaction (catalog-sync writes them in one), and the
 * index is stored only if the catalog has not moved on meanwhile: a refresh landing during
 * the build must not leave an index that misses its new services.
 */
export async function buildAndStoreSearchIndex(database: RelaisDb): Promise<SearchIndex | null> {
  const snapshot = await database.transaction('r', database.catalog, database.meta, async () => ({
    version: await getMeta<number>(database, 'catalogVersion'),
    services: (await database.catalog.toArray()).map((entry) => entry.definition),
  }));
  if (snapshot.version == null) return null;
  const index = buildSearchIndex(snapshot.services, snapshot.version);
  await storeSearchIndex(database, index);
  return index;
}

/** Stores the index in place of older ones, unless the cached catalog is no longer its version. */
export async function storeSearchIndex(database: RelaisDb, index: SearchIndex): Promise<boolean> {
  return database.transaction('rw', database.searchIndex, database.meta, async () => {
    if ((await getMeta<number>(database, 'catalogVersion')) !== index.catalogVersion) return false;
    await database.searchIndex.clear();
    await database.searchIndex.put(index);
    return true;
  });
}
