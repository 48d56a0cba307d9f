import type { JSX } from 'preact';
import { SERVICE_ICONS } from '../../core/catalog/icons.ts';

/**
 * Pictograms for the kiosk. They carry meaning for people who cannot read,
 * so each one is a single bold idea drawn in a few strokes on a 48 × 48 grid
 * in `currentColor` (the surrounding text colour decides the contrast).
 *
 * Directional pictograms ('back', 'next', 'send') are drawn for LTR; the UI
 * mirrors them in RTL with CSS.
 */

export const PICTOGRAM_NAMES = [
  // Services: the names the catalog may use (one list, in core), plus the generic one.
  ...SERVICE_ICONS,
  'document',
  // Interface
  'back',
  'next',
  'speaker',
  'check',
  'clock',
  'offline',
  'online',
  'sync',
  'warning',
  'home',
  'edit',
  'send',
  'print',
  'close',
  'globe',
] as const;

export type PictogramName = (typeof PICTOGRAM_NAMES)[number];

/** Solid parts: filled and outlined with the same rounded stroke. */
const solid = { fill: 'currentColor' } as const;

/** A cloud whose flat bottom sits on y = 38, spanning x 5–44. */
const CLOUD = 'M13 38A8 8 0 0 1 13 22A11 11 0 0 1 35 20A9 9 0 0 1 35 38Z';

