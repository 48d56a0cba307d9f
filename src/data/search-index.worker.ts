/**
 * Builds the search index off the main thread: cold, about 0.4 s for 2,700 services and
 * 1.4 s for 10,000 in Node on the 2-core bench machine (bench/search-latency.ts), many
 * times the ~50 ms a kiosk can spend without the screen stalling, and a kiosk is slower. The worker opens its own connection, reads
 * the cached catalog, stores the index and hands it back (its typed arrays transferred,
 * not copied).
 */
import type { SearchIndex } from '../core/search/search-index.ts';
import { RelaisDb } from './db.ts';
import { buildAndStoreSearchIndex } from './search-index-store.ts';

export type SearchIndexWorkerReply = { ok: true; index: SearchIndex | null; ms: number } | { ok: false; error: string };

// This file is type-checked with the page's DOM types; a dedicated worker's scope has these two.
const scope = self as unknown as {
  onmessage: (() => void) | null;
  postMessage(message: SearchIndexWorkerReply, transfer?: Transferable[]): void;
};

scope.onmessage = () => {
  const started = performance.now();
  const database = new RelaisDb();
  buildAndStoreSearchIndex(database)
    .then((index) => {
      const transfer = index ? [index.starts.buffer, index.postings.buffer, index.titleWords.buffer] : [];
      scope.postMessage({ ok: true, index, ms: performance.now() - started }, transfer);
    })
    .catch((error: unknown) => scope.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) }))
    .finally(() => database.close());
};
