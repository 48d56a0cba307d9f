import { describe, expect, it } from 'vitest';
import { parseMrz } from '../../../../src/core/identity/mrz.ts';
import { mrzValue, prefillFromMrz } from '../../../../src/core/identity/prefill.ts';
import { PREFILL_SOURCES, type FieldDefinition, type ServiceDefinition } from '../../../../src/core/forms/types.ts';
import schema from '../../../../src/core/catalog/service.schema.json' with { type: 'json' };
import { validateServiceDefinition } from '../../../../src/core/catalog/validate-service.ts';
import residence from '../../../../catalog/services/residence-certificate.json' with { type: 'json' };

const MOROCCAN = ['I<MARJB123456<7<<<<<<<<<<<<<<<', '8405173F3405167MAR<<<<<<<<<<<6', 'AIT<BRAHIM<<AICHA<<<<<<<<<<<<<'];
const data = parseMrz(MOROCCAN, { today: '2026-01-10' }).data!;
const label = { ar: 'x', fr: 'x' };

describe('prefill from the MRZ', () => {
  it('gives each source its part of the card', () => {
    expect(mrzValue(data, 'mrz.fullName')).toBe('AICHA AIT BRAHIM');
    expect(mrzValue(data, 'mrz.surname')).toBe('AIT BRAHIM');
    expect(mrzValue(data, 'mrz.givenNames')).toBe('AICHA');
    expect(mrzValue(data, 'mrz.documentNumber')).toBe('JB123456');
    expect(mrzValue(data, 'mrz.birthDate')).toBe('1984-05-17');
    expect(mrzValue(data, 'mrz.expiry')).toBe('2034-05-16');
    expect(mrzValue(data, 'mrz.sex')).toBe('F');
    expect(mrzValue(data, 'mrz.nationality')).toBe('MAR');
  });

  it('proposes answers only for fields that declare a source, in the shape their type stores', () => {
    const fields: FieldDefinition[] = [
      { id: 'fullName', type: 'text', label, prefill: 'mrz.fullName' },
      { id: 'cnie', type: 'cnie', label, prefill: 'mrz.documentNumber' },
      { id: 'birthDate', type: 'date', label, prefill: 'mrz.birthDate' },
      { id: 'phone', type: 'phone', label },
      { id: 'sex', type: 'choice', label, prefill: 'mrz.sex', options: [{ value: 'm', label }, { value: 'f', label }] },
      { id: 'nat', type: 'choice', label, prefill: 'mrz.nationality', options: [{ value: 'other', label }] },
      { id: 'count', type: 'number', label, prefill: 'mrz.documentNumber' },
    ];
    expect(prefillFromMrz(data, fields)).toEqual([
      { fieldId: 'fullName', source: 'mrz.fullName', value: 'AICHA AIT BRAHIM' },
      { fieldId: 'cnie', source: 'mrz.documentNumber', value: 'JB123456' },
      { fieldId: 'birthDate', source: 'mrz.birthDate', value: '1984-05-17' },
      { fieldId: 'sex', source: 'mrz.sex', value: 'f' },
    ]);
  });

  it('leaves out what the card does not give (unknown birth date, unspecified sex)', () => {
    const partial = { ...data, birthDate: null, sex: 'X' as const };
    const fields: FieldDefinition[] = [
      { id: 'birthDate', type: 'date', label, prefill: 'mrz.birthDate' },
      { id: 'sex', type: 'text', label, prefill: 'mrz.sex' },
    ];
    expect(prefillFromMrz(partial, fields)).toEqual([]);
  });
});

describe('prefill in the catalog contract', () => {
  it('the JSON schema lists exactly the sources the form contract knows', () => {
    expect(schema.$defs.field.properties.prefill.enum).toEqual([...PREFILL_SOURCES]);
  });

  it('the residence certificate prefills its name, CNIE number and birth date from the card', () => {
    const fields = (residence as unknown as ServiceDefinition).steps[0]!.fields;
    expect(fields.map((f) => [f.id, f.prefill])).toEqual([
      ['fullName', 'mrz.fullName'],
      ['cnie', 'mrz.documentNumber'],
      ['birthDate', 'mrz.birthDate'],
    ]);
    expect(validateServiceDefinition(residence)).toMatchObject({ ok: true });
  });

  it('the schema refuses a source it does not know', () => {
    const broken = structuredClone(residence) as unknown as ServiceDefinition;
    (broken.steps[0]!.fields[0] as { prefill: string }).prefill = 'mrz.eyeColour';
    expect(validateServiceDefinition(broken)).toMatchObject({ ok: false });
  });
});
