/** QR transfer, pure parts: base45, CRC-32, frames and the collector that puts them back together. */
import { describe, expect, it } from 'vitest';
import { fromBase45, toBase45 } from '../../../src/core/qr-transfer/base45.ts';
import { FrameCollector, SWITCH_AFTER } from '../../../src/core/qr-transfer/collector.ts';
import { crc32Hex } from '../../../src/core/qr-transfer/crc32.ts';
import { encodeFrame, frameCount, framesFor, HASH_BYTES, parseFrame, sliceOf } from '../../../src/core/qr-transfer/frames.ts';
import { CHUNK_BYTES, MAX_TRANSFER_BYTES } from '../../../src/core/qr-transfer/params.ts';
import { shownAt, stepFrom } from '../../../src/core/qr-transfer/schedule.ts';

const subtle = globalThis.crypto.subtle;
const ascii = (s: string) => new TextEncoder().encode(s);

/** Deterministic pseudo-random bytes (xorshift), so a failure can be replayed. */
function bytesOf(length: number, seed = 7): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** Feeds frames to a fresh collector and returns what it finishes with. */
async function collect(frames: string[]) {
  const collector = new FrameCollector();
  for (const f of frames) collector.accept(f);
  return { collector, finished: await collector.finish(subtle) };
}

describe('base45 (RFC 9285)', () => {
  it('encodes and decodes the RFC examples', () => {
    expect(toBase45(ascii('AB'))).toBe('BB8');
    expect(toBase45(ascii('Hello!!'))).toBe('%69 VD92EX0');
    expect(toBase45(ascii('base-45'))).toBe('UJCLQE7W581');
    expect(new TextDecoder().decode(fromBase45('QED8WEX0')!)).toBe('ietf!');
    expect(toBase45(new Uint8Array())).toBe('');
  });

  it('round-trips every byte value, odd and even lengths', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(fromBase45(toBase45(all))).toEqual(all);
    expect(fromBase45(toBase45(all.subarray(0, 255)))).toEqual(all.subarray(0, 255));
  });

  it('refuses text that is not base45', () => {
    expect(fromBase45('GGW')).toBeNull(); // 65 535 + 1: out of range
    expect(fromBase45('ab')).toBeNull(); // lower case is not in the set
    expect(fromBase45('BB8B')).toBeNull(); // a lone last character
    expect(fromBase45(':Z')).toBeNull(); // a two-character group above 255
  });
});

it('CRC-32 is the standard one (check value of "123456789")', () => {
  expect(crc32Hex('123456789')).toBe('CBF43926');
});

