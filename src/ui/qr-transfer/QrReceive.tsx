/**
 * Reads an animated sequence of QR codes with the camera and hands over the bytes once
 * every frame arrived and the whole checks out. First version: the full receiver follows.
 */
export function QrReceive({ onBytes, onClose }: { onBytes(bytes: Uint8Array): void; onClose(): void }) {
  void onBytes;
  return (
    <section class="qr-receive">
      <button type="button" class="button secondary" onClick={onClose}>
        ×
      </button>
    </section>
  );
}
