/**
 * The studio's microphone: MediaRecorder in Opus (WebM), with a live level from an
 * AnalyserNode (RMS of the latest 2048 samples, 0–1) for the meter.
 */
export const RECORDING_MIME = 'audio/webm;codecs=opus';
/** Opus for speech: 32 kbit/s mono is clear speech at a fraction of PCM's size. */
export const RECORDING_BITS_PER_SECOND = 32_000;

export interface Recording {
  blob: Blob;
  mime: string;
  durationMs: number;
}

export interface ActiveRecording {
  stop(): Promise<Recording>;
  cancel(): void;
}

export async function startRecording(onLevel: (level: number) => void): Promise<ActiveRecording> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false, channelCount: 1 } });
  const mimeType = MediaRecorder.isTypeSupported(RECORDING_MIME) ? RECORDING_MIME : '';
  const recorder = new MediaRecorder(stream, { ...(mimeType ? { mimeType } : {}), audioBitsPerSecond: RECORDING_BITS_PER_SECOND });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => e.data.size > 0 && chunks.push(e.data);

  const context = new AudioContext();
  const analyser = context.createAnalyser();
  analyser.fftSize = 2048;
  context.createMediaStreamSource(stream).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  let frame = 0;
  const measure = () => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const s of samples) sum += s * s;
    onLevel(Math.min(1, Math.sqrt(sum / samples.length) * 3)); // ×3: speech rarely passes 0.3 RMS
    frame = requestAnimationFrame(measure);
  };
  frame = requestAnimationFrame(measure);

  const started = performance.now();
  recorder.start(250);
  const release = () => {
    cancelAnimationFrame(frame);
    onLevel(0);
    for (const track of stream.getTracks()) track.stop();
    void context.close();
  };
  return {
    stop: () =>
      new Promise<Recording>((resolve, reject) => {
        recorder.onstop = () => {
          release();
          const mime = recorder.mimeType || RECORDING_MIME;
          resolve({ blob: new Blob(chunks, { type: mime }), mime, durationMs: performance.now() - started });
        };
        recorder.onerror = () => {
          release();
          reject(new Error('the recording failed'));
        };
        recorder.stop();
      }),
    cancel: () => {
      recorder.onstop = null;
      if (recorder.state !== 'inactive') recorder.stop();
      release();
    },
  };
}
