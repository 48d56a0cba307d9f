/** Both drivers return timestamptz as Date; this tolerates a string too, to be safe. */
export function toIso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
