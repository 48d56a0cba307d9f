import { describe, expect, it } from 'vitest';
import { validateServiceDefinition } from '../../../../src/core/catalog/validate-service.ts';
import { isServiceIcon } from '../../../../src/core/catalog/icons.ts';
import type { FieldType, ServiceDefinition } from '../../../../src/core/forms/types.ts';
import { loadDemoCatalog } from '../../../fixtures/catalog/demo-catalog.ts';

const files = loadDemoCatalog();
const services = files.map(({ json }) => json as ServiceDefinition);
const fieldsOf = (s: ServiceDefinition) => s.steps.flatMap((step) => step.fields);

describe('the demo catalog', () => {
  it('holds at least nine services', () => {
    expect(files.length).toBeGreaterThanOrEqual(9);
  });

  it.each(files)('$file passes the schema and the semantic checks', ({ json }) => {
    const check = validateServiceDefinition(json);
    expect(check.ok ? [] : check.errors).toEqual([]);
  });

  it.each(files)('$file is named after its id, at version 1 (cnie-appointment 2: it gained a photo and a signature), with a known icon', ({ file, json }) => {
    const service = json as ServiceDefinition;
    expect(file).toBe(`${service.id}.json`);
    expect(service.version).toBe(service.id === 'cnie-appointment' ? 2 : 1);
    expect(isServiceIcon(service.icon)).toBe(true);
  });

  it.each(files)('$file has 2–4 steps, 4–12 fields and required documents', ({ json }) => {
    const service = json as ServiceDefinition;
    expect(service.steps.length).toBeGreaterThanOrEqual(2);
    expect(service.steps.length).toBeLessThanOrEqual(4);
    expect(fieldsOf(service).length).toBeGreaterThanOrEqual(4);
    expect(fieldsOf(service).length).toBeLessThanOrEqual(12);
    expect(service.documents.length).toBeGreaterThan(0);
  });

  it('uses every field type somewhere', () => {
    const used = new Set(services.flatMap(fieldsOf).map((f) => f.type));
    const all: FieldType[] = ['text', 'number', 'date', 'choice', 'multichoice', 'yesno', 'phone', 'cnie', 'document', 'photo', 'signature'];
    expect([...used].sort()).toEqual([...all].sort());
  });

  it('has conditional fields of each kind of condition', () => {
    const conditions = services.flatMap(fieldsOf).flatMap((f) => (f.visibleWhen ? [f.visibleWhen] : []));
    expect(conditions.filter((c) => c.equals !== undefined).length).toBeGreaterThanOrEqual(2);
    expect(conditions.some((c) => c.in !== undefined)).toBe(true);
  });

  it('has no two services with the same id', () => {
    const ids = services.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
