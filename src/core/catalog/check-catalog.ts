/**
 * Sorts a list of catalog entries into usable services and rejected entries, so one bad
 * entry never hides the rest of the catalog from citizens. Never throws: the entries come
 * from files, the network or a supervisor's bundle, and may be anything.
 */
import type { ServiceDefinition } from '../forms/types.ts';
import { validateServiceDefinition } from './validate-service.ts';

export interface RejectedEntry {
  id?: string;
  index: number;
  errors: string[];
}

export interface CatalogCheck {
  services: ServiceDefinition[];
  rejected: RejectedEntry[];
}

export function checkCatalog(entries: unknown[]): CatalogCheck {
  const services: ServiceDefinition[] = [];
  const rejected: RejectedEntry[] = [];
  const seen = new Set<string>();
  const list: unknown[] = Array.isArray(entries) ? entries : [];
  list.forEach((entry, index) => {
    let check: ReturnType<typeof validateServiceDefinition>;
    try {
      check = validateServiceDefinition(entry);
    } catch (error) {
      // A validator bug (or a getter that throws) must cost one entry, not the catalog.
      check = { ok: false, errors: [`/: could not be checked (${error instanceof Error ? error.message : String(error)})`] };
    }
    if (!check.ok) {
      rejected.push(check.id === undefined ? { index, errors: check.errors } : { id: check.id, index, errors: check.errors });
    } else if (seen.has(check.service.id)) {
      // The first entry wins: two definitions under one id would make answers ambiguous.
      rejected.push({ id: check.service.id, index, errors: [`/id: duplicate service id '${check.service.id}'`] });
    } else {
      seen.add(check.service.id);
      services.push(check.service);
    }
  });
  return { services, rejected };
}
