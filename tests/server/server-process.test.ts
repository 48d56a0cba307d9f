/**
 * The real thing: `tsx server/main.ts` as an operator starts it, over real HTTP, stopped
 * by SIGTERM as a service manager would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { sealContent } from '../../src/core/crypto/envelope.ts';
import type { CatalogResponse, DeviceToken, SubmissionReceipt } from '../../src/core/sync/protocol.ts';
import { lifeCertificateRequest, LIFE_CERTIFICATE_ANSWERS } from './helpers/submissions.ts';
import { freshDatabaseUrl, STORES } from './helpers/test-db.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in time; output:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) {
        clearTimeout(timer);
        resolve(output);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}; output:\n${output}`)));
  });
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

describe.each(STORES)('the server process (%s)', (kind) => {
  let child: ChildProcess | undefined;
  let dataDir = '';
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts with a new sealing key, answers the health check and a sealed application over HTTP, and stops cleanly on SIGTERM', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'relais-server-'));
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, STATIC_DIR: join(dataDir, 'no-build') };
    delete env.DATABASE_URL;
    if (kind === 'postgres') env.DATABASE_URL = await freshDatabaseUrl();
    child = spawn(TSX, ['server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });

    const output = await waitForOutput(child, /Relais is running/, 90_000);
    expect(output).toMatch(new RegExp(`kiosk at http://localhost:${port}/ \\(store: ${kind}, catalog v1\\)`));

    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', store: kind, version: expect.any(String) });

    // First start: a sealing key was made in DATA_DIR/keys, private to the server's user.
    const keyId = /Generated sealing key (k-[0-9a-f]{12})/.exec(output)?.[1];
    expect(keyId).toBeDefined();
    const keysDir = join(dataDir, 'keys');
    for (const name of readdirSync(keysDir)) expect(statSync(join(keysDir, name)).mode & 0o077, name).toBe(0);

    // Nothing but health and enrollment without a device token.
    expect((await fetch(`http://127.0.0.1:${port}/api/catalog`)).status).toBe(401);
    // The demo supervisor (created with the demo relay configuration) enrols a terminal.
    const enrolled = await fetch(`http://127.0.0.1:${port}/api/terminals/enroll`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ terminalId: 'relay-tafraout-01', label: 'Guichet 1', staffId: 'supervisor-demo', pin: '135790' }),
    });
    expect(enrolled.status).toBe(201);
    const { token } = (await enrolled.json()) as DeviceToken;
    const authorization = `Bearer ${token}`;

    // A kiosk's round trip: the key from the catalog, an application sealed to it, 201.
    const catalog = (await (await fetch(`http://127.0.0.1:${port}/api/catalog`, { headers: { authorization } })).json()) as CatalogResponse;
    expect(catalog.sealing?.keyId).toBe(keyId);
    const { payload: _clear, ...request } = lifeCertificateRequest();
    const sealed = { ...request, payload: await sealContent({ answers: { ...LIFE_CERTIFICATE_ANSWERS }, assistedBy: 'agent-7' }, catalog.sealing!, request.id) };
    const submitted = await fetch(`http://127.0.0.1:${port}/api/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': request.id, authorization },
      body: JSON.stringify(sealed),
    });
    expect(submitted.status).toBe(201);
    expect(((await submitted.json()) as SubmissionReceipt).id).toBe(request.id);

    const exit = exited(child);
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});
