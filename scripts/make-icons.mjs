#!/usr/bin/env node
// Generates the Relais app icons (SVG + PNG) from one shape description.
//
//   node scripts/make-icons.mjs
//
// No dependencies: the shapes below are written out as SVG and rasterised
// with a tiny supersampling rasteriser and a PNG encoder built on node:zlib,
// so the SVG and the PNGs always show the same drawing. The outputs are
// committed; the app build does not run this script.
//
// The mark: a Moroccan gate, a horseshoe arch in its rectangular frame (the
// doorway to public services), white on deep green, with a signal rising in
// the doorway (the digital relay).

import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const GREEN = '#0b6e4f';
const WHITE = '#ffffff';

// ---------------------------------------------------------------------------
// Drawing, in a 512 × 512 design space. The content (arch and signal) is
// drawn around the centre (256, 256) and can be scaled about it.
// ---------------------------------------------------------------------------

// Gate frame (alfiz), the horseshoe arch inside it, and the signal.
const FRAME = { x: 116, y: 56, w: 280, h: 400, thick: 24 };
const ARCH = { cx: 256, r: 98, jamb: 80 };
const SIGNAL = { cx: 256, cy: 276, dot: 21, radii: [52, 92], width: 25, spread: 45 };

/** The content in design coordinates, before scaling. */
function contentShapes() {
  const inner = {
    x: FRAME.x + FRAME.thick,
    y: FRAME.y + FRAME.thick,
    w: FRAME.w - 2 * FRAME.thick,
    h: FRAME.h - 2 * FRAME.thick,
  };
  const archTop = inner.y + FRAME.thick; // same gap as the frame's thickness
  const cy = archTop + ARCH.r;
  const base = inner.y + inner.h; // the doorway stands on the frame's sill
  const rad = (deg) => (deg * Math.PI) / 180;
  const shapes = [
    { kind: 'rect', ...FRAME, fill: WHITE },
    { kind: 'rect', ...inner, fill: GREEN },
    // Horseshoe arch: a circle over narrower straight jambs.
    { kind: 'circle', cx: ARCH.cx, cy, r: ARCH.r, fill: WHITE },
    { kind: 'rect', x: ARCH.cx - ARCH.jamb, y: cy, w: 2 * ARCH.jamb, h: base - cy, fill: WHITE },
    // Signal: a dot and two arcs opening upwards, in green on the doorway.
    { kind: 'circle', cx: SIGNAL.cx, cy: SIGNAL.cy, r: SIGNAL.dot, fill: GREEN },
  ];
  for (const r of SIGNAL.radii) {
    shapes.push({
      kind: 'arc',
      cx: SIGNAL.cx,
      cy: SIGNAL.cy,
      r,
      width: SIGNAL.width,
      a0: rad(-90 - SIGNAL.spread),
      a1: rad(-90 + SIGNAL.spread),
      stroke: GREEN,
    });
  }
  return shapes;
}

/** Scales shapes about the centre of the 512 design space. */
function content(scale) {
  const t = (v) => 256 + (v - 256) * scale;
  const s = (v) => v * scale;
  return contentShapes().map((sh) => {
    const o = { ...sh };
    for (const key of ['x', 'y', 'cx', 'cy']) if (key in o) o[key] = t(o[key]);
    for (const key of ['w', 'h', 'r', 'width', 'thick', 'rx']) if (key in o) o[key] = s(o[key]);
    return o;
  });
}

/**
 * @param {{ rounded: boolean, scale: number }} v
 * rounded: rounded-square tile with transparent corners ("any" purpose);
 * otherwise a full-bleed square (maskable, apple-touch-icon).
 */
function drawing({ rounded, scale }) {
  const bg = rounded
    ? { kind: 'rect', x: 0, y: 0, w: 512, h: 512, rx: 104, fill: GREEN }
    : { kind: 'rect', x: 0, y: 0, w: 512, h: 512, rx: 0, fill: GREEN };
  return [bg, ...content(scale)];
}

const VARIANTS = {
  any: { rounded: true, scale: 1 },
  // Maskable: everything must sit inside the central 80 % circle (radius
  // 204.8 at 512); the frame's corners reach ~244 at scale 1 (checked below).
  maskable: { rounded: false, scale: 0.76, safeRadius: 0.4 * 512 },
  // iOS rounds the corners itself and shows transparency as black.
  apple: { rounded: false, scale: 0.86 },
};

// ---------------------------------------------------------------------------
// SVG output
// ---------------------------------------------------------------------------

const n = (v) => String(Math.round(v * 100) / 100);

function shapeToSvg(sh) {
  switch (sh.kind) {
    case 'circle':
      return `<circle cx="${n(sh.cx)}" cy="${n(sh.cy)}" r="${n(sh.r)}" fill="${sh.fill}"/>`;
    case 'rect': {
      const rx = sh.rx ? ` rx="${n(sh.rx)}"` : '';
      return `<rect x="${n(sh.x)}" y="${n(sh.y)}" width="${n(sh.w)}" height="${n(sh.h)}"${rx} fill="${sh.fill}"/>`;
    }
    case 'arc': {
      const x0 = sh.cx + sh.r * Math.cos(sh.a0);
      const y0 = sh.cy + sh.r * Math.sin(sh.a0);
      const x1 = sh.cx + sh.r * Math.cos(sh.a1);
      const y1 = sh.cy + sh.r * Math.sin(sh.a1);
      const large = sh.a1 - sh.a0 > Math.PI ? 1 : 0;
      return (
        `<path d="M${n(x0)} ${n(y0)}A${n(sh.r)} ${n(sh.r)} 0 ${large} 1 ${n(x1)} ${n(y1)}" ` +
        `fill="none" stroke="${sh.stroke}" stroke-width="${n(sh.width)}" stroke-linecap="round"/>`
      );
    }
    default:
      throw new Error(`unknown shape ${sh.kind}`);
  }
}

