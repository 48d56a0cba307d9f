/**
 * Server ingestion under many terminals: sealed applications POSTed by 10, 50 and 200
 * concurrent clients, one in five a retry of an application already delivered (same
 * Idempotency-Key and body, answered from the stored receipt), on the embedded PGlite
 * store and on PostgreSQL. Each level is compared with GET /api/health at the same
 * concurrency on the same server (the HTTP stack without storage). The server's rate
 * limit is off (RATE_LIMIT_PER_MINUTE=0): here every client shares one terminal id.
 */
import { buildSealedSubmission } from '../src/core/outbox/build-submission.ts';
import type { CatalogResponse, SealingKey } from '../src/core/sync/protocol.ts';
import { demoService } from '../tests/support/catalog.ts';
import { startPostgres } from '../tests/support/postgres.ts';
import { startServer } from '../tests/e2e/support/server-process.ts';
import type { BenchLine } from './lib/report.ts';

export const CONCURRENCY = [10, 50, 200];
const DUPLICATE_SHARE = 0.2;
const requestsAt = (clients: number) => Math.max(1000, clients * 10);

const ANSWERS = {
  fullName: 'Aicha Ait Brahim', cnie: 'JB123456', birthDate: '1984-05-17', douar: 'Douar Tafraout', commune: 'Tafraout',
  residentSince: '2010-09-01', housingStatus: 'owner', purpose: 'bank', phone: '+212661234567',
};

interface Prepared {
  id: string;
  body: string;
}

interface Run {
  perSecond: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)]!;

/** Sealing costs the client ~0.5 ms each: done before the clock starts. */
async function prepare(count: number, key: SealingKey): Promise<Prepared[]> {
  const definition = demoService('residence-certificate');
  const out: Prepared[] = [];
  for (let i = 0; i < count; i++) {
    const draft = { id: crypto.randomUUID(), definition, answers: ANSWERS, language: 'fr', createdAt: new Date().toISOString(), consentVersion: 'bench' };
    const request = await buildSealedSubmission(draft, '00000000-0000-4000-8000-0000000bench0', new Date().toISOString(), key);
    out.push({ id: request.id, body: JSON.stringify(request) });
  }
  return out;
}

async function load(clients: number, total: number, send: (i: number) => Promise<number>): Promise<Run> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        let status: string;
        try {
          status = String(await send(i));
        } catch {
          status = 'network-error';
        }
        latencies.push(performance.now() - t);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: total / seconds, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), statuses };
}

async function measureStore(store: 'PGlite' | 'PostgreSQL', env: Record<string, string>): Promise<BenchLine[]> {
  const server = await startServer({ RATE_LIMIT_PER_MINUTE: '0', STATIC_DIR: 'dist', ...env });
  try {
    const authorization = `Bearer ${(await server.enroll()).token}`;
    const catalog = (await (await fetch(`${server.url}/api/catalog`, { headers: { authorization } })).json()) as CatalogResponse;
    if (!catalog.sealing) throw new Error('the server published no sealing key');
    const pool = await prepare(CONCURRENCY.reduce((sum, c) => sum + requestsAt(c), 0) + 100, catalog.sealing);
    let cursor = 0;
    const post = async ({ id, body }: Prepared) => {
      const res = await fetch(`${server.url}/api/submissions`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': id, authorization }, body });
      await res.arrayBuffer();
      return res.status;
    };
    const health = async () => {
      const res = await fetch(`${server.url}/api/health`);
      await res.arrayBuffer();
      return res.status;
    };
    // Warm up: JIT, connection pool, the store's caches.
    await load(10, 100, () => post(pool[cursor++]!));
    await load(10, 200, health);
    const lines: BenchLine[] = [];
    for (const clients of CONCURRENCY) {
      const total = requestsAt(clients);
      const delivered: Prepared[] = [];
      let dupes = 0;
      // Deterministic mix: every fifth request re-sends one already answered.
      const ingest = await load(clients, total, async (i) => {
        const retry = i % Math.round(1 / DUPLICATE_SHARE) === 4 && delivered.length > 0;
        const request = retry ? delivered[(i * 7919) % delivered.length]! : pool[cursor++]!;
        if (retry) dupes++;
        const status = await post(request);
        if (!retry && status === 201) delivered.push(request);
        return status;
      });
      const baseline = await load(clients, total, health);
      const detail = { requests: total, duplicates: dupes, p50: ingest.p50, statuses: JSON.stringify(ingest.statuses) };
      lines.push(
        { name: `server ingestion, ${store}, ${clients} terminals, 20% duplicate retries`, value: ingest.perSecond, unit: 'requests/s', baseline: { name: 'GET /api/health, same clients', value: baseline.perSecond }, ratio: ingest.perSecond / baseline.perSecond, detail },
        { name: `server ingestion p99 latency, ${store}, ${clients} terminals`, value: ingest.p99, unit: 'ms', baseline: { name: 'GET /api/health p99', value: baseline.p99 }, ratio: ingest.p99 / baseline.p99 },
      );
    }
    return lines;
  } finally {
    await server.stop();
  }
}

export async function serverIngestion(): Promise<BenchLine[]> {
  const lines = await measureStore('PGlite', {});
  const postgres = await startPostgres();
  try {
    lines.push(...(await measureStore('PostgreSQL', { DATABASE_URL: postgres.url })));
  } finally {
    await postgres.stop();
  }
  return lines;
}
