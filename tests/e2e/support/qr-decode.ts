/**
 * A small QR code reader for tests (ISO/IEC 18004, versions 1–10, no error correction):
 * from a screenshot's pixels to the module matrix, then format information, unmasking,
 * the zigzag codeword order, de-interleaving and the numeric, alphanumeric, byte and ECI
 * segments. Written for clean renderings we make ourselves: a wrong module anywhere in
 * the data makes the text come out wrong or the reader throw, which is the point.
 */

export type Matrix = boolean[][]; // [row][column], true = dark

/** Grey pixels (0–255, row-major) → the module matrix, found from the finder patterns. */
export function matrixFromPixels(width: number, height: number, grey: ArrayLike<number>): Matrix {
  const dark = (x: number, y: number) => grey[y * width + x]! < 128;
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!dark(x, y)) continue;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  if (maxX < 0) throw new Error('no dark pixel: no QR code in the image');
  // The top-left finder pattern's top edge is a run of 7 dark modules.
  let run = 0;
  while (minX + run <= maxX && dark(minX + run, minY)) run++;
  const moduleSize = run / 7;
  const size = Math.round((maxX - minX + 1) / moduleSize);
  if (size < 21 || (size - 17) % 4 !== 0) throw new Error(`not a QR code: ${size} modules per side (module ${moduleSize.toFixed(2)} px)`);
  if (Math.abs((maxY - minY + 1) / moduleSize - size) > 0.5) throw new Error('not square');
  const step = (maxX - minX + 1) / size;
  const stepY = (maxY - minY + 1) / size;
  const matrix: Matrix = [];
  for (let r = 0; r < size; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < size; c++) row.push(dark(Math.floor(minX + (c + 0.5) * step), Math.floor(minY + (r + 0.5) * stepY)));
    matrix.push(row);
  }
  return matrix;
}

type Level = 'L' | 'M' | 'Q' | 'H';
const LEVEL_BY_FORMAT_BITS: Record<number, Level> = { 1: 'L', 0: 'M', 3: 'Q', 2: 'H' };
const LEVEL_INDEX: Record<Level, number> = { L: 0, M: 1, Q: 2, H: 3 };
// ISO/IEC 18004 Table 9, versions 1–10: error-correction codewords per block, and blocks.
const EC_PER_BLOCK = [
  [7, 10, 15, 20, 26, 18, 20, 24, 30, 18],
  [10, 16, 26, 18, 24, 16, 18, 22, 22, 26],
  [13, 22, 18, 26, 18, 24, 18, 22, 20, 24],
  [17, 28, 22, 16, 22, 28, 26, 26, 24, 28],
];
const BLOCKS = [
  [1, 1, 1, 1, 1, 2, 2, 2, 2, 4],
  [1, 1, 1, 2, 2, 4, 4, 4, 5, 5],
  [1, 1, 2, 2, 4, 4, 6, 6, 8, 8],
  [1, 1, 2, 4, 4, 4, 5, 6, 8, 8],
];

function formatWord(level: Level, mask: number): number {
  const data = ((Object.entries(LEVEL_BY_FORMAT_BITS).find(([, l]) => l === level)![0] as unknown as number) << 3) | mask;
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  return ((data << 10) | (rem & 0x3ff)) ^ 0x5412;
}

const MASKS: Array<(x: number, y: number) => boolean> = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

function alignmentCentres(version: number): number[] {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  const size = 17 + 4 * version;
  const step = Math.ceil((version * 4 + 4) / (count * 2 - 2)) * 2;
  const out = [6];
  for (let pos = size - 7; out.length < count; pos -= step) out.splice(1, 0, pos);
  return out;
}

function functionModules(version: number): boolean[][] {
  const size = 17 + 4 * version;
  const f = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  const mark = (x: number, y: number) => {
    if (x >= 0 && y >= 0 && x < size && y < size) f[y]![x] = true;
  };
  for (let i = 0; i < size; i++) {
    mark(6, i); // timing
    mark(i, 6);
  }
  for (const [cx, cy] of [
    [3, 3],
    [size - 4, 3],
    [3, size - 4],
  ] as const) {
    for (let dy = -4; dy <= 4; dy++) for (let dx = -4; dx <= 4; dx++) mark(cx + dx, cy + dy); // finder + separator
  }
  const centres = alignmentCentres(version);
  const last = centres.length - 1;
  centres.forEach((cx, i) =>
    centres.forEach((cy, j) => {
      if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) return;
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) mark(cx + dx, cy + dy);
    }),
  );
  for (let i = 0; i <= 8; i++) {
    mark(8, i); // format information and the dark module
    mark(i, 8);
  }
  for (let i = 0; i < 8; i++) {
    mark(size - 1 - i, 8);
    mark(8, size - 1 - i);
  }
  if (version >= 7) {
    for (let i = 0; i < 18; i++) {
      mark(size - 11 + (i % 3), Math.floor(i / 3));
      mark(Math.floor(i / 3), size - 11 + (i % 3));
    }
  }
  return f;
}

export interface DecodedQr {
  text: string;
  version: number;
  level: Level;
  mask: number;
}

