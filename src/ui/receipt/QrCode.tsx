/**
 * A QR code drawn as SVG: a white square with the ISO quiet zone of 4 modules and one
 * path for the dark modules. Colours come from receipt.css (the CSP forbids inline
 * styles); the encoder is loaded on first use.
 */
import { useEffect, useState } from 'preact/hooks';
import type { QrDrawing } from './qr-svg.ts';

const QUIET_ZONE = 4;

export function QrCode({ text, label }: { text: string; label: string }) {
  const [drawing, setDrawing] = useState<QrDrawing | null>(null);
  useEffect(() => {
    let live = true;
    void import('./qr-svg.ts').then(({ qrDrawing }) => live && setDrawing(qrDrawing(text)));
    return () => {
      live = false;
    };
  }, [text]);
  if (!drawing) return <div class="qr qr-loading" aria-hidden="true" />;
  const side = drawing.size + 2 * QUIET_ZONE;
  return (
    <svg class="qr" viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${side} ${side}`} role="img" aria-label={label} data-testid="receipt-qr" shape-rendering="crispEdges">
      <rect class="qr-paper" x={-QUIET_ZONE} y={-QUIET_ZONE} width={side} height={side} />
      <path class="qr-ink" d={drawing.path} />
    </svg>
  );
}
