/**
 * A live camera preview with a frame guide that reads barcodes: frames of the guide's
 * area are drawn to a canvas and decoded by a worker (decode.worker.ts, which holds zxing:
 * it is fetched when a scan starts, never at start-up). Offers the torch where the camera
 * has one and a button to switch cameras where there are several. When there is no camera
 * or no permission it says so; the screen around it offers typing the code instead.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { fitWithin, guideCrop } from '../../core/scan/frame-guide.ts';
import { SCAN_FORMATS, type ScanFormat } from '../../core/scan/formats.ts';
import type { CameraProblem } from '../../core/scan/scan-result.ts';
import { useLang } from '../i18n/context.tsx';
import { hasTorch, listCameras, openCamera, setTorch, stopCamera } from './camera.ts';
import type { DecodeReply, DecodeRequest } from './decode.worker.ts';
import type { Decoded } from './zxing-decode.ts';
import './scan.css';

/** Longest side of the pixels sent to the decoder: a 720p guide area stays as it is. */
const MAX_DECODE_SIDE = 1280;
/** Pause between two frames when nothing was read (the decoder itself takes 50–300 ms). */
const FRAME_GAP_MS = 120;

const PROBLEM_TEXT = { denied: 'scan.problemDenied', none: 'scan.problemNone', busy: 'scan.problemBusy', unsupported: 'scan.problemUnsupported' } as const;

interface Props {
  /** Called for each code read; the same text is not reported twice in a row. */
  onRead(result: Decoded): void;
  formats?: readonly ScanFormat[];
  /** Called when the camera cannot be used (the screen shows its fallback). */
  onProblem?(problem: CameraProblem): void;
  /** Pause between two frames (default FRAME_GAP_MS); the QR transfer samples faster to catch every frame of its animation. */
  gapMs?: number;
}

type CameraState = { kind: 'starting' } | { kind: 'live' } | { kind: 'problem'; problem: CameraProblem };

export function Scanner({ onRead, formats = SCAN_FORMATS, onProblem, gapMs = FRAME_GAP_MS }: Props) {
  const { t } = useLang();
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>({ kind: 'starting' });
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [cameraIndex, setCameraIndex] = useState<number | null>(null);
  const [torch, setTorchState] = useState<{ available: boolean; on: boolean }>({ available: false, on: false });
  const stream = useRef<MediaStream | null>(null);
  const latest = useRef({ onRead, onProblem });
  latest.current = { onRead, onProblem };

  // Open the camera (again when the agent switches cameras), stop it when leaving.
  useEffect(() => {
    let live = true;
    const deviceId = cameraIndex === null ? undefined : cameras[cameraIndex]?.deviceId;
    setState({ kind: 'starting' });
    void openCamera(deviceId).then(async (opened) => {
      if (!live) {
        if (opened.ok) stopCamera(opened.stream);
        return;
      }
      if (!opened.ok) {
        setState({ kind: 'problem', problem: opened.problem });
        latest.current.onProblem?.(opened.problem);
        return;
      }
      stream.current = opened.stream;
      setTorchState({ available: hasTorch(opened.stream), on: false });
      const el = video.current;
      if (el) {
        el.srcObject = opened.stream;
        await el.play().catch(() => undefined); // muted inline video: allowed without a gesture
      }
      const found = await listCameras();
      if (live) {
        setCameras(found);
        setState({ kind: 'live' });
      }
    });
    return () => {
      live = false;
      stopCamera(stream.current);
      stream.current = null;
      if (video.current) video.current.srcObject = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- cameras only matter through cameraIndex
  }, [cameraIndex]);

  // Grab frames of the guide's area and decode them in the worker, one at a time.
  const formatKey = formats.join(',');
  useEffect(() => {
    if (state.kind !== 'live') return;
    const worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module', name: 'scan-decode' });
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let nextId = 1;
    let lastText: string | null = null;

    const schedule = (ms: number) => {
      if (!stopped) timer = setTimeout(grab, ms);
    };
    function grab(): void {
      const el = video.current;
      if (stopped || !ctx || !el || el.readyState < 2 || el.videoWidth === 0) return schedule(gapMs);
      const source = { width: el.videoWidth, height: el.videoHeight };
      const crop = guideCrop(source, { width: el.clientWidth, height: el.clientHeight });
      const size = fitWithin(crop, MAX_DECODE_SIDE);
      canvas.width = size.width;
      canvas.height = size.height;
      ctx.drawImage(el, crop.x, crop.y, crop.width, crop.height, 0, 0, size.width, size.height);
      const pixels = ctx.getImageData(0, 0, size.width, size.height);
      const request: DecodeRequest = { id: nextId++, width: size.width, height: size.height, rgba: pixels.data.buffer, formats: formatKey.split(',') as ScanFormat[] };
      worker.postMessage(request, [request.rgba]);
    }
    worker.onmessage = ({ data }: MessageEvent<DecodeReply>) => {
      if (stopped) return;
      if (data.ok && data.result && data.result.text !== lastText) {
        lastText = data.result.text;
        latest.current.onRead(data.result);
      }
      if (!data.ok) console.warn('scan decode failed', data.error);
      schedule(gapMs);
    };
    worker.onerror = (event) => {
      console.error('scan worker failed', event.message);
      if (!stopped) setState({ kind: 'problem', problem: 'unsupported' });
    };
    schedule(0);
    return () => {
      stopped = true;
      clearTimeout(timer);
      worker.terminate();
    };
  }, [state.kind, formatKey, gapMs]);

  const toggleTorch = async () => {
    if (!stream.current) return;
    const on = !torch.on;
    if (await setTorch(stream.current, on)) setTorchState({ available: true, on });
  };

  return (
    <div class="scanner" data-camera={state.kind === 'problem' ? `problem-${state.problem}` : state.kind}>
      {state.kind === 'problem' ? (
        <p class="notice error scan-problem" role="alert" data-testid="scan-problem">
          {t(PROBLEM_TEXT[state.problem])}
        </p>
      ) : (
        <div class="scan-preview">
          <video ref={video} muted playsInline autoPlay aria-label={t('scan.previewLabel')} />
          <div class="scan-guide" aria-hidden="true" />
          {state.kind === 'starting' && (
            <p class="scan-starting" role="status">
              {t('scan.starting')}
            </p>
          )}
        </div>
      )}
      {state.kind === 'live' && <p class="hint">{t('scan.aim')}</p>}
      {(torch.available || cameras.length > 1) && state.kind !== 'problem' && (
        <div class="actions scan-controls">
          {torch.available && (
            <button type="button" class="button secondary" aria-pressed={torch.on} onClick={() => void toggleTorch()}>
              {t('scan.torch')}
            </button>
          )}
          {cameras.length > 1 && (
            <button type="button" class="button secondary" data-testid="scan-switch-camera" onClick={() => setCameraIndex(((cameraIndex ?? currentIndex(cameras, stream.current)) + 1) % cameras.length)}>
              {t('scan.switchCamera')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** Which of the listed cameras the stream comes from (0 when unknown). */
function currentIndex(cameras: MediaDeviceInfo[], stream: MediaStream | null): number {
  const id = stream?.getVideoTracks()[0]?.getSettings().deviceId;
  const index = cameras.findIndex((c) => c.deviceId === id);
  return index < 0 ? 0 : index;
}
