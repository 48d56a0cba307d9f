/** The Intl locale for a UI language. Moroccan Arabic writes Western digits on forms. */
export function intlLocale(lang: string): string {
  return lang === 'ar' ? 'ar-MA-u-nu-latn' : `${lang}-MA`;
}
