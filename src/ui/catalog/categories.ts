/**
 * How the home screen groups services: categories in a fixed order (the order of
 * catalog/generator/categories.ts, which a test keeps in step), each with a pictogram
 * from core's SERVICE_ICONS and a name under `category.names.<slug>` in the locales.
 * A category this kiosk does not know yet (a newer catalog) goes under "other".
 */
import type { ServiceIcon } from '../../core/catalog/icons.ts';
import type { ServiceDefinition } from '../../core/forms/types.ts';
import { foldText } from '../../core/search/fold.ts';

export const CATEGORY_ICONS: ReadonlyArray<readonly [slug: string, icon: ServiceIcon]> = [
  ['civil-status', 'birth'],
  ['family', 'marriage'],
  ['identity', 'id-card'],
  ['residence', 'residence'],
  ['justice', 'justice'],
  ['housing', 'building'],
  ['social-support', 'support'],
  ['pensions', 'life'],
  ['health', 'health'],
  ['education', 'support'],
  ['agriculture', 'income'],
  ['business', 'income'],
  ['tax', 'income'],
  ['employment', 'support'],
  ['transport', 'id-card'],
];

export const OTHER_CATEGORY = 'other';
const ORDER = new Map(CATEGORY_ICONS.map(([slug], i) => [slug, i]));
const ICONS = new Map<string, string>(CATEGORY_ICONS);

export interface CategoryGroup {
  slug: string; // a known category, or OTHER_CATEGORY
  icon: string;
  services: ServiceDefinition[];
}

/**
 * Services by category, in category order, each category in alphabetical order of the
 * titles as displayed, compared folded (accents, hamza forms and case aside) with plain
 * string order: a collator's sort would cost the first screen a tenth of a second at
 * 10,000 services on a kiosk, and folded code-unit order is alphabetical for Arabic and
 * for unaccented Latin.
 */
export function groupByCategory(services: readonly ServiceDefinition[], titleOf: (s: ServiceDefinition) => string): CategoryGroup[] {
  const groups = new Map<string, CategoryGroup>();
  for (const service of services) {
    const slug = ORDER.has(service.category) ? service.category : OTHER_CATEGORY;
    let group = groups.get(slug);
    if (!group) groups.set(slug, (group = { slug, icon: ICONS.get(slug) ?? service.icon, services: [] }));
    group.services.push(service);
  }
  const rank = (slug: string) => ORDER.get(slug) ?? ORDER.size;
  const sorted = [...groups.values()].sort((a, b) => rank(a.slug) - rank(b.slug));
  for (const group of sorted) {
    const keyed = group.services.map((service) => ({ service, key: foldText(titleOf(service)) }));
    keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    group.services = keyed.map((k) => k.service);
  }
  return sorted;
}