const DRAWINGS: Record<PictogramName, () => JSX.Element> = {
  // A pram: hood, basket, wheels, with the baby's head peeking out.
  birth: () => (
    <>
      <path d="M7 22A15 15 0 0 1 22 7V22Z" {...solid} />
      <circle cx="30.5" cy="12.5" r="4.5" {...solid} />
      <path d="M7 22H41C41 29.5 35 34 28 34H20C12.5 34 7 29.5 7 22Z" />
      <path d="M41 22L43 13H46" />
      <circle cx="15" cy="40.5" r="3.5" />
      <circle cx="33" cy="40.5" r="3.5" />
    </>
  ),
  // A house with a location pin above its right side.
  residence: () => (
    <>
      <path d="M3 27L18 14L33 27" />
      <path d="M7 24V43H29V24" />
      <path d="M15 43V35H21V43" />
      <path
        d="M38 28C38 28 31 20.5 31 13A7 7 0 0 1 45 13C45 20.5 38 28 38 28ZM38 9A4 4 0 1 0 38 17A4 4 0 1 0 38 9Z"
        fill="currentColor"
        fill-rule="evenodd"
      />
    </>
  ),
  // Scales of justice.
  justice: () => (
    <>
      <path d="M24 7V41M15 42H33M9 12H39" />
      <circle cx="24" cy="7" r="2" {...solid} />
      <path d="M9 12L4.5 26M9 12L13.5 26M39 12L34.5 26M39 12L43.5 26" />
      <path d="M3.5 26H14.5A5.5 5.5 0 0 1 3.5 26Z" {...solid} />
      <path d="M33.5 26H44.5A5.5 5.5 0 0 1 33.5 26Z" {...solid} />
    </>
  ),
  // An identity card: photo on one side, lines of text on the other.
  'id-card': () => (
    <>
      <rect x="3" y="9" width="42" height="30" rx="4" />
      <circle cx="15.5" cy="20" r="4" {...solid} />
      <path d="M8.5 32C8.5 28 11.5 26 15.5 26S22.5 28 22.5 32Z" {...solid} />
      <path d="M28 19H39M28 25.5H39M28 32H35" />
    </>
  ),
  // A person and a check mark: proof of life.
  life: () => (
    <>
      <circle cx="14" cy="13" r="6" {...solid} />
      <path d="M3.5 42V38C3.5 31 8 26.5 14 26.5S24.5 31 24.5 38V42Z" {...solid} />
      <circle cx="36.5" cy="33" r="8.5" />
      <path d="M32.5 33.5L35.5 36.5L40.5 30.5" />
    </>
  ),
  // Banknotes.
  income: () => (
    <>
      <rect x="3" y="9" width="36" height="24" rx="3" />
      <circle cx="21" cy="21" r="5" {...solid} />
      <path d="M9 40H42A3 3 0 0 0 45 37V17" />
    </>
  ),
  // A brick wall and a mason's trowel.
  building: () => (
    <>
      <path d="M4 28H44V44H4Z" />
      <path d="M4 36H44M17 28V36M31 28V36M10.5 36V44M24 36V44M37.5 36V44" />
      <path d="M7 23L18 8.5L27.5 9.5L21.5 18.5Z" {...solid} />
      <path d="M27.5 9.5L31 6.5L41 4" />
    </>
  ),
  // A hand holding a heart: social support.
  support: () => (
    <>
      <path
        d="M24 28C15 22 11 17.5 11 13A6.5 6.5 0 0 1 24 10.5A6.5 6.5 0 0 1 37 13C37 17.5 33 22 24 28Z"
        {...solid}
      />
      <path d="M3 34H9L16 31H26A3 3 0 0 1 26 37H19" />
      <path d="M26 37L37 31.5A3 3 0 0 1 40.5 36.5L30 43H14L9 41H3" />
    </>
  ),
  // Two interlaced rings, one with a stone.
  marriage: () => (
    <>
      <circle cx="17" cy="30" r="11" />
      <circle cx="31" cy="30" r="11" />
      <path d="M13 8H21L23.5 11.5L17 17.5L10.5 11.5Z" {...solid} />
    </>
  ),
  // The medical cross.
  health: () => (
    <path d="M18.5 5H29.5V18.5H43V29.5H29.5V43H18.5V29.5H5V18.5H18.5Z" />
  ),
  // A page with a folded corner and lines of text.
  document: () => (
    <>
      <path d="M10 4H29L38 13V44H10Z" />
      <path d="M29 4V13H38" />
      <path d="M16 22H32M16 29H32M16 36H26" />
    </>
  ),

  back: () => <path d="M41 24H8M20 11L7 24L20 37" />,
  next: () => <path d="M7 24H40M28 11L41 24L28 37" />,
  // A loudspeaker with sound waves: "read aloud".
  speaker: () => (
    <>
      <path d="M5 18H13L24 9V39L13 30H5Z" {...solid} />
      <path d="M30.5 18A8.5 8.5 0 0 1 30.5 30M35.5 11A17 17 0 0 1 35.5 37" />
    </>
  ),
  check: () => <path d="M7 25L18.5 36.5L41 13" stroke-width="5" />,
  clock: () => (
    <>
      <circle cx="24" cy="24" r="19" />
      <path d="M24 12V24L32 29" />
    </>
  ),
  offline: () => (
    <>
      <path d={CLOUD} />
      <path d="M7 7L41 41" />
    </>
  ),
  online: () => (
    <>
      <path d={CLOUD} />
      <path d="M17.5 29.5L22 34L31 25" />
    </>
  ),
  // Two arrows chasing each other round a circle.
  sync: () => (
    <>
      <path d="M9.5 27.9A15 15 0 0 1 31.5 11M38.5 20.1A15 15 0 0 1 16.5 37" />
      <path d="M36.4 15.6L34.2 6.2L28.8 15.8ZM11.6 32.4L13.8 41.8L19.2 32.2Z" {...solid} />
    </>
  ),
  warning: () => (
    <>
      <path d="M24 5L44.5 41H3.5Z" />
      <path d="M24 18V28" />
      <circle cx="24" cy="34.5" r="2.2" {...solid} />
    </>
  ),
  home: () => (
    <>
      <path d="M4 23L24 6L44 23" />
      <path d="M10 19V42H38V19" />
      <path d="M20 42V31H28V42" />
    </>
  ),
  // A pencil.
  edit: () => (
    <>
      <path d="M31 7L41 17L17 41H7V31Z" />
      <path d="M25 13L35 23" />
    </>
  ),
  // A paper plane.
  send: () => (
    <>
      <path d="M43 5L5 21L20 28L27 43Z" />
      <path d="M20 28L43 5" />
    </>
  ),
  print: () => (
    <>
      <path d="M14 17V5H34V17" />
      <path d="M13 35H6V17H42V35H35" />
      <path d="M14 27H34V43H14Z" />
    </>
  ),
  close: () => <path d="M11 11L37 37M37 11L11 37" stroke-width="4.5" />,
  // A globe with a meridian and the equator: "language".
  globe: () => (
    <>
      <circle cx="24" cy="24" r="17" stroke-width="3.5" fill="none" />
      <ellipse cx="24" cy="24" rx="7.5" ry="17" stroke-width="3" fill="none" />
      <path d="M7 24H41M10 15H38M10 33H38" stroke-width="3" />
    </>
  ),
};

export function isPictogramName(name: string): name is PictogramName {
  return Object.prototype.hasOwnProperty.call(DRAWINGS, name);
}

/**
 * An inline pictogram, decorative to assistive technology (the button or
 * heading next to it carries the words). Unknown names fall back to
 * 'document'.
 */
export function Pictogram(props: { name: string; size?: number; class?: string }) {
  const size = props.size ?? 48;
  const draw = isPictogramName(props.name) ? DRAWINGS[props.name] : DRAWINGS.document;
  return (
    <svg
      viewBox="0 0 48 48"
      width={size}
      height={size}
      class={props.class}
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      stroke-width="3.5"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      {draw()}
    </svg>
  );
}
