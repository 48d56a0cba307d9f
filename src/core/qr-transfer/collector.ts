/**
 * Collects the frames of one QR transfer, in any order, each as often as the camera sees
 * it, and gives back the exact bytes once every frame is in and the SHA-256 matches.
 *
 * A frame of another transfer (a second screen in view, or the sender switched to another
 * bundle) is ignored, unless SWITCH_AFTER frames of that other transfer come in a row with
 * none of the current one between them: then the sender has clearly moved on, and the
 * collector starts over on the new transfer. A damaged frame is refused by its CRC.
 */
import type { Sha256Digest } from '../attachments/digest.ts';
import { HASH_BYTES, parseFrame, sha256Of, sliceOf, transferIdOf, type Frame } from './frames.ts';

export const SWITCH_AFTER = 3;

export type Outcome =
  | { kind: 'new'; index: number } // a frame not seen before, kept
  | { kind: 'repeat'; index: number } // seen before (the sender loops)
  | { kind: 'restarted'; index: number } // the first frame of another transfer, whose frames took over
  | { kind: 'foreign' } // a frame of another transfer, ignored
  | { kind: 'damaged' } // looks like a frame, fails its checks
  | { kind: 'not-ours' }; // some other QR code

export interface Progress {
  received: number;
  total: number; // 0 before the first frame
  /** Indexes (from 0) still missing, ascending. */
  missing: number[];
}

export type Finished = { ok: true; bytes: Uint8Array } | { ok: false; code: 'incomplete' | 'hash-mismatch' };

const keyOf = (f: Frame) => `${f.id}:${f.total}:${f.length}`;

export class FrameCollector {
  private key: string | null = null;
  private total = 0;
  private length = 0;
  private chunks = new Map<number, Uint8Array>();
  private other: { key: string; count: number } | null = null;

  accept(text: string): Outcome {
    const parsed = parseFrame(text);
    if (!parsed.ok) return { kind: parsed.reason };
    const frame = parsed.frame;
    const key = keyOf(frame);
    if (this.key !== null && key !== this.key) {
      this.other = this.other?.key === key ? { key, count: this.other.count + 1 } : { key, count: 1 };
      if (this.other.count < SWITCH_AFTER) return { kind: 'foreign' };
    }
    const restarted = this.key !== null && key !== this.key;
    if (this.key === null || restarted) this.begin(frame);
    this.other = null;
    if (restarted) {
      this.chunks.set(frame.index, frame.chunk);
      return { kind: 'restarted', index: frame.index };
    }
    if (this.chunks.has(frame.index)) return { kind: 'repeat', index: frame.index };
    this.chunks.set(frame.index, frame.chunk);
    return { kind: 'new', index: frame.index };
  }

  private begin(frame: Frame): void {
    this.key = keyOf(frame);
    this.total = frame.total;
    this.length = frame.length;
    this.chunks = new Map();
  }

  progress(): Progress {
    const missing: number[] = [];
    for (let i = 0; i < this.total; i++) if (!this.chunks.has(i)) missing.push(i);
    return { received: this.chunks.size, total: this.total, missing };
  }

  get complete(): boolean {
    return this.total > 0 && this.chunks.size === this.total;
  }

  /** Starts empty again (after a transfer failed its check, or to receive another). */
  reset(): void {
    this.key = null;
    this.total = 0;
    this.length = 0;
    this.chunks = new Map();
    this.other = null;
  }

  /** The payload, when every frame is in and its SHA-256 is the one the transfer carries. */
  async finish(subtle: Sha256Digest): Promise<Finished> {
    if (!this.complete) return { ok: false, code: 'incomplete' };
    const stream = new Uint8Array(this.length + HASH_BYTES);
    for (const [index, chunk] of this.chunks) stream.set(chunk, sliceOf(index, this.total, this.length).start);
    const bytes = stream.slice(HASH_BYTES);
    const actual = await sha256Of(subtle, bytes);
    if (!equal(actual, stream.subarray(0, HASH_BYTES)) || transferIdOf(actual) !== this.key!.slice(0, 8)) return { ok: false, code: 'hash-mismatch' };
    return { ok: true, bytes };
  }
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
