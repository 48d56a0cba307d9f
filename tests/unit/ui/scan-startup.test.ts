/**
 * The scanner is never start-up JavaScript (issue 6): zxing (~110 KB gzipped, not
 * tree-shakeable) must load only when a scan starts. Reads the built kiosk (`npm test`
 * builds dist/ before this suite; RELAIS_DIST points elsewhere): the entry scripts of
 * dist/index.html, its modulepreloads and every chunk they import statically must hold
 * none of zxing's marker strings, while some lazily loaded chunk must hold all of them
 * (so the markers are known to still identify zxing). And in the sources, only the
 * decoder module imports zxing, and only the worker imports that module.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunksWithMarkers, importersOf as importers } from './built-chunks.ts';

const DIST = process.env.RELAIS_DIST ?? 'dist';
// Error texts and exception kinds from zxing's own code: they survive minification.
const ZXING_MARKERS = ['ReedSolomonException', 'Error locator degree does not match number of roots', 'No MultiFormat Readers were able to detect the code'];

describe('the scanner is not start-up JavaScript', () => {
  it(`no chunk loaded at start-up holds zxing; a lazy chunk does (${DIST}/)`, () => {
    const { startupHits, lazyWithAll } = chunksWithMarkers(DIST, ZXING_MARKERS);
    expect(startupHits, 'start-up JavaScript holds zxing').toEqual([]);
    expect(lazyWithAll.length, 'no lazy chunk holds every zxing marker: the markers no longer identify zxing').toBeGreaterThan(0);
  });

  it('in the sources, only src/ui/scan/zxing-decode.ts imports zxing, and only the decode worker imports it', () => {
    expect(importers(/(?:from|import)\s*\(?\s*['"]@zxing\//)).toEqual([join('src', 'ui', 'scan', 'zxing-decode.ts')]);
    // A type-only import vanishes from the build; any other import of the module would bundle zxing.
    expect(importers(/import\s+(?!type\b)[^;]*from\s*['"][./]*[^'"]*zxing-decode(?:\.ts)?['"]/)).toEqual([join('src', 'ui', 'scan', 'decode.worker.ts')]);
  });
});
