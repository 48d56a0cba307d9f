/**
 * Camera frames arrive as RGBA (canvas ImageData); zxing reads one luminance byte per
 * pixel. The same green-weighted average zxing's own RGB source uses: (R + 2G + B) / 4.
 */
export function rgbaToLuminance(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): Uint8ClampedArray {
  const size = width * height;
  if (rgba.length < size * 4) throw new RangeError(`expected ${size * 4} RGBA bytes for ${width}×${height}, got ${rgba.length}`);
  const out = new Uint8ClampedArray(size);
  for (let i = 0, p = 0; i < size; i++, p += 4) out[i] = (rgba[p]! + 2 * rgba[p + 1]! + rgba[p + 2]!) >> 2;
  return out;
}