describe('frames', () => {
  it('cuts the stream into nearly equal slices that cover it exactly', () => {
    const total = frameCount(1000);
    expect(total).toBe(Math.ceil((1000 + HASH_BYTES) / CHUNK_BYTES));
    let at = 0;
    for (let i = 0; i < total; i++) {
      const { start, end } = sliceOf(i, total, 1000);
      expect(start).toBe(at);
      expect(end - start).toBeLessThanOrEqual(CHUNK_BYTES);
      expect(end - start).toBeGreaterThanOrEqual(CHUNK_BYTES - 1 - Math.ceil(CHUNK_BYTES / total));
      at = end;
    }
    expect(at).toBe(1000 + HASH_BYTES);
  });

  it('every frame is text of the QR alphanumeric set that reads back to its header and slice', async () => {
    const frames = await framesFor(subtle, bytesOf(3000));
    expect(frames).toHaveLength(frameCount(3000));
    for (const [i, text] of frames.entries()) {
      expect(text).toMatch(/^[0-9A-Z $%*+\-./:]+$/);
      const parsed = parseFrame(text);
      expect(parsed.ok && parsed.frame.index === i && parsed.frame.total === frames.length && parsed.frame.length === 3000).toBe(true);
    }
  });

  it('other QR codes are not ours; a frame with a wrong checksum, range or slice length is damaged', async () => {
    expect(parseFrame('https://relais.example/?track=7KQ2M-4ZP9D')).toEqual({ ok: false, reason: 'not-ours' });
    const [frame] = await framesFor(subtle, bytesOf(100));
    const parts = frame!.split(':');
    const data = parts[5]!;
    // One base45 character changed for another valid one: only the CRC can tell.
    const flipped = [...parts.slice(0, 5), (data[0] === '0' ? '1' : '0') + data.slice(1)].join(':');
    expect(parseFrame(flipped)).toEqual({ ok: false, reason: 'damaged' });
    expect(parseFrame(frame!.slice(0, -3))).toEqual({ ok: false, reason: 'damaged' }); // truncated
    expect(parseFrame('RQ1:nonsense')).toEqual({ ok: false, reason: 'damaged' });
    // Consistent checksums but impossible headers: index beyond total, a huge length, a short slice.
    const made = (index: number, total: number, length: number, chunk: Uint8Array) => parseFrame(encodeFrame({ id: '0123ABCD', index, total, length, chunk }));
    expect(made(3, 3, 100, new Uint8Array(44))).toEqual({ ok: false, reason: 'damaged' });
    expect(made(0, 1, MAX_TRANSFER_BYTES + 1, new Uint8Array(1))).toEqual({ ok: false, reason: 'damaged' });
    expect(made(0, 3, 100, new Uint8Array(40))).toEqual({ ok: false, reason: 'damaged' });
    expect(made(0, 3, 100, new Uint8Array(44)).ok).toBe(true);
  });

  it('refuses to show more than a receiver would take', async () => {
    await expect(framesFor(subtle, new Uint8Array(MAX_TRANSFER_BYTES + 1))).rejects.toThrow(RangeError);
  });
});

