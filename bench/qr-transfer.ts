/**
 * QR transfer rate for a 50 KB bundle at the chosen size and pace (src/core/qr-transfer/
 * params.ts): every frame drawn as the sender draws it (ui/qr-transfer/qr-frame.ts, two
 * images in two masks per frame, two new masks each loop) at 4 px per module in a 1280×720 camera picture, cut to the frame
 * guide and decoded as the receiver's worker does (RGBA → luminance, zxing QR only,
 * TRY_HARDER), fed to the collector until the SHA-256 checks out.
 * - value: the effective rate, payload bytes per frame × the lesser of the display's pace
 *   (the default 5 frames/s) and the frames per second the receiver samples here;
 * - baseline (same run): the naive encoding — base64 text in byte mode at the same QR
 *   version and pace, drawn and decoded the same way.
 * The detail adds the whole transfer as simulated: the sender's loops until the collector
 * has every frame (a frame zxing misses in both its images costs waiting for the next
 * loop; with one mask per frame 7 of 201 were missed and the whole ran at half the rate).
 * The detail gives payload per frame, the decode time and the frames per second the
 * decoder sustains here, the receiver's sampling rate (with its pause between decodes),
 * and the loops needed. A kiosk CPU is a few times slower than this machine; the decoder
 * still samples each frame at least twice at 5 frames/s up to ~4× slower.
 */
import { correction, generate, type Bitmap2D, type Mask } from 'lean-qr';
import { FrameCollector } from '../src/core/qr-transfer/collector.ts';
import { framesFor } from '../src/core/qr-transfer/frames.ts';
import { DEFAULT_FRAME_RATE, FRAME_RATES, QR_VERSION, RECEIVER_GAP_MS } from '../src/core/qr-transfer/params.ts';
import { IMAGES_PER_FRAME } from '../src/core/qr-transfer/schedule.ts';
import { guideCrop } from '../src/core/scan/frame-guide.ts';
import { rgbaToLuminance } from '../src/core/scan/luminance.ts';
import { frameCode } from '../src/ui/qr-transfer/qr-frame.ts';
import { createDecoder } from '../src/ui/scan/zxing-decode.ts';
import { cropGrey, inFrame } from '../tests/e2e/support/barcodes.ts';
import { rasterCode } from '../tests/e2e/support/qr-frames.ts';
import { median, type BenchLine } from './lib/report.ts';

const BUNDLE_BYTES = 50_000;
const PX_PER_MODULE = 4;
const MAX_LOOPS = 8;
const decode = createDecoder({ formats: ['QR_CODE'] });

/** A camera picture of `code` as the receiver's worker gets it: the guide's crop, as RGBA, turned to luminance. */
function pictureOf(code: Bitmap2D) {
  const frame = inFrame(rasterCode(code, PX_PER_MODULE));
  const crop = guideCrop(frame, null);
  const grey = cropGrey(frame, crop.x, crop.y, crop.width, crop.height);
  const rgba = new Uint8ClampedArray(grey.data.length * 4).fill(255);
  for (let i = 0; i < grey.data.length; i++) rgba[4 * i] = rgba[4 * i + 1] = rgba[4 * i + 2] = grey.data[i]!;
  return { rgba, width: grey.width, height: grey.height };
}

interface Run {
  framesPerLoop: number;
  loops: number;
  shown: number; // frames on screen until the last missing one was read
  readFirstLoop: number;
  decodeMs: number;
  modules: number;
}

/**
 * Shows `frames` loop after loop, each as its images (schedule.ts), to a decoder that sees
 * every image once, until `take` says every frame is in.
 */
function transfer(frames: string[], draw: (text: string, variant: number) => Bitmap2D, take: (text: string) => boolean): Run {
  const times: number[] = [];
  let readFirstLoop = 0;
  for (let loop = 0; loop < MAX_LOOPS; loop++) {
    for (const [index, text] of frames.entries()) {
      let read = false;
      for (let image = 0; image < IMAGES_PER_FRAME && !read; image++) {
        const picture = pictureOf(draw(text, loop * IMAGES_PER_FRAME + image));
        const started = performance.now();
        const result = decode(rgbaToLuminance(picture.rgba, picture.width, picture.height), picture.width, picture.height);
        times.push(performance.now() - started);
        read = result?.text === text;
      }
      if (read && loop === 0) readFirstLoop++;
      if (read && take(text)) return { framesPerLoop: frames.length, loops: loop + 1, shown: loop * frames.length + index + 1, readFirstLoop, decodeMs: median(times), modules: draw(frames[0]!, 0).size };
    }
  }
  throw new Error(`qr bench: not complete after ${MAX_LOOPS} loops`);
}