export function decodeQrMatrix(m: Matrix): DecodedQr {
  const size = m.length;
  const version = (size - 17) / 4;
  if (!Number.isInteger(version) || version < 1 || version > 10) throw new Error(`unsupported size ${size}`);
  const at = (x: number, y: number) => (m[y]![x] ? 1 : 0);

  // Format information: both copies, matched against the 32 valid words.
  let first = 0;
  let second = 0;
  const bit = (word: number, i: number, v: number) => word | (v << i);
  for (let i = 0; i <= 5; i++) first = bit(first, i, at(8, i));
  first = bit(first, 6, at(8, 7));
  first = bit(first, 7, at(8, 8));
  first = bit(first, 8, at(7, 8));
  for (let i = 9; i < 15; i++) first = bit(first, i, at(14 - i, 8));
  for (let i = 0; i < 8; i++) second = bit(second, i, at(size - 1 - i, 8));
  for (let i = 8; i < 15; i++) second = bit(second, i, at(8, size - 15 + i));
  let best: { level: Level; mask: number; distance: number } | null = null;
  for (const level of ['L', 'M', 'Q', 'H'] as const) {
    for (let mask = 0; mask < 8; mask++) {
      const word = formatWord(level, mask);
      const distance = Math.min(popcount(word ^ first), popcount(word ^ second));
      if (!best || distance < best.distance) best = { level, mask, distance };
    }
  }
  if (!best || best.distance > 3) throw new Error('unreadable format information');
  const { level, mask } = best;
  if (at(8, size - 8) !== 1) throw new Error('the dark module is missing');

  // Codewords in the zigzag order, unmasked.
  const isFunction = functionModules(version);
  const bits: number[] = [];
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vert = 0; vert < size; vert++) {
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        const upward = ((right + 1) & 2) === 0;
        const y = upward ? size - 1 - vert : vert;
        if (!isFunction[y]![x]) bits.push(at(x, y) ^ (MASKS[mask]!(x, y) ? 1 : 0));
      }
    }
  }
  const raw = Math.floor(bits.length / 8);
  const codewords: number[] = [];
  for (let i = 0; i < raw; i++) codewords.push(bits.slice(i * 8, i * 8 + 8).reduce((a, b) => (a << 1) | b, 0));

  // De-interleave: blocks take codewords in turn; short blocks have one data codeword less.
  const li = LEVEL_INDEX[level];
  const ecLen = EC_PER_BLOCK[li]![version - 1]!;
  const numBlocks = BLOCKS[li]![version - 1]!;
  const numShort = numBlocks - (raw % numBlocks);
  const shortLen = Math.floor(raw / numBlocks);
  const blocks: number[][] = Array.from({ length: numBlocks }, () => []);
  let k = 0;
  for (let i = 0; i <= shortLen; i++) {
    for (let j = 0; j < numBlocks; j++) {
      if (i === shortLen - ecLen && j < numShort) continue; // the short blocks' missing data codeword
      blocks[j]!.push(codewords[k++]!);
    }
  }
  if (k !== raw) throw new Error(`block layout does not add up: ${k} of ${raw} codewords`);
  const data = blocks.flatMap((b) => b.slice(0, b.length - ecLen));
  return { text: readSegments(data, version), version, level, mask };
}

function popcount(n: number): number {
  let c = 0;
  for (; n; n &= n - 1) c++;
  return c;
}

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

function readSegments(data: number[], version: number): string {
  let pos = 0;
  const total = data.length * 8;
  const read = (n: number) => {
    let v = 0;
    for (let i = 0; i < n; i++, pos++) v = (v << 1) | ((data[pos >> 3]! >> (7 - (pos & 7))) & 1);
    return v;
  };
  const small = version <= 9;
  let text = '';
  let bytes: number[] = [];
  let charset = 'iso-8859-1'; // the default interpretation (ECI 3), until an ECI says otherwise
  const flush = () => {
    if (bytes.length > 0) text += charset === 'utf-8' ? new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes)) : String.fromCharCode(...bytes);
    bytes = [];
  };
  while (total - pos >= 4) {
    const mode = read(4);
    if (mode === 0) break;
    if (mode === 0b0111) {
      flush();
      const eci = read(8); // one-byte designators (0–127) are all a test needs
      if (eci === 26) charset = 'utf-8';
      else if (eci === 3 || eci === 1) charset = 'iso-8859-1';
      else throw new Error(`unsupported ECI ${eci}`);
      continue;
    }
    if (mode === 0b0100) {
      const count = read(small ? 8 : 16);
      for (let i = 0; i < count; i++) bytes.push(read(8));
      continue;
    }
    flush();
    if (mode === 0b0001) {
      let count = read(small ? 10 : 12);
      for (; count >= 3; count -= 3) text += String(read(10)).padStart(3, '0');
      if (count === 2) text += String(read(7)).padStart(2, '0');
      else if (count === 1) text += String(read(4));
    } else if (mode === 0b0010) {
      let count = read(small ? 9 : 11);
      for (; count >= 2; count -= 2) {
        const v = read(11);
        text += ALPHANUMERIC[Math.floor(v / 45)]! + ALPHANUMERIC[v % 45]!;
      }
      if (count === 1) text += ALPHANUMERIC[read(6)]!;
    } else throw new Error(`unsupported segment mode ${mode.toString(2)}`);
  }
  flush();
  return text;
}
