/**
 * Barcode pictures for tests and the bench, drawn from bwip-js's module matrices (no
 * image decoding): a grey-level (luminance) buffer, one byte per pixel, black modules on
 * white, optionally placed in a larger frame such as a 1280×720 camera picture. ffmpeg
 * turns such a frame into the MJPEG file Chromium's fake camera plays.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bwipjs from 'bwip-js/node';

export type BwipSymbol = 'qrcode' | 'pdf417' | 'datamatrix' | 'code128' | 'ean13' | 'ean8';

export interface GreyImage {
  width: number;
  height: number;
  data: Uint8ClampedArray; // 0 = black, 255 = white
}

/** Rows of modules (true = black) of a symbol; linear codes get `barHeight` identical rows. */
export function modules(symbol: BwipSymbol, text: string, barHeight = 30): boolean[][] {
  const [raw] = bwipjs.raw(symbol, text, {}) as Array<{ pixs?: number[]; pixx?: number; pixy?: number; sbs?: number[] }>;
  if (!raw) throw new Error(`bwip-js drew nothing for ${symbol}`);
  if (raw.pixs && raw.pixx && raw.pixy) {
    const rows: boolean[][] = [];
    for (let y = 0; y < raw.pixy; y++) rows.push(raw.pixs.slice(y * raw.pixx, (y + 1) * raw.pixx).map((v) => v === 1));
    return rows;
  }
  if (!raw.sbs) throw new Error(`bwip-js gave no bars for ${symbol}`);
  const row: boolean[] = [];
  raw.sbs.forEach((width, i) => {
    for (let k = 0; k < width; k++) row.push(i % 2 === 0); // bar, space, bar, …
  });
  return Array.from({ length: barHeight }, () => row);
}

/**
 * The symbol drawn at `scale` pixels per module (`rowScale` per module row: PDF417 rows
 * are drawn three times as tall as a module is wide), with a white quiet zone of `quiet`
 * modules around it.
 */
export function drawSymbol(symbol: BwipSymbol, text: string, options: { scale?: number; rowScale?: number; quiet?: number } = {}): GreyImage {
  const { scale = 4, quiet = 10 } = options;
  const rowScale = options.rowScale ?? (symbol === 'pdf417' ? 3 * scale : scale);
  const grid = modules(symbol, text, symbol === 'code128' || symbol.startsWith('ean') ? 40 : 0);
  const cols = grid[0]!.length;
  const width = (cols + 2 * quiet) * scale;
  const height = grid.length * rowScale + 2 * quiet * scale;
  const data = new Uint8ClampedArray(width * height).fill(255);
  for (let y = 0; y < grid.length * rowScale; y++) {
    const row = grid[Math.floor(y / rowScale)]!;
    const offset = (quiet * scale + y) * width + quiet * scale;
    for (let x = 0; x < cols * scale; x++) if (row[Math.floor(x / scale)]) data[offset + x] = 0;
  }
  return { width, height, data };
}

/** `image` placed at the centre of a `width`×`height` frame of the given grey (a desk, a wall). */
export function inFrame(image: GreyImage, width = 1280, height = 720, background = 200): GreyImage {
  if (image.width > width || image.height > height) throw new Error(`a ${image.width}×${image.height} symbol does not fit a ${width}×${height} frame`);
  const data = new Uint8ClampedArray(width * height).fill(background);
  const x0 = Math.floor((width - image.width) / 2);
  const y0 = Math.floor((height - image.height) / 2);
  for (let y = 0; y < image.height; y++) data.set(image.data.subarray(y * image.width, (y + 1) * image.width), (y0 + y) * width + x0);
  return { width, height, data };
}

/** A rectangle of a grey image, as its own image. */
export function cropGrey(image: GreyImage, x: number, y: number, width: number, height: number): GreyImage {
  const data = new Uint8ClampedArray(width * height);
  for (let row = 0; row < height; row++) data.set(image.data.subarray((y + row) * image.width + x, (y + row) * image.width + x + width), row * width);
  return { width, height, data };
}

/**
 * An MJPEG file of `seconds` of the same frame at 10 fps, for Chromium's
 * `--use-file-for-fake-video-capture` (Debian's /usr/bin/ffmpeg). Returns its path.
 */
export function mjpegOf(frame: GreyImage, seconds = 3, dir = mkdtempSync(join(tmpdir(), 'relais-cam-'))): string {
  const raw = join(dir, 'frame.gray');
  const out = join(dir, 'camera.mjpeg');
  writeFileSync(raw, frame.data);
  execFileSync('/usr/bin/ffmpeg', ['-loglevel', 'error', '-y', '-f', 'rawvideo', '-pix_fmt', 'gray', '-s', `${frame.width}x${frame.height}`, '-framerate', '10', '-i', raw, '-vf', `loop=loop=${seconds * 10 - 1}:size=1:start=0`, '-pix_fmt', 'yuvj420p', '-q:v', '2', '-f', 'mjpeg', out]);
  return out;
}
