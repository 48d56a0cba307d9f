/**
 * Drawing and encoding on a canvas: the crop, the quarter turns and the scaling planned by
 * core/attachments/sizing.ts, then JPEG (WebP when the browser encodes it smaller is not
 * worth a second ladder on a kiosk) down the quality ladder until ≤ 300 KB.
 */
import { pickQuality, planPhoto, type Rect, type Rotation, type Size } from '../../core/attachments/sizing.ts';

export interface EncodedImage {
  bytes: Uint8Array<ArrayBuffer>;
  mediaType: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  quality: number | null;
}

function toBlob(canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas could not be encoded'))), type, quality));
}

/** Draws `source` (crop in its own pixels, then turned) on a canvas of the planned output size. */
export function drawPlanned(source: CanvasImageSource, sourceSize: Size, crop: Rect | null, rotation: Rotation, maxSide?: number): HTMLCanvasElement {
  const plan = planPhoto(sourceSize, crop, rotation, maxSide);
  const canvas = document.createElement('canvas');
  canvas.width = plan.output.width;
  canvas.height = plan.output.height;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.imageSmoothingQuality = 'high';
  ctx.translate(canvas.width / 2, canvas.height / 2);
  ctx.rotate((rotation * Math.PI) / 180);
  const turned = rotation === 90 || rotation === 270;
  const w = turned ? canvas.height : canvas.width;
  const h = turned ? canvas.width : canvas.height;
  ctx.drawImage(source, plan.crop.x, plan.crop.y, plan.crop.width, plan.crop.height, -w / 2, -h / 2, w, h);
  return canvas;
}

export async function encodePhoto(source: CanvasImageSource, sourceSize: Size, crop: Rect | null, rotation: Rotation): Promise<EncodedImage> {
  const canvas = drawPlanned(source, sourceSize, crop, rotation);
  const picked = await pickQuality((q) => toBlob(canvas, 'image/jpeg', q));
  return { bytes: new Uint8Array(await picked.result.arrayBuffer()), mediaType: 'image/jpeg', width: canvas.width, height: canvas.height, quality: picked.quality };
}

export async function encodePng(canvas: HTMLCanvasElement): Promise<EncodedImage> {
  const blob = await toBlob(canvas, 'image/png');
  return { bytes: new Uint8Array(await blob.arrayBuffer()), mediaType: 'image/png', width: canvas.width, height: canvas.height, quality: null };
}

/** Decodes a picked file; null when it is not an image the browser can read. */
export async function decodeFile(file: Blob): Promise<ImageBitmap | null> {
  try {
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return null;
  }
}
