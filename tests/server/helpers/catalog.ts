/** The demo catalog and small variations of it, for publishing in tests. */
import { fileURLToPath } from 'node:url';
import type { ServiceDefinition } from '../../../src/core/forms/types.ts';
import { loadCatalog } from '../../../server/catalog/load-catalog.ts';

export const DEMO_CATALOG_DIR = fileURLToPath(new URL('../../../catalog/services/', import.meta.url));

export function demoServices(): ServiceDefinition[] {
  return loadCatalog(DEMO_CATALOG_DIR).services;
}

export function demoService(id: string): ServiceDefinition {
  const service = demoServices().find((s) => s.id === id);
  if (!service) throw new Error(`no demo service ${id}`);
  return structuredClone(service);
}

/** life-certificate version 2: the same form plus a required question on the pension payments. */
export function lifeCertificateV2(): ServiceDefinition {
  const service = demoService('life-certificate');
  service.version = 2;
  service.steps[0]!.fields.push({
    id: 'lastPaymentMonth',
    type: 'date',
    label: { ar: 'تاريخ آخر أداء', fr: 'Date du dernier paiement' },
    required: true,
  });
  return service;
}
