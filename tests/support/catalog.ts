/** One demo service, parsed and checked, for tests that need a real definition. */
import { readFileSync } from 'node:fs';
import { validateServiceDefinition } from '../../src/core/catalog/validate-service.ts';
import type { ServiceDefinition } from '../../src/core/forms/types.ts';
import { SERVICES_DIR } from '../fixtures/catalog/demo-catalog.ts';

export function demoService(id: string): ServiceDefinition {
  const check = validateServiceDefinition(JSON.parse(readFileSync(`${SERVICES_DIR}${id}.json`, 'utf8')));
  if (!check.ok) throw new Error(`demo service ${id} is invalid: ${check.errors.join('; ')}`);
  return check.service;
}
