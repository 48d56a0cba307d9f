/**
 * The chosen size and pace of the animated QR codes, and why (measured by
 * bench/qr-transfer.ts; the frame format is in README.md here).
 *
 * - Error correction M (15 %): a kiosk's glossy screen throws reflections and a hand-held
 *   phone adds blur; L (7 %) carries ~28 % more but loses frames to a smudge of glare,
 *   and every lost frame waits a whole loop to come round again.
 * - At most 250 bytes of the stream per frame: with the header (≤ 42 characters) and base45
 *   that is ≤ 417 alphanumeric characters, which fits QR version 12 at level M (419):
 *   65 × 65 modules, 73 with the quiet zone. A 720p camera at arm's length (40–50 cm)
 *   sees such a code, drawn ~12 cm wide, about 300 px across: ~4 px per module, where
 *   zxing reads best (97 % of clean symbols per mask at 3–4 px, 80 % at 6 px; two masks per
 *   frame, schedule.ts, catch the rest); below 3 px a real sensor's blur takes over.
 *   Version 15 (+49 % payload) would drop to ~3.5 px per module, version 20 to ~2.9: a
 *   phone has pixels to spare, a 720p kiosk camera not.
 * - 5 frames per second by default, each shown as two images (10 images/s): the receiver
 *   samples the camera every decode + 30 ms, ~19 times a second here (a QR-only decode of
 *   the guide's area takes ~22 ms), so each image is seen about twice, and a sample caught
 *   while the screen or the camera's rolling shutter is between two images costs nothing.
 *   A kiosk CPU a few times slower still sees each frame at least once or twice; 2/s for a
 *   slow phone, 8/s for a fast one. 250 B × 5/s = 1.25 KB/s: a 50 KB bundle in ~40 s.
 * - No parity or fountain frames: with two masks per frame a loop loses 0–1 of 201 frames
 *   on clean pictures, so XOR parity (+12.5 % per loop for groups of eight) would rarely
 *   pay for itself, and a real fountain code is not cheap. A missed frame comes back next loop.
 */
export const CHUNK_BYTES = 250;
export const CORRECTION_LEVEL = 'M' as const;
/** The QR version frames of CHUNK_BYTES fit in at level M (the sender fixes it, so every frame has the same size on screen). */
export const QR_VERSION = 12;

export const FRAME_RATES = { slow: 2, normal: 5, fast: 8 } as const;
/** The receiver's pause between two decodes (the tracking scanner waits 120 ms), so that each image (62–250 ms on screen) is sampled. */
export const RECEIVER_GAP_MS = 30;
export type FrameRate = keyof typeof FRAME_RATES;
export const DEFAULT_FRAME_RATE: FrameRate = 'normal';

/** Largest transfer a receiver accepts (a frame claiming more is refused before anything is kept): ~56 minutes at 1.25 KB/s. */
export const MAX_TRANSFER_BYTES = 4 * 1024 * 1024;

/** Seconds one loop over `frames` frames takes at `rate`. */
export function loopSeconds(frames: number, rate: FrameRate): number {
  return frames / FRAME_RATES[rate];
}
