/**
 * A signature drawn with a finger, a stylus or a mouse (pointer events; `touch-action:
 * none` so the page does not scroll under the finger), cleared at will, kept as a PNG
 * attachment like a photo.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FieldDefinition } from '../../core/forms/types.ts';
import type { DraftAttachment } from '../../data/draft.ts';
import { useLang } from '../i18n/context.tsx';
import { encodePng } from './encode.ts';
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

const WIDTH = 900;
const HEIGHT = 300;

export function SignatureField({ field, id, attachment, describedBy, onAttach }: Props) {
  const { t } = useLang();
  const [drawing, setDrawing] = useState(!attachment);
  const [problem, setProblem] = useState<string | null>(null);
  const preview = usePreviewUrl(attachment);

  if (!drawing && attachment) {
    return (
      <div class="attachment signature-field" id={id} aria-describedby={describedBy} data-field={field.id}>
        {preview && (
          <figure class="attachment-preview signature-preview">
            <img src={preview} alt={t('attachments.signatureAttached')} data-testid={`preview-${field.id}`} />
            <figcaption>{t('attachments.signatureAttached')}</figcaption>
          </figure>
        )}
        <div class="attachment-actions">
          <button type="button" class="button" onClick={() => setDrawing(true)}>
            {t('attachments.signAgain')}
          </button>
          <button
            type="button"
            class="button"
            onClick={() => {
              onAttach(null);
              setDrawing(true);
            }}
          >
            {t('attachments.remove')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div class="attachment signature-field" id={id} aria-describedby={describedBy} data-field={field.id}>
      {problem && (
        <p class="notice error" role="alert">
          {problem}
        </p>
      )}
      <SignaturePad
        onSave={async (canvas) => {
          setProblem(null);
          onAttach(await toDraftAttachment(field.id, await encodePng(canvas)));
          setDrawing(false);
        }}
        onEmpty={() => setProblem(t('attachments.emptySignature'))}
      />
    </div>
  );
}

function SignaturePad(props: { onSave(canvas: HTMLCanvasElement): Promise<void>; onEmpty(): void }) {
  const { t } = useLang();
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const strokes = useRef(0);

  useEffect(() => clear(), []);

  const ctx = () => canvas.current!.getContext('2d')!;
  function clear() {
    const c = ctx();
    c.fillStyle = '#fff';
    c.fillRect(0, 0, WIDTH, HEIGHT);
    strokes.current = 0;
  }
  const point = (e: PointerEvent) => {
    const box = canvas.current!.getBoundingClientRect();
    return { x: ((e.clientX - box.left) / box.width) * WIDTH, y: ((e.clientY - box.top) / box.height) * HEIGHT };
  };
  const line = (from: { x: number; y: number }, to: { x: number; y: number }, pressure: number) => {
    const c = ctx();
    c.strokeStyle = '#111';
    c.lineCap = 'round';
    c.lineJoin = 'round';
    c.lineWidth = 2 + 4 * (pressure || 0.5);
    c.beginPath();
    c.moveTo(from.x, from.y);
    c.lineTo(to.x, to.y);
    c.stroke();
  };

  return (
    <>
      <canvas
        ref={canvas}
        class="signature-pad"
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={t('attachments.signaturePad')}
        data-testid="signature-pad"
        onPointerDown={(e) => {
          canvas.current!.setPointerCapture(e.pointerId);
          last.current = point(e);
          line(last.current, { x: last.current.x + 0.1, y: last.current.y }, e.pressure);
          strokes.current++;
        }}
        onPointerMove={(e) => {
          if (!last.current) return;
          const next = point(e);
          line(last.current, next, e.pressure);
          last.current = next;
        }}
        onPointerUp={() => (last.current = null)}
        onPointerCancel={() => (last.current = null)}
      />
      <div class="attachment-actions">
        <button type="button" class="button" onClick={clear}>
          {t('attachments.clear')}
        </button>
        <button type="button" class="button primary" onClick={() => (strokes.current > 0 ? void props.onSave(canvas.current!) : props.onEmpty())}>
          {t('attachments.saveSignature')}
        </button>
      </div>
    </>
  );
}
