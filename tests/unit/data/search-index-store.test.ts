/**
 * The stored search index: built once per catalog version, read back instead of rebuilt,
 * replaced when the catalog moves on, and never stored for a catalog that changed while
 * it was being built.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../src/core/search/search-index.ts';
import { searchServices } from '../../../src/core/search/search.ts';
import { RelaisDb } from '../../../src/data/db.ts';
import { setMeta } from '../../../src/data/meta.ts';
import { buildAndStoreSearchIndex, loadSearchIndex, storeSearchIndex } from '../../../src/data/search-index-store.ts';
import { demoService } from '../../support/catalog.ts';

const freshDb = () => new RelaisDb(`t-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });

async function cacheCatalog(db: RelaisDb, version: number, ids: string[]) {
  await db.catalog.clear();
  await db.catalog.bulkPut(ids.map((id) => ({ id, definition: demoService(id) })));
  await setMeta(db, 'catalogVersion', version);
}

describe('the stored search index', () => {
  it('is built from the cached catalog, stored under its version and read back as it was', async () => {
    const db = freshDb();
    await cacheCatalog(db, 4, ['residence-certificate', 'life-certificate']);
    const built = await buildAndStoreSearchIndex(db);
    expect(built?.catalogVersion).toBe(4);
    const loaded = await loadSearchIndex(db, 4);
    expect(loaded).not.toBeNull();
    expect(searchServices(loaded!, 'شهادة السكنى').hits[0]?.id).toBe('residence-certificate');
    expect(searchServices(loaded!, 'vie').hits[0]?.id).toBe('life-certificate');
  });

  it('has nothing for a version it was not built for, and keeps only the newest', async () => {
    const db = freshDb();
    await cacheCatalog(db, 4, ['residence-certificate']);
    await buildAndStoreSearchIndex(db);
    expect(await loadSearchIndex(db, 5)).toBeNull();
    await cacheCatalog(db, 5, ['residence-certificate', 'life-certificate']);
    await buildAndStoreSearchIndex(db);
    expect(await db.searchIndex.toCollection().primaryKeys()).toEqual([5]);
    expect((await loadSearchIndex(db, 5))!.ids).toHaveLength(2);
  });

  it('builds nothing before the first catalog arrives', async () => {
    expect(await buildAndStoreSearchIndex(freshDb())).toBeNull();
  });

  it('does not store an index for a catalog that changed during the build', async () => {
    const db = freshDb();
    await cacheCatalog(db, 4, ['residence-certificate']);
    const index = buildSearchIndex([demoService('residence-certificate')], 4);
    await setMeta(db, 'catalogVersion', 5); // a refresh landed while the worker was building
    expect(await storeSearchIndex(db, index)).toBe(false);
    expect(await db.searchIndex.count()).toBe(0);
  });

  it('ignores a stored value of another format', async () => {
    const db = freshDb();
    await db.searchIndex.put({ catalogVersion: 7, format: 0 } as never);
    expect(await loadSearchIndex(db, 7)).toBeNull();
  });
});
