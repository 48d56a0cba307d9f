/**
 * One-typo matching (Damerau–Levenshtein distance ≤ 1: one letter wrong, missing, extra, or
 * two neighbours swapped), in linear time: at the first difference, try each of the four
 * repairs and compare the rest. Scanning every term of the index this way costs well under
 * a millisecond per keystroke at 10,000 services (bench/search-latency.ts).
 */

function sameFrom(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}

/** Whether `a` and `b` differ by at most one edit. */
export function withinOneEdit(a: string, b: string): boolean {
  const d = a.length - b.length;
  if (d > 1 || d < -1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === a.length && i === b.length) return true;
  if (d === 0) {
    if (sameFrom(a, i + 1, b, i + 1)) return true; // substitution
    return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && sameFrom(a, i + 2, b, i + 2); // transposition
  }
  return d > 0 ? sameFrom(a, i + 1, b, i) : sameFrom(a, i, b, i + 1); // deletion / insertion
}

function prefixFrom(q: string, i: number, t: string, j: number): boolean {
  if (q.length - i > t.length - j) return false;
  for (; i < q.length; i++, j++) if (q.charCodeAt(i) !== t.charCodeAt(j)) return false;
  return true;
}

/** Whether `query` is within one edit of some prefix of `term` (a word still being typed). */
export function withinOneEditOfPrefix(query: string, term: string): boolean {
  let i = 0;
  while (i < query.length && i < term.length && query.charCodeAt(i) === term.charCodeAt(i)) i++;
  if (i === query.length) return true; // a plain prefix
  if (i === term.length) return query.length - i === 1; // one letter too many at the end
  return (
    prefixFrom(query, i + 1, term, i + 1) || // substitution
    prefixFrom(query, i + 1, term, i) || // an extra letter typed
    prefixFrom(query, i, term, i + 1) || // a letter left out
    (i + 1 < query.length && query[i] === term[i + 1] && query[i + 1] === term[i] && prefixFrom(query, i + 2, term, i + 2)) // swapped
  );
}