function toSvg(shapes) {
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">\n' +
    '<title>Relais</title>\n' +
    shapes.map((sh) => shapeToSvg(sh)).join('\n') +
    '\n</svg>\n'
  );
}

// ---------------------------------------------------------------------------
// Rasteriser: point-in-shape tests, painter's order, N×N supersampling.
// ---------------------------------------------------------------------------

function hex(c) {
  const v = parseInt(c.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

function angleIn(a, a0, a1) {
  // Normalise a into [a0, a0 + 2π) and compare.
  const tau = 2 * Math.PI;
  let d = (a - a0) % tau;
  if (d < 0) d += tau;
  return d <= a1 - a0;
}

function inside(sh, x, y) {
  switch (sh.kind) {
    case 'circle': {
      const dx = x - sh.cx;
      const dy = y - sh.cy;
      return dx * dx + dy * dy <= sh.r * sh.r;
    }
    case 'rect': {
      if (x < sh.x || y < sh.y || x > sh.x + sh.w || y > sh.y + sh.h) return false;
      const r = sh.rx || 0;
      if (!r) return true;
      const qx = Math.max(sh.x + r - x, x - (sh.x + sh.w - r), 0);
      const qy = Math.max(sh.y + r - y, y - (sh.y + sh.h - r), 0);
      return qx * qx + qy * qy <= r * r;
    }
    case 'arc': {
      const hw = sh.width / 2;
      const dx = x - sh.cx;
      const dy = y - sh.cy;
      const d = Math.hypot(dx, dy);
      if (Math.abs(d - sh.r) <= hw && angleIn(Math.atan2(dy, dx), sh.a0, sh.a1)) return true;
      for (const a of [sh.a0, sh.a1]) {
        const ex = sh.cx + sh.r * Math.cos(a);
        const ey = sh.cy + sh.r * Math.sin(a);
        if ((x - ex) ** 2 + (y - ey) ** 2 <= hw * hw) return true;
      }
      return false;
    }
    default:
      throw new Error(`unknown shape ${sh.kind}`);
  }
}

/** Returns RGBA bytes (straight alpha) of the drawing at size × size. */
function rasterise(shapes, size, ss = 8) {
  const k = 512 / size;
  const prepared = shapes.map((sh) => ({ sh, rgb: hex(sh.fill ?? sh.stroke) }));
  const out = new Uint8Array(size * size * 4);
  const n2 = ss * ss;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) * k;
          const y = (py + (sy + 0.5) / ss) * k;
          for (let i = prepared.length - 1; i >= 0; i--) {
            const p = prepared[i];
            if (inside(p.sh, x, y)) {
              r += p.rgb[0];
              g += p.rgb[1];
              b += p.rgb[2];
              a += 1;
              break;
            }
          }
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        out[o] = Math.round(r / a);
        out[o + 1] = Math.round(g / a);
        out[o + 2] = Math.round(b / a);
      }
      out[o + 3] = Math.round((a / n2) * 255);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// PNG encoder (RGBA 8-bit, filter 0 on every row).
// ---------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let j = 0; j < 8; j++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[i] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function encodePng(rgba, width, height) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------

function write(rel, data) {
  const file = join(ROOT, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
  console.log(`wrote ${rel}`);
}

// The farthest point of the content from the centre (bounding boxes, so
// conservative) must stay inside the maskable safe zone.
for (const [name, v] of Object.entries(VARIANTS)) {
  if (!v.safeRadius) continue;
  let far = 0;
  for (const sh of content(v.scale)) {
    const [x0, y0, x1, y1] =
      sh.kind === 'rect'
        ? [sh.x, sh.y, sh.x + sh.w, sh.y + sh.h]
        : [sh.cx - sh.r, sh.cy - sh.r, sh.cx + sh.r, sh.cy + sh.r];
    const dx = Math.max(Math.abs(x0 - 256), Math.abs(x1 - 256));
    const dy = Math.max(Math.abs(y0 - 256), Math.abs(y1 - 256));
    far = Math.max(far, sh.kind === 'rect' ? Math.hypot(dx, dy) : Math.hypot(sh.cx - 256, sh.cy - 256) + sh.r + (sh.width ?? 0) / 2);
  }
  if (far > v.safeRadius) throw new Error(`${name}: content reaches ${far.toFixed(1)} > safe zone ${v.safeRadius}`);
  console.log(`${name}: content within ${far.toFixed(1)} of the centre (safe zone ${v.safeRadius})`);
}

const anySvg = toSvg(drawing(VARIANTS.any));
write('public/icons/icon.svg', anySvg);
write('public/favicon.svg', anySvg);
write('public/icons/icon-maskable.svg', toSvg(drawing(VARIANTS.maskable)));

const PNGS = [
  ['public/icons/icon-192.png', 192, VARIANTS.any],
  ['public/icons/icon-512.png', 512, VARIANTS.any],
  ['public/icons/icon-maskable-192.png', 192, VARIANTS.maskable],
  ['public/icons/icon-maskable-512.png', 512, VARIANTS.maskable],
  ['public/icons/apple-touch-icon.png', 180, VARIANTS.apple],
];
for (const [rel, size, variant] of PNGS) {
  write(rel, encodePng(rasterise(drawing(variant), size), size, size));
}
