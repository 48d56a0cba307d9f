/**
 * Decides what a publication changes, comparing the definitions on disk with the ones
 * stored. Pure, so the rules are easy to read and test: unchanged content is left alone;
 * a changed form needs a higher `version`; a text-only fix may keep its version.
 */
import type { ServiceDefinition } from '../../src/core/forms/types.ts';
import { contentHash, formHash } from './hashes.ts';

export interface StoredService {
  id: string;
  formVersion: number;
  contentHash: string;
  formHash: string;
  removed: boolean;
}

export interface IncomingService {
  service: ServiceDefinition;
  contentHash: string;
  formHash: string;
}

export interface Refusal {
  id: string;
  reason: string;
}

export interface CatalogPlan {
  added: IncomingService[]; // new, or published again after a removal
  changed: IncomingService[];
  removed: string[];
  refused: Refusal[];
}

function versionProblem(next: IncomingService, stored: StoredService): string | null {
  const version = next.service.version;
  if (version < stored.formVersion) return `version went down from ${stored.formVersion} to ${version}`;
  if (version === stored.formVersion && next.formHash !== stored.formHash) {
    return `the form changed but its version ${version} was not increased`;
  }
  return null;
}

/** `keep`: ids whose files exist but could not be read; they stay as published. */
export function planChanges(
  stored: readonly StoredService[],
  services: readonly ServiceDefinition[],
  keep: readonly string[] = [],
): CatalogPlan {
  const byId = new Map(stored.map((s) => [s.id, s]));
  const plan: CatalogPlan = { added: [], changed: [], removed: [], refused: [] };
  const seen = new Set<string>();
  for (const service of services) {
    if (seen.has(service.id)) {
      plan.refused.push({ id: service.id, reason: 'duplicate service id' });
      continue;
    }
    seen.add(service.id);
    const next = { service, contentHash: contentHash(service), formHash: formHash(service) };
    const old = byId.get(service.id);
    if (old && !old.removed && old.contentHash === next.contentHash) continue;
    const problem = old && old.contentHash !== next.contentHash ? versionProblem(next, old) : null;
    if (problem) plan.refused.push({ id: service.id, reason: problem });
    else if (!old || old.removed) plan.added.push(next);
    else plan.changed.push(next);
  }
  const kept = new Set(keep);
  for (const old of stored) {
    if (!old.removed && !seen.has(old.id) && !kept.has(old.id)) plan.removed.push(old.id);
  }
  return plan;
}

export function isEmptyPlan(plan: CatalogPlan): boolean {
  return plan.added.length === 0 && plan.changed.length === 0 && plan.removed.length === 0;
}
