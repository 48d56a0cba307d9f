/**
 * The search index of the cached catalog, for the home screen: loaded once per page from
 * IndexedDB (or built by a worker when the catalog version changed), then kept in memory.
 * Until a newer one is ready, the previous version's index keeps answering.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SearchIndex } from '../../core/search/search-index.ts';
import { db } from '../../data/db.ts';
import { getMeta } from '../../data/meta.ts';
import { lastSearchIndex, searchIndexFor } from '../../data/search-index-loader.ts';
import { useLiveQuery } from '../hooks/use-live-query.ts';

export function useSearchIndex(): SearchIndex | null {
  const version = useLiveQuery(() => getMeta<number>(db(), 'catalogVersion'), []);
  const [index, setIndex] = useState<SearchIndex | null>(lastSearchIndex);
  useEffect(() => {
    if (version == null) return;
    let live = true;
    searchIndexFor(db(), version).then(
      (next) => {
        if (live && next) setIndex(next);
      },
      (error: unknown) => console.error('search index could not be loaded or built', error),
    );
    return () => {
      live = false;
    };
  }, [version]);
  return index;
}