/** The naive encoding for the baseline: `B:<index>/<total>:<base64>` in byte mode, as much as version QR_VERSION-M holds. */
function base64Frames(bytes: Uint8Array): string[] {
  const capacity = 287; // bytes in byte mode at version 12-M (ISO 18004 table 7)
  const perFrame = Math.floor((capacity - 12) / 4) * 3; // header up to 12 characters, 4 base64 characters per 3 bytes
  const total = Math.ceil(bytes.length / perFrame);
  return Array.from({ length: total }, (_, i) => `B:${i}/${total}:${Buffer.from(bytes.subarray(i * perFrame, (i + 1) * perFrame)).toString('base64')}`);
}

export async function qrTransferRate(): Promise<BenchLine[]> {
  const bytes = Uint8Array.from({ length: BUNDLE_BYTES }, (_, i) => (i * 2_654_435_761) >>> 24);
  const fps = FRAME_RATES[DEFAULT_FRAME_RATE];

  const frames = await framesFor(globalThis.crypto.subtle, bytes);
  const collector = new FrameCollector();
  const ours = transfer(frames, frameCode, (text) => (collector.accept(text), collector.complete));
  const finished = await collector.finish(globalThis.crypto.subtle);
  if (!finished.ok || finished.bytes.length !== BUNDLE_BYTES) throw new Error('qr bench: the transfer did not come back whole');

  const naive = base64Frames(bytes);
  const got = new Map<string, string>();
  const drawBytes = (text: string, variant: number) => generate(text, { minCorrectionLevel: correction.M, maxCorrectionLevel: correction.M, ...(variant ? { mask: (variant % 8) as Mask } : {}) });
  const baseline = transfer(naive, drawBytes, (text) => (got.set(text.split(':')[1]!, text), got.size === naive.length));
  if (baseline.modules !== ours.modules) throw new Error(`qr bench: the baseline is not the same QR size (${baseline.modules} vs ${ours.modules} modules)`);

  const decodeFps = 1000 / ours.decodeMs;
  const samplesPerSecond = 1000 / (ours.decodeMs + RECEIVER_GAP_MS);
  // The frames on screen until the last missing one was read, at the display's pace (or the decoder's, were it slower).
  const seconds = (run: Run) => run.shown / Math.min(fps, samplesPerSecond);
  const perFrame = BUNDLE_BYTES / frames.length;
  const naivePerFrame = BUNDLE_BYTES / naive.length;
  const pace = Math.min(fps, samplesPerSecond);
  return [
    {
      name: `QR transfer rate: ${Math.round(perFrame)} B/frame (version ${QR_VERSION}-M, base45) × ${fps} frames/s, 50 KB bundle`,
      value: perFrame * pace,
      unit: 'B/s',
      baseline: { name: 'base64 in byte mode, same version and pace', value: naivePerFrame * pace },
      ratio: perFrame / naivePerFrame,
      detail: {
        payloadBytesPerFrame: Math.round(perFrame),
        baselineBytesPerFrame: Math.round(naivePerFrame),
        pxPerModule: PX_PER_MODULE,
        decodeMs: Number(ours.decodeMs.toFixed(1)),
        decodeFramesPerSecond: Math.round(decodeFps),
        receiverSamplesPerSecond: Math.round(samplesPerSecond),
        framesPerLoop: frames.length,
        readFirstLoop: `${ours.readFirstLoop}/${frames.length}`,
        loopsToComplete: ours.loops,
        wholeTransferSeconds: Number(seconds(ours).toFixed(1)),
        wholeTransferBytesPerSecond: Math.round(BUNDLE_BYTES / seconds(ours)),
        baselineWholeTransferBytesPerSecond: Math.round(BUNDLE_BYTES / seconds(baseline)),
      },
    },
  ];
}
