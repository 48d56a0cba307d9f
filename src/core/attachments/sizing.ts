/**
 * The arithmetic of preparing a document photo, kept apart from the canvas so it can be
 * tested: the crop rectangle in the source's pixels, the size after a quarter turn, the
 * output size (longest side at most 1600 px, never enlarged), and the quality ladder the
 * encoder walks down until the image fits its byte budget (about 300 KB).
 */
import { storageLevel, type StorageEstimateLike } from '../storage/quota.ts';

export interface Size {
  width: number;
  height: number;
}
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
/** Quarter turns clockwise. */
export type Rotation = 0 | 90 | 180 | 270;

export const MAX_PHOTO_SIDE = 1600;
export const TARGET_PHOTO_BYTES = 300 * 1024;
/** Qualities tried in turn (JPEG / WebP), best first; the last one is kept even if too big. */
export const QUALITY_LADDER: readonly number[] = [0.85, 0.75, 0.65, 0.55, 0.45, 0.35];

/** Scales `size` down so its longest side is at most `maxSide`; never enlarges; at least 1×1. */
export function fitWithin(size: Size, maxSide = MAX_PHOTO_SIDE): Size {
  const longest = Math.max(size.width, size.height);
  if (longest <= maxSide) return { width: Math.max(1, Math.round(size.width)), height: Math.max(1, Math.round(size.height)) };
  const scale = maxSide / longest;
  return {
    width: Math.max(1, Math.min(maxSide, Math.round(size.width * scale))),
    height: Math.max(1, Math.min(maxSide, Math.round(size.height * scale))),
  };
}

/** The size of `size` turned by `rotation`. */
export function rotatedSize(size: Size, rotation: Rotation): Size {
  return rotation === 90 || rotation === 270 ? { width: size.height, height: size.width } : { ...size };
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * A crop given as fractions of the displayed image (0..1, from a dragged rectangle whose
 * corners may be in any order) in the source's whole pixels, kept inside the image and
 * at least `minSide` pixels on each side.
 */
export function cropToPixels(source: Size, fraction: { x0: number; y0: number; x1: number; y1: number }, minSide = 16): Rect {
  const left = clamp(Math.min(fraction.x0, fraction.x1), 0, 1);
  const right = clamp(Math.max(fraction.x0, fraction.x1), 0, 1);
  const top = clamp(Math.min(fraction.y0, fraction.y1), 0, 1);
  const bottom = clamp(Math.max(fraction.y0, fraction.y1), 0, 1);
  const min = Math.min(minSide, source.width, source.height);
  let x = Math.floor(left * source.width);
  let y = Math.floor(top * source.height);
  let width = Math.max(min, Math.round((right - left) * source.width));
  let height = Math.max(min, Math.round((bottom - top) * source.height));
  width = Math.min(width, source.width);
  height = Math.min(height, source.height);
  x = clamp(x, 0, source.width - width);
  y = clamp(y, 0, source.height - height);
  return { x, y, width, height };
}

/** A crop given in the rotated image's fractions, expressed in the unrotated source's fractions. */
export function unrotateFraction(f: { x0: number; y0: number; x1: number; y1: number }, rotation: Rotation): { x0: number; y0: number; x1: number; y1: number } {
  const point = (x: number, y: number): [number, number] => {
    switch (rotation) {
      case 90:
        return [y, 1 - x];
      case 180:
        return [1 - x, 1 - y];
      case 270:
        return [1 - y, x];
      default:
        return [x, y];
    }
  };
  const [x0, y0] = point(f.x0, f.y0);
  const [x1, y1] = point(f.x1, f.y1);
  return { x0, y0, x1, y1 };
}

/** The whole plan for one photo: what to cut from the source, and the canvas to draw it on. */
export interface PhotoPlan {
  crop: Rect; // in source pixels, before rotation
  output: Size; // the canvas, after rotation and scaling
  rotation: Rotation;
}

export function planPhoto(source: Size, crop: Rect | null, rotation: Rotation, maxSide = MAX_PHOTO_SIDE): PhotoPlan {
  const cut = crop ?? { x: 0, y: 0, width: source.width, height: source.height };
  return { crop: cut, rotation, output: fitWithin(rotatedSize(cut, rotation), maxSide) };
}

/**
 * Walks the quality ladder: `encode(q)` gives the byte size at quality q. Returns the first
 * quality whose result fits `target` bytes, or the last rung when none does (the caller
 * then refuses it if it is over the field's hard limit).
 */
export async function pickQuality<T extends { size: number }>(
  encode: (quality: number) => Promise<T>,
  target = TARGET_PHOTO_BYTES,
  ladder: readonly number[] = QUALITY_LADDER,
): Promise<{ quality: number; result: T; fits: boolean; tries: number }> {
  let last: { quality: number; result: T } | null = null;
  let tries = 0;
  for (const quality of ladder) {
    const result = await encode(quality);
    tries++;
    if (result.size <= target) return { quality, result, fits: true, tries };
    last = { quality, result };
  }
  if (!last) throw new Error('the quality ladder is empty');
  return { ...last, fits: false, tries };
}

/**
 * Whether the browser's storage can take one more image: the estimated free quota must
 * hold the largest image, its sealed copy in the outbox and the draft's re-encryptions
 * (about four times the image), plus a safety margin.
 */
export function hasRoomFor(estimate: { quota?: number; usage?: number }, imageBytes: number, marginBytes = 5 * 1024 * 1024): boolean {
  if (estimate.quota === undefined || estimate.usage === undefined) return true; // unknown: do not block
  return estimate.quota - estimate.usage >= imageBytes * 4 + marginBytes;
}

/**
 * Whether a new photo (at most `imageBytes`) may be taken: below the share of the quota from
 * which photos are refused (core/storage/quota.ts), and with room for it and its copies.
 */
export function roomForPhoto(estimate: StorageEstimateLike, imageBytes: number): boolean {
  return storageLevel(estimate) !== 'photos-refused' && hasRoomFor(estimate, imageBytes);
}
