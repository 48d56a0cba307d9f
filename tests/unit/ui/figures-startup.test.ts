/**
 * The charting library (uPlot) is never start-up JavaScript (issue 5, item 6): it loads
 * with the figures screen only. Reads the built kiosk (`npm test` builds dist/ first;
 * RELAIS_DIST points elsewhere), like scan-startup.test.ts: no chunk loaded at start-up
 * holds uPlot's marker strings, some lazy chunk holds them all, and its stylesheet is not
 * the start-up one. In the sources, only the bar chart imports uplot, and only the figures
 * screen imports the chart.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunksWithMarkers, importersOf as importers } from './built-chunks.ts';

const DIST = process.env.RELAIS_DIST ?? 'dist';
// Class names uPlot gives its own elements: they survive minification.
const UPLOT_MARKERS = ['u-over', 'u-under', 'u-legend', 'u-cursor-x', 'u-select'];

describe('the charting library is not start-up JavaScript', () => {
  it(`no chunk loaded at start-up holds uPlot; a lazy chunk does (${DIST}/)`, () => {
    const { startupHits, lazyWithAll } = chunksWithMarkers(DIST, UPLOT_MARKERS);
    expect(startupHits, 'start-up JavaScript holds uPlot').toEqual([]);
    expect(lazyWithAll.length, 'no lazy chunk holds every uPlot marker: the markers no longer identify uPlot').toBeGreaterThan(0);
    // uPlot's stylesheet (.u-legend …) is not the one index.html links.
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const startupCss = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\/([^"]+\.css)"/g)].map((m) => readFileSync(join(DIST, m[1]!), 'utf8'));
    expect(startupCss.length).toBeGreaterThan(0);
    for (const css of startupCss) expect(css).not.toContain('.u-legend');
    expect(readdirSync(join(DIST, 'assets')).some((f) => f.endsWith('.css') && readFileSync(join(DIST, 'assets', f), 'utf8').includes('.u-legend'))).toBe(true);
  });

  it('in the sources, only src/ui/figures/BarChart.tsx imports uplot, and only the figures screen imports it', () => {
    expect(importers(/(?:from|import)\s*\(?\s*['"]uplot(?:\/[^'"]*)?['"]/)).toEqual([join('src', 'ui', 'figures', 'BarChart.tsx')]);
    expect(importers(/import\s+(?!type\b)[^;]*from\s*['"][./]*[^'"]*BarChart(?:\.tsx)?['"]/)).toEqual([join('src', 'ui', 'figures', 'FiguresScreen.tsx')]);
    // …and the app reaches the screen only through import().
    expect(importers(/import\s+(?!type\b)[^;]*from\s*['"][./]*[^'"]*FiguresScreen(?:\.tsx)?['"]/)).toEqual([]);
  });
});
