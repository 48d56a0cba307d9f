/**
 * Reads a JSON request body under a byte limit and a nesting limit. The nesting limit
 * comes before anything walks the value recursively (the request hash does): 100,000
 * nested arrays fit in 256 KiB and would overflow the stack of a recursive walk.
 */
import { readBodyLimited } from './read-body.ts';
import { problemResponse } from './reply.ts';

/** Deeper than any request of the protocol (a submission is 4 levels, an audit batch 3). */
export const MAX_JSON_DEPTH = 16;

/** Whether the value nests deeper than `max`, found without recursion. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

export type JsonRead = { ok: true; value: unknown } | { ok: false; response: Response };

export async function readJson(request: Request, limit: number): Promise<JsonRead> {
  const read = await readBodyLimited(request, limit);
  if (!read.ok && read.reason === 'too-large') {
    return { ok: false, response: problemResponse(413, 'payload-too-large', { detail: `at most ${limit} bytes` }) };
  }
  if (!read.ok) return { ok: false, response: problemResponse(400, 'malformed-json', { detail: 'the body is not UTF-8' }) };
  let value: unknown;
  try {
    value = JSON.parse(read.text);
  } catch {
    return { ok: false, response: problemResponse(400, 'malformed-json') };
  }
  if (nestsDeeperThan(value, MAX_JSON_DEPTH)) {
    return { ok: false, response: problemResponse(422, 'invalid-request', { detail: `JSON nested deeper than ${MAX_JSON_DEPTH} levels` }) };
  }
  return { ok: true, value };
}
