/**
 * Reads a request body up to a byte limit. Content-Length is checked first (cheap), but
 * it may be absent (chunked) or false, so the bytes are counted as they arrive and
 * reading stops as soon as the limit is passed: a huge body is never held in memory.
 */
export type BytesRead = { ok: true; bytes: Uint8Array } | { ok: false };
export type BodyRead = { ok: true; text: string } | { ok: false; reason: 'too-large' | 'not-utf8' };

/** The body's bytes, or `ok: false` as soon as it is known to pass `limit`. */
export async function readBytesLimited(request: Request, limit: number): Promise<BytesRead> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) return { ok: false };
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return { ok: false };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** The body as UTF-8 text (strict: a malformed sequence is refused, never replaced). */
export async function readBodyLimited(request: Request, limit: number): Promise<BodyRead> {
  const read = await readBytesLimited(request, limit);
  if (!read.ok) return { ok: false, reason: 'too-large' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(read.bytes) };
  } catch {
    return { ok: false, reason: 'not-utf8' };
  }
}
