import { describe, expect, it } from 'vitest';
import { DOCUMENT_PROVISIONS } from '../../../../src/core/forms/document.ts';
import { validateField, type ValidateOptions } from '../../../../src/core/forms/validate-field.ts';
import { TODAY, everyTypeFields as f } from '../../../fixtures/forms/every-type.ts';

const opts = { today: TODAY };
const check = (field: keyof typeof f, value: unknown, options: ValidateOptions = opts) => validateField(f[field], value, options);

type Row = [keyof typeof f, unknown, string | null, Record<string, string | number>?];

/** [field, answer, expected error code or null, expected params]. */
const table: Row[] = [
  // required and empty
  ['name', undefined, 'required'],
  ['name', null, 'required'],
  ['name', '   ', 'required'],
  ['postcode', '', null],
  ['birthDate', null, null],
  ['crops', [], null],
  // text: trimmed, length in characters, whole-value pattern
  ['name', 'Fatima', null],
  ['name', '  A  ', 'too-short', { min: 2 }],
  ['name', 'Aï', null],
  ['name', 'فاطمة', null],
  ['name', 'x'.repeat(40), null],
  ['name', 'x'.repeat(41), 'too-long', { max: 40 }],
  ['name', 42, 'wrong-type'],
  ['postcode', '22300', null],
  ['postcode', ' 22300 ', null],
  ['postcode', '2230', 'pattern'],
  ['postcode', '223000', 'pattern'],
  ['postcode', 'a22300', 'pattern'],
  // number: answers store numbers, inclusive bounds
  ['age', 18, null],
  ['age', 120, null],
  ['age', 17, 'too-small', { min: 18 }],
  ['age', 17.9, 'too-small', { min: 18 }],
  ['age', 121, 'too-large', { max: 120 }],
  ['age', '54', 'wrong-type'],
  ['age', Number.NaN, 'wrong-type'],
  ['age', Number.POSITIVE_INFINITY, 'wrong-type'],
  ['age', true, 'wrong-type'],
  // date: real calendar dates, literal and 'today' bounds
  ['birthDate', '1971-06-02', null],
  ['birthDate', '2024-02-29', null],
  ['birthDate', '2023-02-29', 'invalid-date'],
  ['birthDate', '2025-04-31', 'invalid-date'],
  ['birthDate', '2025-13-01', 'invalid-date'],
  ['birthDate', '02/06/1971', 'invalid-date'],
  ['birthDate', '1971-6-2', 'invalid-date'],
  ['birthDate', 19710602, 'wrong-type'],
  ['birthDate', '1900-01-01', null],
  ['birthDate', '1899-12-31', 'date-too-early', { min: '1900-01-01' }],
  ['birthDate', TODAY, null],
  ['birthDate', '2025-03-15', 'date-too-late', { max: TODAY }],
  ['appointment', TODAY, null],
  ['appointment', '2025-03-13', 'date-too-early', { min: TODAY }],
  ['appointment', '2030-12-31', null],
  ['appointment', '2031-01-01', 'date-too-late', { max: '2030-12-31' }],
  // choice
  ['province', 'azilal', null],
  ['province', 'Azilal', 'invalid-choice', { value: 'Azilal' }],
  ['province', ['azilal'], 'wrong-type'],
  // multichoice: known, unique options within the count bounds
  ['crops', ['olive'], null],
  ['crops', ['olive', 'barley'], null],
  ['crops', ['olive', 'argan', 'barley'], 'too-many-choices', { max: 2 }],
  ['crops', ['olive', 'olive'], 'invalid-choice', { value: 'olive' }],
  ['crops', ['wheat'], 'invalid-choice', { value: 'wheat' }],
  ['crops', 'olive', 'wrong-type'],
  ['crops', ['olive', 3], 'wrong-type'],
  // yesno
  ['married', true, null],
  ['married', false, null],
  ['married', 'yes', 'wrong-type'],
  ['married', 0, 'wrong-type'],
  // phone and CNIE, in any spelling the normalisers accept
  ['phone', '06 12 34 56 78', null],
  ['phone', '+212712345678', null],
  ['phone', '0812345678', 'invalid-phone'],
  ['phone', 612345678, 'wrong-type'],
  ['cnie', 'be 123456', null],
  ['cnie', '123456', 'invalid-cnie'],
  // document: how the paper will be provided
  ['photo', 'bring-on-paper', null],
  ['photo', 'attached', null],
  ['photo', 'scanned', 'invalid-choice', { value: 'scanned' }],
  ['photo', true, 'wrong-type'],
];

describe('validateField', () => {
  it.each(table)('%s = %j → %s', (field, value, code, params) => {
    const error = check(field, value);
    if (code === null) expect(error).toBeNull();
    else expect(error).toEqual(params ? { field, code, params } : { field, code });
  });

  it('too few choices when fewer than minItems are picked', () => {
    const field = { ...f.crops, minItems: 2 };
    expect(validateField(field, ['olive'], opts)).toEqual({ field: 'crops', code: 'too-few-choices', params: { min: 2 } });
  });

  it("skips 'today' bounds when no today is given, but keeps literal bounds", () => {
    expect(check('birthDate', '2999-01-01', {})).toBeNull();
    expect(check('appointment', '2000-01-01', {})).toBeNull();
    expect(check('appointment', '2031-01-01', {})).toEqual({ field: 'appointment', code: 'date-too-late', params: { max: '2030-12-31' } });
  });

  it('reports one error per field, the first rule broken', () => {
    const field = { ...f.postcode, minLength: 6 };
    expect(validateField(field, 'abc', opts)?.code).toBe('too-short');
  });

  it('reports an unknown field type from a newer catalog as wrong-type', () => {
    const field = { ...f.name, type: 'signature' as never };
    expect(validateField(field, 'x', opts)?.code).toBe('wrong-type');
  });

  it('exports the document provisions the UI offers', () => {
    expect(DOCUMENT_PROVISIONS).toEqual(['bring-on-paper', 'attached']);
  });

  it('never returns text, only codes and parameters', () => {
    const error = check('age', 200);
    expect(Object.keys(error ?? {}).sort()).toEqual(['code', 'field', 'params']);
  });
});
