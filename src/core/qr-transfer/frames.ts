/**
 * The frames of a QR transfer: each one a self-describing line of the QR alphanumeric set,
 *
 *   RQ1:<id>:<index>/<total>:<length>:<crc>:<data>
 *
 * - id: the first 8 hex digits of the SHA-256 of the bytes (the same bytes shown again are
 *   the same transfer, so a receiver keeps what it has when the sender reopens);
 * - index (from 0) and total: the frame's place; length: the byte length of the payload;
 * - crc: CRC-32 of the frame without this field, 8 hex digits;
 * - data: base45 of the frame's slice of the stream SHA-256(bytes) ‖ bytes, cut into
 *   `total` slices of nearly equal size (so a receiver finds each slice's offset from
 *   index, total and length, and every frame has the same QR size).
 * The receiver checks the whole against the SHA-256 in the stream's first 32 bytes.
 */
import type { Sha256Digest } from '../attachments/digest.ts';
import { fromBase45, toBase45 } from './base45.ts';
import { crc32Hex } from './crc32.ts';
import { CHUNK_BYTES, MAX_TRANSFER_BYTES } from './params.ts';

export const FRAME_PREFIX = 'RQ1';
export const HASH_BYTES = 32;

export interface FrameHeader {
  id: string;
  index: number;
  total: number;
  length: number;
}
export interface Frame extends FrameHeader {
  chunk: Uint8Array;
}

/** Start and end, in the stream (hash ‖ payload), of frame `index` of `total`. */
export function sliceOf(index: number, total: number, length: number): { start: number; end: number } {
  const size = length + HASH_BYTES;
  return { start: Math.floor((index * size) / total), end: Math.floor(((index + 1) * size) / total) };
}

export function frameCount(length: number, chunkBytes = CHUNK_BYTES): number {
  return Math.ceil((length + HASH_BYTES) / chunkBytes);
}

const head = (h: FrameHeader) => `${FRAME_PREFIX}:${h.id}:${h.index}/${h.total}:${h.length}:`;

export function encodeFrame(frame: Frame): string {
  const data = toBase45(frame.chunk);
  return `${head(frame)}${crc32Hex(head(frame) + data)}:${data}`;
}

export type ParsedFrame = { ok: true; frame: Frame } | { ok: false; reason: 'not-ours' | 'damaged' };

const FRAME_RE = /^RQ1:([0-9A-F]{8}):(\d{1,6})\/(\d{1,6}):(\d{1,8}):([0-9A-F]{8}):(.*)$/s;

/** A frame read by the camera: `not-ours` for any other text, `damaged` when its checksum or shape is wrong. */
export function parseFrame(text: string): ParsedFrame {
  if (!text.startsWith(`${FRAME_PREFIX}:`)) return { ok: false, reason: 'not-ours' };
  const m = FRAME_RE.exec(text);
  if (!m) return { ok: false, reason: 'damaged' };
  const [, id, i, n, len, crc, data] = m as unknown as [string, string, string, string, string, string, string];
  const header: FrameHeader = { id, index: Number(i), total: Number(n), length: Number(len) };
  if (crc32Hex(head(header) + data) !== crc) return { ok: false, reason: 'damaged' };
  const { index, total, length } = header;
  if (length > MAX_TRANSFER_BYTES || total < 1 || index >= total || total > length + HASH_BYTES) return { ok: false, reason: 'damaged' };
  const chunk = fromBase45(data);
  const { start, end } = sliceOf(index, total, length);
  if (!chunk || chunk.length !== end - start) return { ok: false, reason: 'damaged' };
  return { ok: true, frame: { ...header, chunk } };
}

/** A transfer's id: the first 4 bytes of its SHA-256, as upper-case hex. */
export const transferIdOf = (hash: Uint8Array): string => Array.from(hash.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();

export async function sha256Of(subtle: Sha256Digest, bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle.digest('SHA-256', new Uint8Array(bytes)));
}

/** The frames showing `bytes`, in order. */
export async function framesFor(subtle: Sha256Digest, bytes: Uint8Array, chunkBytes = CHUNK_BYTES): Promise<string[]> {
  if (bytes.length > MAX_TRANSFER_BYTES) throw new RangeError(`a QR transfer carries at most ${MAX_TRANSFER_BYTES} bytes, not ${bytes.length}`);
  const hash = await sha256Of(subtle, bytes);
  const stream = new Uint8Array(HASH_BYTES + bytes.length);
  stream.set(hash);
  stream.set(bytes, HASH_BYTES);
  const id = transferIdOf(hash);
  const total = frameCount(bytes.length, chunkBytes);
  return Array.from({ length: total }, (_, index) => {
    const { start, end } = sliceOf(index, total, bytes.length);
    return encodeFrame({ id, index, total, length: bytes.length, chunk: stream.subarray(start, end) });
  });
}
