/**
 * A text field's `pattern` is written without flags and must match the whole trimmed
 * value. It is compiled in Unicode mode ('u'), like JSON Schema's `pattern`, so a catalog
 * author can use classes such as \p{Script=Arabic} and the kiosk and server agree on
 * what it means. Compiled patterns are cached: validation runs on every keystroke.
 */
const cache = new Map<string, RegExp | null>();

/** The anchored regular expression, or null when the pattern does not compile. */
export function compilePattern(pattern: string): RegExp | null {
  let compiled = cache.get(pattern);
  if (compiled === undefined) {
    try {
      new RegExp(pattern, 'u'); // alone first: `a)|(b` must fail, not escape the anchors
      compiled = new RegExp(`^(?:${pattern})$`, 'u');
    } catch {
      compiled = null;
    }
    if (cache.size > 500) cache.clear(); // a bounded cache; catalogs reuse few patterns
    cache.set(pattern, compiled);
  }
  return compiled;
}
