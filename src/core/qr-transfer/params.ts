/**
 * The chosen size and pace of the animated QR codes, and why (measured by
 * bench/qr-transfer.ts; see README.md here for the frame format).
 *
 * - Error correction M (15 %): a kiosk's glossy screen throws reflections and a hand-held
 *   phone adds blur; L (7 %) carries ~28 % more but loses frames to a smudge of glare,
 *   and every lost frame waits a whole loop to come round again.
 * - At most 250 bytes of the stream per frame: with the header (≤ 42 characters) and base45
 *   that is ≤ 417 alphanumeric characters, which fits QR version 12 at level M (419):
 *   65 × 65 modules, 73 with the quiet zone. A 720p camera at arm's length (40–50 cm)
 *   sees such a code, drawn ~12 cm wide, about 300 px across: ~4 px per module. zxing
 *   reads 93–97 % of clean symbols at 3–4 px per module (a missed one comes back next loop
 *   with another mask, ui/qr-transfer/qr-frame.ts); below 3 px a real sensor's blur takes
 *   over. Version 15 (+49 % payload) would drop to ~3.5 px per module, version 20 to ~2.9:
 *   a phone has pixels to spare, a 720p kiosk camera not.
 * - 5 frames per second by default: the receiver samples the camera ~10–20 times a second
 *   (a QR-only decode of a 720p frame takes ~10 ms here, a few times that on a kiosk CPU),
 *   so each frame is seen 2–4 times, and a sample caught while the screen or the camera's
 *   rolling shutter is between two frames does not cost the frame. 2/s for a slow phone,
 *   8/s for a fast one. 250 B × 5/s = 1.25 KB/s: a 50 KB bundle in ~40 s per loop.
 * - No parity or fountain frames: with ~95 % of frames caught per loop, a 200-frame
 *   bundle still misses about two groups' worth after one loop with XOR parity over groups
 *   of eight, so the second loop is needed either way; a real fountain code is not cheap.
 */
export const CHUNK_BYTES = 250;
export const CORRECTION_LEVEL = 'M' as const;
/** The QR version frames of CHUNK_BYTES fit in at level M (the sender fixes it, so every frame has the same size on screen). */
export const QR_VERSION = 12;

export const FRAME_RATES = { slow: 2, normal: 5, fast: 8 } as const;
/** The receiver's pause between two decodes (the tracking scanner waits 120 ms): each frame shown for 125–500 ms is sampled at least twice. */
export const RECEIVER_GAP_MS = 30;
export type FrameRate = keyof typeof FRAME_RATES;
export const DEFAULT_FRAME_RATE: FrameRate = 'normal';

/** Largest transfer a receiver accepts (a frame claiming more is refused before anything is kept): ~56 minutes at 1.25 KB/s. */
export const MAX_TRANSFER_BYTES = 4 * 1024 * 1024;

/** Seconds one loop over `frames` frames takes at `rate`. */
export function loopSeconds(frames: number, rate: FrameRate): number {
  return frames / FRAME_RATES[rate];
}
