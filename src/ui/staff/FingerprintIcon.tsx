/** A fingerprint drawn like the kiosk's pictograms (48 × 48, currentColor), decorative. */
export function FingerprintIcon({ size = 40 }: { size?: number }) {
  return (
    <svg viewBox="0 0 48 48" width={size} height={size} aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round">
      <path d="M10 18C13 10 19 7 24 7S35 10 38 18" />
      <path d="M9 30C8 26 8 23 10 20" />
      <path d="M15 38C13 33 13 28 14 24C15.5 18 20 15 24 15S32.5 18 34 24C34.5 27 34.5 30 34 33" />
      <path d="M21 41C19 36 18.5 31 19 27C19.5 24 21.5 22 24 22S28.5 24 29 27C29.5 31 29 36 27.5 40" />
      <path d="M24 28C24.5 33 24 37 22.5 41" />
      <path d="M39 24C40 27 40 30 39.5 33" />
    </svg>
  );
}
