/**
 * A document photo: from the camera (getUserMedia, stopped as soon as it is not shown) or
 * a file; then crop (drag a rectangle) and quarter turns; then compressed (longest side
 * ≤ 1600 px, JPEG, ≤ 300 KB when the quality ladder gets there) and previewed, with retake.
 * The storage quota is checked before a capture starts and again before the photo is kept:
 * from 90 % of the quota, or without room for the image and its copies, a new photo is
 * refused with a message (core/storage/quota.ts), so what space is left goes to drafts and
 * applications. A write that still fails for a full disk is taken back by the app (App.tsx).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { cropToPixels, roomForPhoto, rotatedSize, unrotateFraction, type Rotation, type Size } from '../../core/attachments/sizing.ts';
import { maxBytesOf } from '../../core/attachments/refs.ts';
import type { FieldDefinition } from '../../core/forms/types.ts';
import type { DraftAttachment } from '../../data/draft.ts';
import { useLang } from '../i18n/context.tsx';
import { drawPlanned, decodeFile, encodePhoto } from './encode.ts';
import { toDraftAttachment } from './draft-attachment.ts';
import { usePreviewUrl } from './use-preview-url.ts';
import './attachments.css';

interface Props {
  field: FieldDefinition;
  id: string;
  attachment: DraftAttachment | undefined;
  describedBy: string | undefined;
  onAttach(attachment: DraftAttachment | null): void;
}

type Source = { image: CanvasImageSource & { close?: () => void }; size: Size };
type Mode = { name: 'idle' } | { name: 'camera' } | { name: 'edit'; source: Source } | { name: 'busy' };
type Fraction = { x0: number; y0: number; x1: number; y1: number };

const kb = (bytes: number) => Math.ceil(bytes / 1024);

export function PhotoField({ field, id, attachment, describedBy, onAttach }: Props) {
  const { t } = useLang();
  const [mode, setMode] = useState<Mode>({ name: 'idle' });
  const [problem, setProblem] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const preview = usePreviewUrl(attachment);
  const max = maxBytesOf(field);

  const roomLeft = async (bytes = max): Promise<boolean> => {
    const estimate = await navigator.storage?.estimate?.().catch(() => ({}) as StorageEstimate);
    if (estimate && !roomForPhoto(estimate, bytes)) {
      setProblem(t('attachments.quotaFull'));
      return false;
    }
    return true;
  };

  const startCamera = async () => {
    setProblem(null);
    if (!(await roomLeft())) return;
    setMode({ name: 'camera' });
  };
  const pickFile = async () => {
    setProblem(null);
    if (!(await roomLeft())) return;
    fileInput.current?.click();
  };
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const bitmap = await decodeFile(file);
    if (fileInput.current) fileInput.current.value = '';
    if (!bitmap) return setProblem(t('attachments.unreadable'));
    setMode({ name: 'edit', source: { image: bitmap, size: { width: bitmap.width, height: bitmap.height } } });
  };

  const finish = async (source: Source, crop: Fraction | null, rotation: Rotation) => {
    setMode({ name: 'busy' });
    try {
      const fraction = crop ? unrotateFraction(crop, rotation) : null;
      const pixels = fraction ? cropToPixels(source.size, fraction) : null;
      const image = await encodePhoto(source.image, source.size, pixels, rotation);
      if (image.bytes.length > max) {
        setProblem(t('attachments.tooLarge', { size: kb(image.bytes.length), max: kb(max) }));
        setMode({ name: 'edit', source });
        return;
      }
      // The disk may have filled while the photo was being framed.
      if (!(await roomLeft(image.bytes.length))) return setMode({ name: 'idle' });
      source.image.close?.();
      setProblem(null);
      onAttach(await toDraftAttachment(field.id, image));
      setMode({ name: 'idle' });
    } catch (error) {
      console.error('photo encoding failed', error);
      setProblem(t('attachments.unreadable'));
      setMode({ name: 'idle' });
    }
  };

  return (
    <div class="attachment photo-field" id={id} aria-describedby={describedBy} data-field={field.id}>
      {problem && (
        <p class="notice error" role="alert">
          {problem}
        </p>
      )}
      {mode.name === 'camera' && (
        <Camera
          onCapture={(source) => setMode({ name: 'edit', source })}
          onCancel={() => setMode({ name: 'idle' })}
          onUnavailable={() => {
            setProblem(t('attachments.noCamera'));
            setMode({ name: 'idle' });
          }}
        />
      )}
      {mode.name === 'edit' && <Editor source={mode.source} onDone={(crop, rotation) => void finish(mode.source, crop, rotation)} onCancel={() => setMode({ name: 'idle' })} />}
      {mode.name === 'busy' && <p role="status">{t('attachments.preparing')}</p>}
      {mode.name === 'idle' && (
        <>
          {attachment && preview && (
            <figure class="attachment-preview">
              <img src={preview} alt={t('attachments.preview')} data-testid={`preview-${field.id}`} />
              <figcaption>{t('attachments.attached', { size: kb(attachment.ref.size) })}</figcaption>
            </figure>
          )}
          <div class="attachment-actions">
            <button type="button" class="button" onClick={() => void startCamera()}>
              {attachment ? t('attachments.retake') : t('attachments.takePhoto')}
            </button>
            <button type="button" class="button" onClick={() => void pickFile()}>
              {t('attachments.pickFile')}
            </button>
            {attachment && (
              <button type="button" class="button" onClick={() => onAttach(null)}>
                {t('attachments.remove')}
              </button>
            )}
          </div>
        </>
      )}
      <input ref={fileInput} type="file" accept="image/*" hidden data-testid={`file-${field.id}`} onChange={(e) => void onFile((e.currentTarget as HTMLInputElement).files?.[0])} />
    </div>
  );
}

/** The live camera; its tracks stop when it is closed, captured, or the screen changes. */
function Camera(props: { onCapture(source: Source): void; onCancel(): void; onUnavailable(): void }) {
  const { t } = useLang();
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  useEffect(() => {
    let stopped = false;
    navigator.mediaDevices
      ?.getUserMedia({ video: { facingMode: 'environment', width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false })
      .then((s) => {
        if (stopped) return s.getTracks().forEach((track) => track.stop());
        stream.current = s;
        if (video.current) video.current.srcObject = s;
      })
      .catch(() => props.onUnavailable()) ?? props.onUnavailable();
    return () => {
      stopped = true;
      stream.current?.getTracks().forEach((track) => track.stop());
      stream.current = null;
    };
  }, []);
  const capture = () => {
    const v = video.current;
    if (!v || !v.videoWidth) return;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')!.drawImage(v, 0, 0);
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
    props.onCapture({ image: canvas, size: { width: canvas.width, height: canvas.height } });
  };
  return (
    <div class="camera">
      <video ref={video} autoPlay playsInline muted />
      <div class="attachment-actions">
        <button type="button" class="button primary" onClick={capture}>
          {t('attachments.capture')}
        </button>
        <button type="button" class="button" onClick={props.onCancel}>
          {t('attachments.cancel')}
        </button>
      </div>
    </div>
  );
}

/** Crop by dragging a rectangle over the (turned) image, and quarter turns. */
function Editor(props: { source: Source; onDone(crop: Fraction | null, rotation: Rotation): void; onCancel(): void }) {
  const { t } = useLang();
  const [rotation, setRotation] = useState<Rotation>(0);
  const [crop, setCrop] = useState<Fraction | null>(null);
  const canvasHost = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);

  useEffect(() => {
    // A small rendering of the whole image, turned, to crop on.
    const canvas = drawPlanned(props.source.image, props.source.size, null, rotation, 800);
    canvas.classList.add('editor-image');
    canvasHost.current?.replaceChildren(canvas);
  }, [rotation]);

  const at = (e: PointerEvent) => {
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
    return { x: Math.min(1, Math.max(0, (e.clientX - box.left) / box.width)), y: Math.min(1, Math.max(0, (e.clientY - box.top) / box.height)) };
  };
  const shown = rotatedSize(props.source.size, rotation);
  const valid = crop && Math.abs(crop.x1 - crop.x0) > 0.02 && Math.abs(crop.y1 - crop.y0) > 0.02 ? crop : null;

  return (
    <div class="photo-editor">
      <p class="hint">{t('attachments.cropHint')}</p>
      <div
        class="crop-area"
        style={{ aspectRatio: `${shown.width} / ${shown.height}` }}
        data-testid="crop-area"
        onPointerDown={(e) => {
          (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
          dragging.current = true;
          const p = at(e);
          setCrop({ x0: p.x, y0: p.y, x1: p.x, y1: p.y });
        }}
        onPointerMove={(e) => {
          if (!dragging.current) return;
          const p = at(e);
          setCrop((c) => (c ? { ...c, x1: p.x, y1: p.y } : c));
        }}
        onPointerUp={() => (dragging.current = false)}
      >
        <div ref={canvasHost} class="crop-image" />
        {valid && (
          <div
            class="crop-rect"
            style={{
              left: `${Math.min(valid.x0, valid.x1) * 100}%`,
              top: `${Math.min(valid.y0, valid.y1) * 100}%`,
              width: `${Math.abs(valid.x1 - valid.x0) * 100}%`,
              height: `${Math.abs(valid.y1 - valid.y0) * 100}%`,
            }}
          />
        )}
      </div>
      <div class="attachment-actions">
        <button
          type="button"
          class="button"
          onClick={() => {
            setRotation(((rotation + 90) % 360) as Rotation);
            setCrop(null);
          }}
        >
          {t('attachments.rotate')}
        </button>
        {valid && (
          <button type="button" class="button" onClick={() => setCrop(null)}>
            {t('attachments.resetCrop')}
          </button>
        )}
        <button type="button" class="button primary" onClick={() => props.onDone(valid, rotation)}>
          {t('attachments.usePhoto')}
        </button>
        <button type="button" class="button" onClick={props.onCancel}>
          {t('attachments.cancel')}
        </button>
      </div>
    </div>
  );
}
