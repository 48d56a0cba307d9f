/**
 * The rules for one answer, by field type. Each field gets at most one error — the first
 * rule it breaks — because the UI speaks one message per field. Values arrive from the
 * kiosk's own widgets or, on the server, from JSON anyone could send: so `value` is
 * `unknown` and a value of the wrong JSON type is 'wrong-type', never an exception.
 */
import { normalizeCnie } from './cnie.ts';
import { isEmpty } from './conditions.ts';
import { isIsoDate, resolveDateBound } from './dates.ts';
import { isDocumentProvision } from './document.ts';
import { isUuid } from '../ids/uuid.ts';
import { compilePattern } from './pattern.ts';
import { normalizeMoroccanPhone } from './phone.ts';
import type { ErrorCode, FieldDefinition, FieldError } from './types.ts';

export interface ValidateOptions {
  /**
   * Today's date ('YYYY-MM-DD') for 'today' bounds; see isoDateIn. Core never reads the
   * clock. When absent, 'today' bounds are not checked (literal bounds still are), so
   * callers must pass it: the kiosk its local date, the server the date of `submittedAt`.
   */
  today?: string;
}

type Params = Record<string, string | number>;
type Check = (field: FieldDefinition, value: unknown, opts: ValidateOptions) => [ErrorCode, Params?] | null;

const length = (text: string) => [...text].length; // code points, like JSON Schema

const checks: Record<FieldDefinition['type'], Check> = {
  text(field, value) {
    if (typeof value !== 'string') return ['wrong-type'];
    const text = value.trim();
    if (field.minLength !== undefined && length(text) < field.minLength) return ['too-short', { min: field.minLength }];
    if (field.maxLength !== undefined && length(text) > field.maxLength) return ['too-long', { max: field.maxLength }];
    if (field.pattern !== undefined && !compilePattern(field.pattern)?.test(text)) return ['pattern'];
    return null;
  },
  number(field, value) {
    // Answers store numbers; the UI parses what was typed (Arabic or Latin digits) first.
    if (typeof value !== 'number' || !Number.isFinite(value)) return ['wrong-type'];
    if (field.min !== undefined && value < field.min) return ['too-small', { min: field.min }];
    if (field.max !== undefined && value > field.max) return ['too-large', { max: field.max }];
    return null;
  },
  date(field, value, opts) {
    if (typeof value !== 'string') return ['wrong-type'];
    if (!isIsoDate(value)) return ['invalid-date'];
    const min = resolveDateBound(field.minDate, opts.today);
    const max = resolveDateBound(field.maxDate, opts.today);
    if (min !== null && value < min) return ['date-too-early', { min }];
    if (max !== null && value > max) return ['date-too-late', { max }];
    return null;
  },
  choice(field, value) {
    if (typeof value !== 'string') return ['wrong-type'];
    return isOption(field, value) ? null : ['invalid-choice', { value }];
  },
  multichoice(field, value) {
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return ['wrong-type'];
    const picked = new Set<string>();
    for (const v of value as string[]) {
      if (!isOption(field, v) || picked.has(v)) return ['invalid-choice', { value: v }];
      picked.add(v);
    }
    if (field.minItems !== undefined && picked.size < field.minItems) return ['too-few-choices', { min: field.minItems }];
    if (field.maxItems !== undefined && picked.size > field.maxItems) return ['too-many-choices', { max: field.maxItems }];
    return null;
  },
  yesno(_field, value) {
    return typeof value === 'boolean' ? null : ['wrong-type'];
  },
  phone(_field, value) {
    if (typeof value !== 'string') return ['wrong-type'];
    return normalizeMoroccanPhone(value) === null ? ['invalid-phone'] : null;
  },
  cnie(_field, value) {
    if (typeof value !== 'string') return ['wrong-type'];
    return normalizeCnie(value) === null ? ['invalid-cnie'] : null;
  },
  document(_field, value) {
    if (typeof value !== 'string') return ['wrong-type'];
    return isDocumentProvision(value) ? null : ['invalid-choice', { value }];
  },
  // The image itself is checked where its bytes are: sealed references on the server
  // (core/attachments/refs.ts), the capture on the kiosk.
  photo(_field, value) {
    return isUuid(value) ? null : ['wrong-type'];
  },
  signature(_field, value) {
    return isUuid(value) ? null : ['wrong-type'];
  },
};

function isOption(field: FieldDefinition, value: string): boolean {
  return (field.options ?? []).some((option) => option.value === value);
}

/** The first rule the answer breaks, or null. Empty answers only break `required`. */
export function validateField(field: FieldDefinition, value: unknown, opts: ValidateOptions = {}): FieldError | null {
  if (isEmpty(value)) return field.required ? { field: field.id, code: 'required' } : null;
  const check = checks[field.type];
  // An unknown type comes from a newer catalog than this code: say so rather than accept.
  const failure = check ? check(field, value, opts) : (['wrong-type'] as [ErrorCode]);
  if (!failure) return null;
  const [code, params] = failure;
  return params ? { field: field.id, code, params } : { field: field.id, code };
}
