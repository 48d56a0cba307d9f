/**
 * Every camera stream the kiosk opens goes through here, so a session's end can stop them
 * all (DESIGN §5: the session wipe drops camera streams) even if a screen failed to clean
 * up. Screens still stop their own stream when they close.
 */
import { cameraProblem, type CameraProblem } from '../../core/scan/scan-result.ts';

const open = new Set<MediaStream>();

export type CameraOpen = { ok: true; stream: MediaStream } | { ok: false; problem: CameraProblem; name: string };

/**
 * Opens a camera: the given device, else a back-facing one where there is a choice
 * (documents and receipts are held in front of it), at 1280×720 where possible.
 */
export async function openCamera(deviceId?: string): Promise<CameraOpen> {
  if (!navigator.mediaDevices?.getUserMedia) return { ok: false, problem: 'unsupported', name: 'no mediaDevices' };
  const video: MediaTrackConstraints = { width: { ideal: 1280 }, height: { ideal: 720 }, ...(deviceId ? { deviceId: { exact: deviceId } } : { facingMode: { ideal: 'environment' } }) };
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ video, audio: false });
    open.add(stream);
    for (const track of stream.getTracks()) track.addEventListener('ended', () => forgetIfEnded(stream));
    return { ok: true, stream };
  } catch (error) {
    const name = error instanceof Error || error instanceof DOMException ? error.name : 'Error';
    return { ok: false, problem: cameraProblem(name), name };
  }
}

function forgetIfEnded(stream: MediaStream): void {
  if (stream.getTracks().every((t) => t.readyState === 'ended')) open.delete(stream);
}

export function stopCamera(stream: MediaStream | null | undefined): void {
  if (!stream) return;
  for (const track of stream.getTracks()) track.stop();
  open.delete(stream);
}

/** Stops every stream still open: App's finishSession calls it when a citizen's session ends. */
export function stopAllCameras(): void {
  for (const stream of [...open]) stopCamera(stream);
}

/** How many streams are open (for tests and the session wipe's checks). */
export const openCameraCount = (): number => open.size;

/** The cameras this terminal has (labels appear once permission was given). */
export async function listCameras(): Promise<MediaDeviceInfo[]> {
  try {
    return (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
  } catch {
    return [];
  }
}

type TorchCapabilities = MediaTrackCapabilities & { torch?: boolean };

/** Whether the stream's camera has a torch the page can switch. */
export function hasTorch(stream: MediaStream): boolean {
  const track = stream.getVideoTracks()[0];
  return !!track && typeof track.getCapabilities === 'function' && (track.getCapabilities() as TorchCapabilities).torch === true;
}

export async function setTorch(stream: MediaStream, on: boolean): Promise<boolean> {
  const track = stream.getVideoTracks()[0];
  if (!track) return false;
  try {
    await track.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
    return true;
  } catch {
    return false;
  }
}
