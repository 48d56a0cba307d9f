/**
 * The search index of the current catalog for the page: from memory, else from IndexedDB,
 * else built by a worker (on the main thread only where workers fail). Concurrent callers
 * share one load, and the page keeps the last index so the home screen does not read it
 * again each time it is shown.
 */
import type { SearchIndex } from '../core/search/search-index.ts';
import type { RelaisDb } from './db.ts';
import { buildAndStoreSearchIndex, loadSearchIndex } from './search-index-store.ts';
import type { SearchIndexWorkerReply } from './search-index.worker.ts';

let current: SearchIndex | null = null;
const pending = new Map<number, Promise<SearchIndex | null>>();

function buildInWorker(): Promise<SearchIndex | null> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./search-index.worker.ts', import.meta.url), { type: 'module' });
    const done = () => worker.terminate();
    worker.onmessage = (event: MessageEvent<SearchIndexWorkerReply>) => {
      done();
      if (event.data.ok) resolve(event.data.index);
      else reject(new Error(event.data.error));
    };
    worker.onerror = (event) => {
      done();
      reject(new Error(event.message || 'search index worker failed'));
    };
    worker.postMessage('build');
  });
}

async function loadOrBuild(database: RelaisDb, catalogVersion: number): Promise<SearchIndex | null> {
  const stored = await loadSearchIndex(database, catalogVersion);
  if (stored) return stored;
  try {
    return await buildInWorker();
  } catch (error) {
    console.warn('search index worker failed; building on the main thread', error);
    return buildAndStoreSearchIndex(database);
  }
}

/** The last index this page loaded, whatever its version (null before the first). */
export function lastSearchIndex(): SearchIndex | null {
  return current;
}

export function searchIndexFor(database: RelaisDb, catalogVersion: number): Promise<SearchIndex | null> {
  if (current?.catalogVersion === catalogVersion) return Promise.resolve(current);
  let load = pending.get(catalogVersion);
  if (!load) {
    load = loadOrBuild(database, catalogVersion).then(
      (index) => {
        pending.delete(catalogVersion);
        if (index && (!current || index.catalogVersion >= current.catalogVersion)) current = index;
        return index;
      },
      (error: unknown) => {
        pending.delete(catalogVersion);
        throw error;
      },
    );
    pending.set(catalogVersion, load);
  }
  return load;
}
