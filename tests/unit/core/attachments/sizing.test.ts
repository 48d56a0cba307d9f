import { describe, expect, it } from 'vitest';
import { cropToPixels, fitWithin, hasRoomFor, pickQuality, planPhoto, QUALITY_LADDER, rotatedSize, unrotateFraction } from '../../../../src/core/attachments/sizing.ts';

describe('photo sizing', () => {
  it('scales a 12-megapixel photo so its longest side is 1600 px, keeping the proportions', () => {
    expect(fitWithin({ width: 4000, height: 3000 })).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin({ width: 3000, height: 4000 })).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin({ width: 4032, height: 3024 })).toEqual({ width: 1600, height: 1200 });
    // A long thin strip: the short side stays at least one pixel.
    expect(fitWithin({ width: 100_000, height: 10 })).toEqual({ width: 1600, height: 1 });
  });

  it('never enlarges a small image', () => {
    expect(fitWithin({ width: 800, height: 600 })).toEqual({ width: 800, height: 600 });
    expect(fitWithin({ width: 1600, height: 1600 })).toEqual({ width: 1600, height: 1600 });
  });

  it('swaps the sides on a quarter turn only', () => {
    expect(rotatedSize({ width: 4, height: 3 }, 90)).toEqual({ width: 3, height: 4 });
    expect(rotatedSize({ width: 4, height: 3 }, 180)).toEqual({ width: 4, height: 3 });
    expect(rotatedSize({ width: 4, height: 3 }, 270)).toEqual({ width: 3, height: 4 });
  });

  it('turns a dragged rectangle (corners in any order) into pixels inside the image', () => {
    expect(cropToPixels({ width: 1000, height: 500 }, { x0: 0.8, y0: 0.9, x1: 0.2, y1: 0.1 })).toEqual({ x: 200, y: 50, width: 600, height: 400 });
    // Dragged past the edges: clamped.
    expect(cropToPixels({ width: 1000, height: 500 }, { x0: -0.5, y0: -1, x1: 2, y1: 3 })).toEqual({ x: 0, y: 0, width: 1000, height: 500 });
    // A tap, not a drag: at least 16 px, still inside.
    expect(cropToPixels({ width: 1000, height: 500 }, { x0: 1, y0: 1, x1: 1, y1: 1 })).toEqual({ x: 984, y: 484, width: 16, height: 16 });
  });

  it('maps a crop drawn on the turned image back onto the source', () => {
    const crop = { x0: 0, y0: 0, x1: 0.5, y1: 0.25 };
    expect(unrotateFraction(crop, 0)).toEqual(crop);
    // Turned 90° clockwise, the displayed top-left is the source's bottom-left.
    expect(unrotateFraction(crop, 90)).toEqual({ x0: 0, y0: 1, x1: 0.25, y1: 0.5 });
    expect(unrotateFraction(crop, 180)).toEqual({ x0: 1, y0: 1, x1: 0.5, y1: 0.75 });
    expect(unrotateFraction(crop, 270)).toEqual({ x0: 1, y0: 0, x1: 0.75, y1: 0.5 });
  });

  it('plans the canvas after the crop and the turn', () => {
    const plan = planPhoto({ width: 4000, height: 3000 }, { x: 0, y: 0, width: 2000, height: 3000 }, 90);
    expect(plan.output).toEqual({ width: 1600, height: 1067 });
    expect(planPhoto({ width: 4000, height: 3000 }, null, 0).crop).toEqual({ x: 0, y: 0, width: 4000, height: 3000 });
  });

  it('walks the quality ladder down until the image fits 300 KB, and keeps the last rung when nothing fits', async () => {
    const sizes: Record<number, number> = { 0.85: 900_000, 0.75: 500_000, 0.65: 290_000 };
    const fits = await pickQuality(async (q) => ({ size: sizes[q] ?? 100_000 }));
    expect(fits).toMatchObject({ quality: 0.65, fits: true, tries: 3 });
    const never = await pickQuality(async () => ({ size: 1_000_000 }));
    expect(never).toMatchObject({ quality: QUALITY_LADDER.at(-1), fits: false, tries: QUALITY_LADDER.length });
    const first = await pickQuality(async () => ({ size: 10 }));
    expect(first).toMatchObject({ quality: 0.85, tries: 1 });
  });

  it('refuses a capture when the storage left cannot hold it, and does not block when the quota is unknown', () => {
    const mb = 1024 * 1024;
    expect(hasRoomFor({ quota: 100 * mb, usage: 10 * mb }, mb)).toBe(true);
    expect(hasRoomFor({ quota: 100 * mb, usage: 98 * mb }, mb)).toBe(false);
    expect(hasRoomFor({ quota: 100 * mb, usage: 91 * mb }, mb)).toBe(true); // 9 MB ≥ 4 MB + 5 MB margin
    expect(hasRoomFor({ quota: 100 * mb, usage: 92 * mb }, mb)).toBe(false);
    expect(hasRoomFor({}, mb)).toBe(true);
  });
});
