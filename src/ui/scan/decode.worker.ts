/**
 * Decodes camera frames off the main thread, so the preview never stutters while zxing
 * searches a frame (~100–300 ms for a 2D code in a 1280×720 frame on the bench machine).
 * The page posts the RGBA pixels of the frame guide's area (transferred, not copied) and
 * gets back what was read, or null.
 */
import { rgbaToLuminance } from '../../core/scan/luminance.ts';
import type { ScanFormat } from '../../core/scan/formats.ts';
import { createDecoder, type Decode, type Decoded } from './zxing-decode.ts';

export interface DecodeRequest {
  id: number;
  width: number;
  height: number;
  rgba: ArrayBuffer;
  formats: readonly ScanFormat[];
}
export type DecodeReply = { id: number; ok: true; result: Decoded | null; ms: number } | { id: number; ok: false; error: string };

// This file is type-checked with the page's DOM types; a dedicated worker's scope has these two.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<DecodeRequest>) => void) | null;
  postMessage(message: DecodeReply): void;
};

let decoder: { key: string; decode: Decode } | null = null;

scope.onmessage = ({ data }) => {
  const started = performance.now();
  try {
    const key = data.formats.join(',');
    if (decoder?.key !== key) decoder = { key, decode: createDecoder({ formats: data.formats }) };
    const luminance = rgbaToLuminance(new Uint8ClampedArray(data.rgba), data.width, data.height);
    scope.postMessage({ id: data.id, ok: true, result: decoder.decode(luminance, data.width, data.height), ms: performance.now() - started });
  } catch (error) {
    scope.postMessage({ id: data.id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
