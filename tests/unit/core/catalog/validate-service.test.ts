import { describe, expect, it } from 'vitest';
import { validateServiceDefinition } from '../../../../src/core/catalog/validate-service.ts';
import type { FieldDefinition, ServiceDefinition } from '../../../../src/core/forms/types.ts';
import { minimalService } from '../../../fixtures/catalog/minimal-service.ts';

type Mutable = Record<string, unknown>;
const label = { ar: 'حقل', fr: 'Champ' };
const field = (extra: Partial<FieldDefinition> & Mutable): FieldDefinition => ({ id: 'extra', type: 'text', label, ...extra }) as FieldDefinition;
/** The minimal service with its single step's fields changed. */
const withFields = (change: (fields: FieldDefinition[]) => FieldDefinition[]) => {
  const service = minimalService();
  service.steps[0]!.fields = change(service.steps[0]!.fields);
  return service;
};
const withField = (extra: Partial<FieldDefinition> & Mutable) => withFields((fields) => [...fields, field(extra)]);
/** The minimal service with anything changed, typed loosely so tests can break it. */
const broken = (change: (s: Mutable & Pick<ServiceDefinition, 'steps' | 'documents'>) => void) => {
  const service = minimalService() as ServiceDefinition & Mutable;
  change(service);
  return service;
};

