/**
 * Two fingerprints of a service definition. The content hash changes with any edit and
 * decides whether kiosks must download the service again. The form hash covers only
 * what validation depends on (steps and fields without their texts): the catalog README
 * lets a typo in a label be fixed without a new `version`, but any change to the form
 * itself must bump it, or applications filled against the old form would be judged by
 * the new one.
 */
import type { ServiceDefinition } from '../../src/core/forms/types.ts';
import { canonicalJson } from '../util/canonical-json.ts';
import { sha256Hex } from '../util/sha256.ts';

const TEXT_KEYS = new Set(['label', 'hint', 'title']);

function withoutTexts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTexts);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (!TEXT_KEYS.has(key)) out[key] = withoutTexts(item);
  }
  return out;
}

export function contentHash(service: ServiceDefinition): string {
  return sha256Hex(canonicalJson(service));
}

export function formHash(service: ServiceDefinition): string {
  return sha256Hex(canonicalJson(withoutTexts(service.steps)));
}
