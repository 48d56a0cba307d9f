/**
 * The checks JSON Schema cannot express: uniqueness across the whole service, conditions
 * that point to an earlier field with a value that field can hold, bounds in order, and
 * regular expressions that compile. They run only on a definition that passed the schema,
 * so the shapes can be trusted. Each finding is `<JSON pointer>: <short English reason>`,
 * for logs and the supervisor's diagnostics screen.
 */
import { isIsoDate } from '../forms/dates.ts';
import { DOCUMENT_PROVISIONS } from '../forms/document.ts';
import { compilePattern } from '../forms/pattern.ts';
import type { Condition, FieldDefinition, FieldType, ServiceDefinition } from '../forms/types.ts';

/** Which field types each optional keyword means something for. */
const APPLIES_TO: Partial<Record<keyof FieldDefinition, FieldType[]>> = {
  min: ['number'],
  max: ['number'],
  minDate: ['date'],
  maxDate: ['date'],
  minLength: ['text'],
  maxLength: ['text'],
  pattern: ['text'],
  options: ['choice', 'multichoice'],
  minItems: ['multichoice'],
  maxItems: ['multichoice'],
  maxBytes: ['photo', 'signature'],
};

export function semanticErrors(def: ServiceDefinition): string[] {
  const errors: string[] = [];
  const report = (path: string, message: string) => errors.push(`${path}: ${message}`);

  if (def.delayDays.min > def.delayDays.max) report('/delayDays', 'min is greater than max');
  unique(def.documents.map((d) => d.id), (i, id) => report(`/documents/${i}/id`, `duplicate document id '${id}'`));
  unique(def.steps.map((s) => s.id), (i, id) => report(`/steps/${i}/id`, `duplicate step id '${id}'`));

  const earlier = new Map<string, FieldDefinition>();
  const later = new Set(def.steps.flatMap((s) => s.fields.map((f) => f.id)));
  def.steps.forEach((step, s) =>
    step.fields.forEach((field, f) => {
      const path = `/steps/${s}/fields/${f}`;
      if (earlier.has(field.id)) report(`${path}/id`, `duplicate field id '${field.id}'`);
      checkField(field, path, report);
      if (field.visibleWhen) checkCondition(field.visibleWhen, earlier, later, `${path}/visibleWhen`, report);
      if (!earlier.has(field.id)) earlier.set(field.id, field);
    }),
  );
  return errors;
}

type Report = (path: string, message: string) => void;

function unique(ids: string[], onDuplicate: (index: number, id: string) => void): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => (seen.has(id) ? onDuplicate(i, id) : seen.add(id)));
}

function checkField(field: FieldDefinition, path: string, report: Report): void {
  for (const [keyword, types] of Object.entries(APPLIES_TO)) {
    if (field[keyword as keyof FieldDefinition] !== undefined && !types.includes(field.type)) {
      report(`${path}/${keyword}`, `'${keyword}' does not apply to a ${field.type} field`);
    }
  }
  if (field.type === 'choice' || field.type === 'multichoice') {
    if (!field.options?.length) report(path, `a ${field.type} field needs at least one option`);
    unique((field.options ?? []).map((o) => o.value), (i, v) => report(`${path}/options/${i}/value`, `duplicate option value '${v}'`));
  }
  if (field.pattern !== undefined && compilePattern(field.pattern) === null) {
    report(`${path}/pattern`, 'not a valid regular expression');
  }
  for (const bound of ['minDate', 'maxDate'] as const) {
    const value = field[bound];
    if (value !== undefined && value !== 'today' && !isIsoDate(value)) report(`${path}/${bound}`, `'${value}' is not a calendar date`);
  }
  ordered(path, 'min', 'max', field.min, field.max, report);
  ordered(path, 'minLength', 'maxLength', field.minLength, field.maxLength, report);
  ordered(path, 'minItems', 'maxItems', field.minItems, field.maxItems, report);
  if (isIsoDate(field.minDate) && isIsoDate(field.maxDate)) ordered(path, 'minDate', 'maxDate', field.minDate, field.maxDate, report);
  if (field.minItems !== undefined && field.options && field.minItems > field.options.length) {
    report(`${path}/minItems`, 'is more than the number of options');
  }
}

function ordered<T extends number | string>(path: string, lo: string, hi: string, min: T | undefined, max: T | undefined, report: Report): void {
  if (min !== undefined && max !== undefined && min > max) report(`${path}/${lo}`, `${lo} is greater than ${hi}`);
}

function checkCondition(
  condition: Condition,
  earlier: Map<string, FieldDefinition>,
  all: Set<string>,
  path: string,
  report: Report,
): void {
  const controller = earlier.get(condition.field);
  if (!controller) {
    // Only earlier fields: the citizen answers them first, and cycles become impossible.
    const why = all.has(condition.field) ? 'which is not an earlier field' : 'which does not exist';
    report(`${path}/field`, `refers to '${condition.field}', ${why}`);
    return;
  }
  if (condition.filled) return;
  const wanted = condition.equals !== undefined ? [condition.equals] : (condition.in ?? []);
  const key = condition.equals !== undefined ? 'equals' : 'in';
  const allowed = allowedValues(controller);
  for (const value of wanted) {
    const ok = allowed ? allowed.includes(value) : typeof value === expectedType(controller.type);
    if (!ok) report(`${path}/${key}`, `'${String(value)}' can never be an answer to '${controller.id}' (${controller.type})`);
  }
}

function allowedValues(field: FieldDefinition): Array<string | number | boolean> | null {
  if (field.type === 'yesno') return [true, false];
  if (field.type === 'document') return [...DOCUMENT_PROVISIONS];
  if (field.type === 'choice' || field.type === 'multichoice') return (field.options ?? []).map((o) => o.value);
  return null;
}

function expectedType(type: FieldType): 'number' | 'string' {
  return type === 'number' ? 'number' : 'string';
}
