import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../catalog/generator/categories.ts';
import { CATEGORY_ICONS, groupByCategory, OTHER_CATEGORY } from '../../../src/ui/catalog/categories.ts';
import { CATEGORY_TERMS } from '../../../src/core/search/category-terms.ts';
import { loadDemoCatalog } from '../../fixtures/catalog/demo-catalog.ts';
import type { ServiceDefinition } from '../../../src/core/forms/types.ts';

const locale = (lang: string) => JSON.parse(readFileSync(`locales/${lang}/common.json`, 'utf8')) as { category: { names: Record<string, string> } };

describe('categories', () => {
  it('are the same, in the same order and with the same pictograms, for the generator and the kiosk', () => {
    expect(CATEGORY_ICONS.map(([slug, icon]) => ({ slug, icon }))).toEqual(CATEGORIES.map(({ slug, icon }) => ({ slug, icon })));
  });

  it('cover every category of the demo catalog, with search words', () => {
    const known = new Set(CATEGORY_ICONS.map(([slug]) => slug));
    for (const { json } of loadDemoCatalog()) expect(known).toContain((json as ServiceDefinition).category);
    for (const [slug] of CATEGORY_ICONS) expect(CATEGORY_TERMS[slug]?.length, slug).toBeGreaterThan(0);
  });

  it.each(['ar', 'fr'])('have a name in %s, the same as the generator’s', (lang) => {
    const names = locale(lang).category.names;
    for (const category of CATEGORIES) expect(names[category.slug]).toBe(category.name[lang as 'ar' | 'fr']);
    expect(names[OTHER_CATEGORY]).toBeTruthy();
  });

  it('group services in category order, alphabetically, unknown categories last under "other"', () => {
    const svc = (id: string, category: string, title: string) => ({ id, category, icon: 'support', title: { ar: title, fr: title } }) as ServiceDefinition;
    const groups = groupByCategory(
      [svc('a', 'made-up', 'Zèbre'), svc('b', 'identity', 'Passeport'), svc('c', 'civil-status', 'Extrait'), svc('d', 'identity', 'Écrou'), svc('e', 'identity', 'carte')],
      (s) => s.title.fr,
    );
    expect(groups.map((g) => [g.slug, g.services.map((s) => s.id)])).toEqual([
      ['civil-status', ['c']],
      ['identity', ['e', 'd', 'b']],
      [OTHER_CATEGORY, ['a']],
    ]);
  });
});
