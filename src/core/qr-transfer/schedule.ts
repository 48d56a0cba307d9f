/**
 * What the sender shows at each tick. Every frame is shown as two images in turn, the same
 * text in two QR mask patterns, each for half the frame's time; every loop uses two new
 * masks. zxing-js misses ~3 % of clean version 12 symbols at 4 px per module whatever the
 * picture's quality (its finder search takes a data pattern for a finder), and which ones
 * depends on the mask: with two masks per frame a 50 KB transfer lost 0–1 of 201 frames
 * per loop instead of 7, so it rarely waits for a second loop (bench/qr-transfer.ts).
 */
export const IMAGES_PER_FRAME = 2;

export interface Shown {
  index: number; // the frame, from 0
  loop: number;
  /** Which drawing of the frame: 0 is the encoder's own mask choice, n > 0 mask n mod 8. */
  variant: number;
}

export function shownAt(tick: number, frames: number): Shown {
  const slot = Math.floor(tick / IMAGES_PER_FRAME);
  const loop = Math.floor(slot / frames);
  return { index: slot % frames, loop, variant: loop * IMAGES_PER_FRAME + (tick % IMAGES_PER_FRAME) };
}

/** The first tick of the frame after (step 1) or before (step −1) the one shown at `tick`. */
export function stepFrom(tick: number, step: 1 | -1): number {
  return Math.max(0, (Math.floor(tick / IMAGES_PER_FRAME) + step) * IMAGES_PER_FRAME);
}
