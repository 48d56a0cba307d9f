/**
 * The locale namespaces: locales/<lang>/<namespace>.json. `common` and `errors` serve
 * every screen; the others hold the supervisor's and agents' screens, one per feature,
 * so each can grow without touching the others' files. The Vite globs in
 * src/ui/i18n/i18n.ts and src/ui/supervisor/TranslationStatus.tsx list the same names.
 */
export const NAMESPACES = ['common', 'errors', 'console', 'bundle', 'qr', 'figures'] as const;
export type Namespace = (typeof NAMESPACES)[number];
