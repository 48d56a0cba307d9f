/**
 * A bar chart drawn by uPlot (MIT) on a canvas. uPlot and its stylesheet are imported
 * only here, and this module only by the figures screen, so they load when that screen
 * opens and never at start-up. A canvas says nothing to a screen reader: the chart is
 * hidden from it, and every chart on the screen comes with a table of the same numbers.
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

interface Props {
  /** One label per bar (shown under it, shortened when long). */
  labels: string[];
  /** Shorter labels for the axis (e.g. 23/11 for a day), when the labels are long. */
  ticks?: string[];
  values: number[];
  /** Turn the labels (long names: services, languages). */
  slanted?: boolean;
}

const HEIGHT = 220;
const MIN_WIDTH = 260;
// Whole numbers only on both axes: counts, and one bar per category.
const COUNT_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 1_000_000];
const BAR_STEPS = [1, 2, 3, 5, 7, 14, 30];
const short = (label: string) => (label.length > 18 ? `${label.slice(0, 17)}…` : label);

export function BarChart({ labels, ticks = labels, values, slanted = false }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current!;
    // The screen's own colours and font (high contrast, Tifinagh) rather than uPlot's.
    const style = getComputedStyle(el);
    const ink = style.color;
    const bar = style.getPropertyValue('--chart-bar').trim() || ink;
    const font = `14px ${style.fontFamily}`;
    const width = () => Math.max(MIN_WIDTH, el.clientWidth);
    // Room for the widest label between two labelled bars (uPlot then labels every n-th bar).
    const widest = Math.max(1, ...ticks.map((l) => short(l).length));
    const chart = new uPlot(
      {
        width: width(),
        height: HEIGHT + (slanted ? 70 : 0),
        legend: { show: false },
        cursor: { show: false },
        scales: {
          x: { time: false, range: [-0.5, labels.length - 0.5] },
          y: { range: (_u, _min, max) => [0, Math.max(1, max)] },
        },
        axes: [
          {
            stroke: ink, font, grid: { show: false }, incrs: BAR_STEPS,
            values: (_u, splits) => splits.map((i) => short(ticks[i] ?? '')),
            ...(slanted ? { rotate: -35, size: 110, space: 24 } : { space: Math.min(200, 16 + widest * 8) }),
          },
          { stroke: ink, font, incrs: COUNT_STEPS, values: (_u, splits) => splits.map(String), grid: { stroke: 'rgba(127,127,127,0.3)' } },
        ],
        series: [{}, { fill: bar, stroke: bar, paths: uPlot.paths.bars!({ size: [0.7, 64] }), points: { show: false } }],
      },
      [labels.map((_, i) => i), values],
      el,
    );
    const resize = new ResizeObserver(() => chart.setSize({ width: width(), height: chart.height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [ticks.join('\n'), values.join(','), slanted]);
  // Charts read left to right in every language; the table beside it follows the page.
  return <div class="bar-chart" ref={box} aria-hidden="true" dir="ltr" data-bars={values.length} />;
}
