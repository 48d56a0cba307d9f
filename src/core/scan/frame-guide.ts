/**
 * The frame guide drawn over the camera preview, and the part of the camera's frame it
 * covers. The preview fills its box with `object-fit: cover` (scaled up until both sides
 * fill it, centred, the overflow cut off), so a rectangle on screen maps to source pixels
 * through that scale and offset. Only the guide's area (plus a margin, people do not
 * aim precisely) is sent to the decoder: fewer pixels, faster reads, and a code elsewhere
 * in the picture (a second receipt on the counter) is not read by mistake.
 */
export interface Size {
  width: number;
  height: number;
}
export interface Rect extends Size {
  x: number;
  y: number;
}

/** The guide as fractions of the preview box, centred (scan.css draws the same). */
export const FRAME_GUIDE = { width: 0.8, height: 0.7 } as const;
/** Extra source pixels around the guide, as a fraction of the guide's size on each side. */
export const GUIDE_MARGIN = 0.1;

/** The source rectangle an `object-fit: cover` box shows of a video frame. */
export function visibleSource(source: Size, view: Size): Rect {
  if (source.width <= 0 || source.height <= 0 || view.width <= 0 || view.height <= 0) return { x: 0, y: 0, width: Math.max(0, source.width), height: Math.max(0, source.height) };
  const scale = Math.max(view.width / source.width, view.height / source.height);
  const width = Math.min(source.width, view.width / scale);
  const height = Math.min(source.height, view.height / scale);
  return { x: (source.width - width) / 2, y: (source.height - height) / 2, width, height };
}

/**
 * The source pixels under the guide (plus margin), in whole pixels, inside the frame.
 * `view` is the preview box's size on screen; without one (not laid out yet) the whole
 * frame is the view.
 */
export function guideCrop(source: Size, view: Size | null, guide: Size = FRAME_GUIDE, margin = GUIDE_MARGIN): Rect {
  const shown = visibleSource(source, view && view.width > 0 && view.height > 0 ? view : source);
  const w = shown.width * Math.min(1, guide.width * (1 + 2 * margin));
  const h = shown.height * Math.min(1, guide.height * (1 + 2 * margin));
  const x = Math.max(0, Math.floor(shown.x + (shown.width - w) / 2));
  const y = Math.max(0, Math.floor(shown.y + (shown.height - h) / 2));
  return { x, y, width: Math.min(source.width - x, Math.round(w)), height: Math.min(source.height - y, Math.round(h)) };
}

/** The size to draw a crop at so its longest side is at most `maxSide` (never enlarged). */
export function fitWithin(size: Size, maxSide: number): Size {
  const scale = Math.min(1, maxSide / Math.max(size.width, size.height, 1));
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) };
}
