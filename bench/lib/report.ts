/** Prints the bench table and writes bench/results/<name>.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

export interface BenchLine {
  name: string; // what was measured
  value: number;
  unit: string;
  baseline?: { name: string; value: number }; // measured in the same run
  ratio?: number; // value / baseline.value
  detail?: Record<string, number | string>;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2));

export function report(lines: BenchLine[]): string {
  const rows = lines.map((l) => [l.name, `${fmt(l.value)} ${l.unit}`, l.baseline ? `${l.baseline.name}: ${fmt(l.baseline.value)} ${l.unit}` : '—', l.ratio != null ? fmt(l.ratio) : '—']);
  const head = ['measure', 'value', 'baseline (same run)', 'ratio'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const table = [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
  console.log(`\n${table}\n`);
  mkdirSync('bench/results', { recursive: true });
  const stamp = new Date().toISOString();
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  const json = JSON.stringify({ at: stamp, machine, lines }, null, 2);
  writeFileSync('bench/results/latest.json', json);
  writeFileSync(`bench/results/${stamp.replace(/[:.]/g, '-')}.json`, json);
  return table;
}
