/**
 * Which answers a read MRZ gives a form: each field that declares `prefill` gets the
 * matching part of the card, in the shape its type stores. Pure: the UI shows the result
 * to the agent, who confirms it before anything is written to the draft.
 */
import type { AnswerValue, FieldDefinition, PrefillSource } from '../forms/types.ts';
import type { MrzData } from './mrz-types.ts';

/** The text of one MRZ part, or null when the card does not give it. */
export function mrzValue(data: MrzData, source: PrefillSource): string | null {
  switch (source) {
    case 'mrz.documentNumber':
      return data.documentNumber || null;
    case 'mrz.surname':
      return data.surname || null;
    case 'mrz.givenNames':
      return data.givenNames || null;
    case 'mrz.fullName':
      return [data.givenNames, data.surname].filter((p) => p !== '').join(' ') || null;
    case 'mrz.birthDate':
      return data.birthDate;
    case 'mrz.sex':
      return data.sex === 'X' ? null : data.sex;
    case 'mrz.nationality':
      return data.nationality || null;
    case 'mrz.expiry':
      return data.expiryDate;
  }
}

export interface PrefillItem {
  fieldId: string;
  source: PrefillSource;
  value: AnswerValue;
}

/**
 * The answers to propose for `fields`. A choice field is only proposed a value it has as
 * an option (compared without case); a part the card does not give is left out.
 */
export function prefillFromMrz(data: MrzData, fields: readonly FieldDefinition[]): PrefillItem[] {
  const out: PrefillItem[] = [];
  for (const field of fields) {
    if (!field.prefill) continue;
    const text = mrzValue(data, field.prefill);
    if (text === null) continue;
    if (field.type === 'choice') {
      const option = field.options?.find((o) => o.value.toUpperCase() === text.toUpperCase());
      if (option) out.push({ fieldId: field.id, source: field.prefill, value: option.value });
      continue;
    }
    if (field.type !== 'text' && field.type !== 'cnie' && field.type !== 'date') continue;
    out.push({ fieldId: field.id, source: field.prefill, value: text });
  }
  return out;
}
