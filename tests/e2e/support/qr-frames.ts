/**
 * QR transfer frames as camera pictures, for the unit test, the bench and the e2e test:
 * a frame's symbol (as the sender draws it, src/ui/qr-transfer/qr-frame.ts) rasterised
 * at a given number of pixels per module, and screenshots of the sender's frames turned
 * into an MJPEG video for Chromium's fake camera.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bitmap2D } from 'lean-qr';
import type { GreyImage } from './barcodes.ts';

/** The symbol at `px` pixels per module (fractional sizes sample like a camera), with a 4-module quiet zone, near-black on near-white like a screen. */
export function rasterCode(code: Bitmap2D, px: number): GreyImage {
  const side = Math.round((code.size + 8) * px);
  const data = new Uint8ClampedArray(side * side);
  for (let y = 0; y < side; y++) {
    const my = Math.floor(y / px) - 4;
    for (let x = 0; x < side; x++) data[y * side + x] = code.get(Math.floor(x / px) - 4, my) ? 24 : 232;
  }
  return { width: side, height: side, data };
}

/**
 * An MJPEG for `--use-file-for-fake-video-capture`: each PNG (screenshots of the shown
 * frames) held for `repeat` video frames, centred on a grey 1280×720 picture at `side`
 * pixels. Chromium plays a .mjpeg file at 30 frames per second and loops it.
 */
export function mjpegOfPngs(pngs: Buffer[], options: { repeat: number; side: number }, dir = mkdtempSync(join(tmpdir(), 'relais-qr-cam-'))): string {
  pngs.forEach((png, i) => writeFileSync(join(dir, `f${String(i).padStart(5, '0')}.png`), png));
  const out = join(dir, 'camera.mjpeg');
  const filter = `scale=${options.side}:${options.side}:flags=area,pad=1280:720:(ow-iw)/2:(oh-ih)/2:color=0xc8c8c8,format=yuvj420p`;
  execFileSync('/usr/bin/ffmpeg', ['-loglevel', 'error', '-y', '-framerate', `${30 / options.repeat}`, '-i', join(dir, 'f%05d.png'), '-vf', filter, '-r', '30', '-q:v', '3', '-f', 'mjpeg', out]);
  return out;
}

/** An MJPEG of 1280×720 grey pictures, each held for `repeat` video frames (30 per second). */
export function mjpegOfGrey(pictures: GreyImage[], repeat: number, dir = mkdtempSync(join(tmpdir(), 'relais-qr-cam-'))): string {
  const raw = join(dir, 'frames.gray');
  writeFileSync(raw, Buffer.concat(pictures.map((p) => Buffer.from(p.data.buffer, p.data.byteOffset, p.data.byteLength))));
  const out = join(dir, 'camera.mjpeg');
  execFileSync('/usr/bin/ffmpeg', ['-loglevel', 'error', '-y', '-f', 'rawvideo', '-pix_fmt', 'gray', '-s', '1280x720', '-framerate', `${30 / repeat}`, '-i', raw, '-r', '30', '-pix_fmt', 'yuvj420p', '-q:v', '3', '-f', 'mjpeg', out]);
  return out;
}
