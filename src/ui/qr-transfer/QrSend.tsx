/**
 * Shows a byte string (a bundle) as an animated sequence of QR codes for another
 * terminal's camera. First version: the full sender follows.
 */
export function QrSend({ bytes, onClose }: { bytes: Uint8Array; onClose(): void }) {
  return (
    <section class="qr-send" data-bytes={bytes.length}>
      <button type="button" class="button secondary" onClick={onClose}>
        ×
      </button>
    </section>
  );
}