describe('validateServiceDefinition', () => {
  it('accepts a minimal valid service and returns it', () => {
    const service = minimalService();
    expect(validateServiceDefinition(service)).toEqual({ ok: true, service });
  });

  it('accepts Amazigh texts beside Arabic and French', () => {
    const service = broken((s) => (s.title = { ar: 'خدمة', fr: 'Service', zgh: 'ⵜⴰⵏⴰⴼⵓⵜ', shi: 'Tanafut' }));
    expect(validateServiceDefinition(service).ok).toBe(true);
  });

  /** [what is broken, the entry, a fragment the reason must contain]. */
  const cases: Array<[string, unknown, string]> = [
    ['null', null, '/: type "null"'],
    ['a number', 42, '/: type "number"'],
    ['a string', 'x', '/: type "string"'],
    ['an array', [], '/: type "array"'],
    ['an empty object', {}, "/: missing property 'id'"],
    ['a title without Arabic', broken((s) => (s.title = { fr: 'Service' })), "/title: missing property 'ar'"],
    ['a blank French summary', broken((s) => (s.summary = { ar: 'ملخص', fr: '   ' })), '/summary/fr'],
    ['an unknown language', broken((s) => (s.title = { ar: 'خدمة', fr: 'Service', en: 'Service' })), "/title: unknown property 'en'"],
    ['an unknown property', broken((s) => (s.colour = 'red')), "/: unknown property 'colour'"],
    ['version 0', broken((s) => (s.version = 0)), '/version'],
    ['a fractional version', broken((s) => (s.version = 1.5)), '/version'],
    ['an id with capitals', broken((s) => (s.id = 'Birth_Certificate')), '/id'],
    ['a negative fee', broken((s) => (s.feeMad = -5)), '/feeMad'],
    ['no steps', broken((s) => (s.steps = [])), '/steps'],
    ['a step without fields', broken((s) => (s.steps[0]!.fields = [])), '/steps/0/fields'],
    ['delayDays min above max', broken((s) => (s.delayDays = { min: 10, max: 2 })), '/delayDays: min is greater than max'],
    ['a bad field type', withField({ type: 'video' as never }), '/steps/0/fields/2/type'],
    ['a field id with a dash', withField({ id: 'birth-date' }), '/steps/0/fields/2/id'],
    ['a duplicate field id', withField({ id: 'kind' }), "/steps/0/fields/2/id: duplicate field id 'kind'"],
    [
      'a duplicate field id in another step',
      broken((s) => s.steps.push({ id: 'second', title: label, fields: [field({ id: 'note' })] })),
      "/steps/1/fields/0/id: duplicate field id 'note'",
    ],
    ['a duplicate step id', broken((s) => s.steps.push({ id: 'main', title: label, fields: [field({})] })), "/steps/1/id: duplicate step id 'main'"],
    ['a duplicate document id', broken((s) => s.documents.push({ id: 'cnie', label })), "/documents/1/id: duplicate document id 'cnie'"],
    [
      'a condition on a later field',
      withFields(([kind, note]) => [field({ id: 'first', visibleWhen: { field: 'kind', equals: 'a' } }), kind!, note!]),
      "refers to 'kind', which is not an earlier field",
    ],
    ['a condition on itself', withField({ visibleWhen: { field: 'extra', filled: true } }), "refers to 'extra', which is not an earlier field"],
    ['a condition on a missing field', withField({ visibleWhen: { field: 'ghost', filled: true } }), "refers to 'ghost', which does not exist"],
    ['a condition with two operators', withField({ visibleWhen: { field: 'kind', equals: 'a', in: ['b'] } }), 'exactly one of equals, in, filled'],
    ['a condition with no operator', withField({ visibleWhen: { field: 'kind' } }), 'exactly one of equals, in, filled'],
    ['a condition on a value that is not an option', withField({ visibleWhen: { field: 'kind', equals: 'c' } }), "'c' can never be an answer to 'kind'"],
    [
      'a yes/no condition written as a string',
      withFields((fs) => [...fs, field({ id: 'ok', type: 'yesno' }), field({ visibleWhen: { field: 'ok', equals: 'yes' } })]),
      "'yes' can never be an answer to 'ok' (yesno)",
    ],
    ['a regular expression that does not compile', withField({ pattern: '[0-9' }), '/steps/0/fields/2/pattern: not a valid regular expression'],
    ['a pattern that would escape its anchors', withField({ pattern: 'a)|(b' }), 'not a valid regular expression'],
    ['min above max', withField({ type: 'number', min: 10, max: 5 }), 'min is greater than max'],
    ['minLength above maxLength', withField({ minLength: 10, maxLength: 5 }), 'minLength is greater than maxLength'],
    ['minDate after maxDate', withField({ type: 'date', minDate: '2025-01-02', maxDate: '2025-01-01' }), 'minDate is greater than maxDate'],
    ['a date bound that is not a calendar date', withField({ type: 'date', maxDate: '2025-02-30' }), "'2025-02-30' is not a calendar date"],
    ['a date bound in another format', withField({ type: 'date', maxDate: '30/01/2025' }), '/maxDate'],
    ['a choice without options', withField({ type: 'choice' }), 'a choice field needs at least one option'],
    ['a choice with an empty option list', withField({ type: 'choice', options: [] }), '/options'],
    [
      'duplicate option values',
      withField({ type: 'multichoice', options: [{ value: 'x', label }, { value: 'x', label }] }),
      "duplicate option value 'x'",
    ],
    ['minItems above the number of options', withField({ type: 'multichoice', minItems: 2, options: [{ value: 'x', label }] }), 'more than the number of options'],
    ['a keyword for another type', withField({ type: 'number', minLength: 2 }), "'minLength' does not apply to a number field"],
    ['a negative maxLength', withField({ maxLength: -1 }), '/maxLength'],
  ];

  it.each(cases)('rejects %s with a reason', (_what, entry, reason) => {
    const check = validateServiceDefinition(entry);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.errors.join('\n')).toContain(reason);
  });

  it.each([
    ['undefined', undefined],
    ['an undefined property', broken((s) => (s.version = undefined))],
    ['a function', () => 1],
  ])('rejects %s, which JSON cannot hold, without throwing', (_what, entry) => {
    expect(validateServiceDefinition(entry)).toMatchObject({ ok: false });
  });

  it('names the rejected entry by its id when it has one', () => {
    const check = validateServiceDefinition(broken((s) => (s.version = 0)));
    expect(check).toMatchObject({ ok: false, id: 'minimal-service' });
  });

  it('lists every schema problem at once, briefly', () => {
    const check = validateServiceDefinition(broken((s) => ((s.version = 0), (s.feeMad = -1))));
    expect(check.ok ? [] : check.errors).toHaveLength(2);
  });

  it('caps the list for a garbage entry', () => {
    const garbage = { steps: Array.from({ length: 50 }, () => ({ fields: [{}] })) };
    const check = validateServiceDefinition(garbage);
    expect(check.ok ? [] : check.errors.length).toBeLessThanOrEqual(21);
  });
});