describe('collecting frames', () => {
  for (const [name, length] of [
    ['empty', 0],
    ['one byte', 1],
    ['exactly one frame', CHUNK_BYTES - HASH_BYTES],
    ['one byte more than a frame', CHUNK_BYTES - HASH_BYTES + 1],
    ['many frames (50 KB)', 50_000],
  ] as const) {
    it(`round trip: ${name} (${length} bytes)`, async () => {
      const bytes = bytesOf(length, length + 1);
      const frames = await framesFor(subtle, bytes);
      expect(frames).toHaveLength(frameCount(length));
      const { collector, finished } = await collect(frames);
      expect(collector.progress()).toEqual({ received: frames.length, total: frames.length, missing: [] });
      expect(finished).toEqual({ ok: true, bytes });
    });
  }

  it('takes frames in any order and as often as they come, and reports what is missing', async () => {
    const bytes = bytesOf(5000, 3);
    const frames = await framesFor(subtle, bytes);
    const collector = new FrameCollector();
    expect(collector.progress()).toEqual({ received: 0, total: 0, missing: [] });
    const order = frames.map((_, i) => i).reverse();
    expect(collector.accept(frames[order[0]!]!)).toEqual({ kind: 'new', index: order[0] });
    expect(collector.accept(frames[order[0]!]!)).toEqual({ kind: 'repeat', index: order[0] });
    for (const i of order.slice(1, -2)) collector.accept(frames[i]!);
    expect(collector.progress()).toEqual({ received: frames.length - 2, total: frames.length, missing: [0, 1] });
    expect(await collector.finish(subtle)).toEqual({ ok: false, code: 'incomplete' });
    collector.accept(frames[1]!);
    collector.accept(frames[5]!);
    expect(collector.complete).toBe(false);
    collector.accept(frames[0]!);
    expect(collector.complete).toBe(true);
    expect(await collector.finish(subtle)).toEqual({ ok: true, bytes });
  });

  it('a damaged frame is refused and the good copy of it is taken on the next loop', async () => {
    const bytes = bytesOf(800, 11);
    const frames = await framesFor(subtle, bytes);
    const collector = new FrameCollector();
    const damaged = frames[2]!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    for (const f of [...frames.slice(0, 2), damaged, ...frames.slice(3)]) collector.accept(f);
    expect(collector.accept(damaged)).toEqual({ kind: 'damaged' });
    expect(collector.progress().missing).toEqual([2]);
    expect(collector.accept(frames[2]!)).toEqual({ kind: 'new', index: 2 });
    expect(await collector.finish(subtle)).toEqual({ ok: true, bytes });
  });

  it('ignores frames of another transfer, and starts over once they clearly took over', async () => {
    const mine = await framesFor(subtle, bytesOf(2000, 1));
    const bytes = bytesOf(1500, 2);
    const theirs = await framesFor(subtle, bytes);
    const collector = new FrameCollector();
    collector.accept(mine[0]!);
    collector.accept(mine[1]!);
    // A stray frame, or a couple: ignored while mine keep coming.
    for (let i = 0; i < SWITCH_AFTER - 1; i++) expect(collector.accept(theirs[i]!)).toEqual({ kind: 'foreign' });
    expect(collector.accept(mine[2]!)).toEqual({ kind: 'new', index: 2 });
    expect(collector.accept(theirs[0]!)).toEqual({ kind: 'foreign' });
    expect(collector.progress()).toMatchObject({ received: 3, total: mine.length });
    // SWITCH_AFTER of theirs in a row: the sender moved on to another transfer.
    for (let i = 1; i < SWITCH_AFTER - 1; i++) expect(collector.accept(theirs[i]!)).toEqual({ kind: 'foreign' });
    expect(collector.accept(theirs[SWITCH_AFTER - 1]!)).toEqual({ kind: 'restarted', index: SWITCH_AFTER - 1 });
    expect(collector.progress()).toMatchObject({ received: 1, total: theirs.length });
    // Mine are now the foreign ones.
    expect(collector.accept(mine[3]!)).toEqual({ kind: 'foreign' });
    for (const f of theirs) collector.accept(f);
    expect(await collector.finish(subtle)).toEqual({ ok: true, bytes });
  });

  it('refuses the whole when its SHA-256 does not match, and can start again', async () => {
    // Frames with valid checksums whose stream carries the hash of other bytes (a broken or forged sender).
    const bytes = bytesOf(600, 5);
    const wrongHash = new Uint8Array(await subtle.digest('SHA-256', bytesOf(600, 6)));
    const stream = new Uint8Array([...wrongHash, ...bytes]);
    const total = frameCount(600);
    const id = [...wrongHash.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();
    const forged = Array.from({ length: total }, (_, index) => {
      const { start, end } = sliceOf(index, total, 600);
      return encodeFrame({ id, index, total, length: 600, chunk: stream.subarray(start, end) });
    });
    const { collector, finished } = await collect(forged);
    expect(collector.complete).toBe(true);
    expect(finished).toEqual({ ok: false, code: 'hash-mismatch' });
    // Frames of the right payload and hash, but an id that is not that hash's: refused too.
    const good = await framesFor(subtle, bytes);
    const relabelled = good.map((f) => {
      const p = parseFrame(f);
      if (!p.ok) throw new Error('unreadable');
      return encodeFrame({ ...p.frame, id: 'FFFFFFFF' });
    });
    expect((await collect(relabelled)).finished).toEqual({ ok: false, code: 'hash-mismatch' });
    collector.reset();
    expect(collector.progress()).toEqual({ received: 0, total: 0, missing: [] });
    for (const f of good) collector.accept(f);
    expect(await collector.finish(subtle)).toEqual({ ok: true, bytes });
  });
});

describe('what the sender shows', () => {
  it('each frame as two images (two masks) in turn, two new masks each loop; steps go frame by frame', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((tick) => shownAt(tick, 3))).toEqual([
      { index: 0, loop: 0, variant: 0 },
      { index: 0, loop: 0, variant: 1 },
      { index: 1, loop: 0, variant: 0 },
      { index: 1, loop: 0, variant: 1 },
      { index: 2, loop: 0, variant: 0 },
      { index: 2, loop: 0, variant: 1 },
      { index: 0, loop: 1, variant: 2 },
      { index: 0, loop: 1, variant: 3 },
    ]);
    expect(stepFrom(3, 1)).toBe(4);
    expect(stepFrom(3, -1)).toBe(0);
    expect(stepFrom(1, -1)).toBe(0);
  });
});
