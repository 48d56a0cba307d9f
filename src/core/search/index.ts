/** Catalog search's public surface: folding, transcription, the index and the query. */
export { foldText } from './fold.ts';
export { tifinaghToLatin, latinToTifinagh, hasTifinagh } from './tifinagh.ts';
export { indexTokens, queryTokens, type QueryToken } from './tokenize.ts';
export { withinOneEdit, withinOneEditOfPrefix } from './fuzzy.ts';
export { SYNONYM_GROUPS } from './synonyms.ts';
export { CATEGORY_TERMS } from './category-terms.ts';
export {
  buildSearchIndex,
  indexFromJson,
  indexToJson,
  isSearchIndex,
  SEARCH_INDEX_FORMAT,
  type SearchIndex,
  type SearchIndexJson,
} from './search-index.ts';
export { searchServices, type SearchHit, type SearchResult } from './search.ts';
