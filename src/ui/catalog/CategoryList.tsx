/**
 * Every service, grouped by category under a pictogram and a heading. A large catalog
 * (thousands of procedures) shows the first few of each category and a button for the
 * rest, so the first screen stays light; a small one shows everything.
 */
import { useMemo, useState } from 'preact/hooks';
import type { ServiceDefinition } from '../../core/forms/types.ts';
import { useLang, useLocalized } from '../i18n/context.tsx';
import { Pictogram } from '../icons/Pictogram.tsx';
import { groupByCategory, type CategoryGroup } from './categories.ts';
import { ServiceCard } from './ServiceCard.tsx';

// The home screen is mounted again each time it shows: keep the grouping of the current
// catalog array (a new array only when the catalog changes) per language.
const cache = new WeakMap<readonly ServiceDefinition[], Map<string, CategoryGroup[]>>();

function cachedGroups(services: readonly ServiceDefinition[], lang: string, titleOf: (s: ServiceDefinition) => string): CategoryGroup[] {
  let byLang = cache.get(services);
  if (!byLang) cache.set(services, (byLang = new Map()));
  let groups = byLang.get(lang);
  if (!groups) byLang.set(lang, (groups = groupByCategory(services, titleOf)));
  return groups;
}

/** Up to this many services, every one is listed; beyond, PREVIEW per category. */
const SHOW_ALL_UP_TO = 48;
const PREVIEW = 6;

interface Props {
  services: ServiceDefinition[];
  onPick(service: ServiceDefinition): void;
}

export function CategoryList({ services, onPick }: Props) {
  const { t, lang } = useLang();
  const loc = useLocalized();
  const groups = useMemo(() => cachedGroups(services, lang, (s) => loc(s.title).text), [services, lang]);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const collapsible = services.length > SHOW_ALL_UP_TO;
  const toggle = (slug: string) =>
    setOpen((was) => {
      const next = new Set(was);
      if (!next.delete(slug)) next.add(slug);
      return next;
    });
  return (
    <>
      {groups.map((group) => {
        const expanded = !collapsible || open.has(group.slug) || group.services.length <= PREVIEW;
        const shown = expanded ? group.services : group.services.slice(0, PREVIEW);
        const headingId = `category-${group.slug}`;
        const listId = `category-list-${group.slug}`;
        return (
          <section key={group.slug} class="category" aria-labelledby={headingId}>
            <h2 id={headingId} class="category-title">
              <Pictogram name={group.icon} size={40} />
              <span>{t(`category.names.${group.slug}`, { defaultValue: t('category.names.other') })}</span>
            </h2>
            <ul class="service-grid" id={listId}>
              {shown.map((service) => (
                <ServiceCard key={service.id} service={service} onPick={onPick} />
              ))}
            </ul>
            {collapsible && group.services.length > PREVIEW && (
              <button type="button" class="button secondary category-more" aria-expanded={open.has(group.slug)} aria-controls={listId} onClick={() => toggle(group.slug)}>
                {open.has(group.slug) ? t('category.showLess') : t('category.showAll', { count: group.services.length })}
              </button>
            )}
          </section>
        );
      })}
    </>
  );
}
