/**
 * The locale namespaces: locales/<lang>/<namespace>.json. `common` and `errors` serve
 * every screen; the others hold the supervisor's and agents' screens, one per feature,
 * so each can grow without touching the others' files. The Vite globs in
 * src/ui/i18n/i18n.ts and src/ui/supervisor/TranslationStatus.tsx list the same names.
 */
export const NAMESPACES = ['common', 'errors', 'console', 'bundle', 'qr', 'figures'] as const;
export type Namespace = (typeof NAMESPACES)[number];
/**
 * The namespaces a citizen sees. `npm run i18n:check` fails when any language lacks a key
 * of these that the UI uses; the others (staff-only screens) must be complete in Arabic and
 * French, and their Amazigh gaps are only reported until the drafts catch up.
 */
export const CITIZEN_NAMESPACES: readonly Namespace[] = ['common', 'errors'];
export const isCitizenKey = (key: string): boolean => (CITIZEN_NAMESPACES as readonly string[]).includes(key.slice(0, key.indexOf(':')));
