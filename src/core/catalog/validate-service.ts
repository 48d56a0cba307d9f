/**
 * Checks one catalog entry before it is published (server) or shown (kiosk): the JSON
 * Schema first, for shape, then the semantic checks. @cfworker/json-schema interprets the
 * schema without eval or new Function, so it runs under the kiosk's strict CSP.
 */
import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema';
import type { ServiceDefinition } from '../forms/types.ts';
import schema from './service.schema.json' with { type: 'json' };
import { semanticErrors } from './semantic-checks.ts';

export type ServiceCheck = { ok: true; service: ServiceDefinition } | { ok: false; id?: string; errors: string[] };

/** Enough to fix an entry; a garbage entry would otherwise list hundreds. */
const MAX_ERRORS = 20;

// shortCircuit off: a supervisor fixing an entry wants every problem at once.
const validator = new Validator(schema as Schema, '2020-12', false);

/** Keywords that only say "something below failed"; the leaf errors under them say what. */
const WRAPPERS = new Set(['properties', 'items', 'prefixItems', '$ref', 'allOf', 'false']);

function describe(unit: OutputUnit): string | null {
  if (WRAPPERS.has(unit.keyword)) return null;
  if (/\/oneOf\/\d+\//.test(unit.keywordLocation)) return null; // branches of a oneOf: noise
  const path = unit.instanceLocation.replace(/^#/, '') || '/';
  if (unit.keyword === 'additionalProperties') {
    const name = /Property "(.*)" does not match/.exec(unit.error)?.[1];
    return `${path}: unknown property${name ? ` '${name}'` : ''}`;
  }
  if (unit.keyword === 'oneOf' && path.endsWith('/visibleWhen')) return `${path}: give exactly one of equals, in, filled`;
  const missing = /required property "(.*)"/.exec(unit.error)?.[1];
  if (unit.keyword === 'required' && missing) return `${path}: missing property '${missing}'`;
  return `${path}: ${unit.error.replace(/^Instance /, '').replace(/\.$/, '')}`;
}

function idOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

export function validateServiceDefinition(value: unknown): ServiceCheck {
  let id: string | undefined;
  let errors: string[];
  try {
    id = idOf(value);
    errors = check(value);
  } catch (error) {
    // The validator throws on values JSON cannot hold (undefined, functions): say so.
    errors = [`/: not plain JSON data (${error instanceof Error ? error.message : String(error)})`];
  }
  if (errors.length === 0) return { ok: true, service: value as ServiceDefinition };
  const capped = errors.length > MAX_ERRORS ? [...errors.slice(0, MAX_ERRORS), `… and ${errors.length - MAX_ERRORS} more`] : errors;
  return id === undefined ? { ok: false, errors: capped } : { ok: false, id, errors: capped };
}

function check(value: unknown): string[] {
  const result = validator.validate(value);
  if (result.valid) return semanticErrors(value as ServiceDefinition);
  const errors = [...new Set(result.errors.map(describe).filter((e): e is string => e !== null))];
  return errors.length > 0 ? errors : ['/: does not match the service schema'];
}
