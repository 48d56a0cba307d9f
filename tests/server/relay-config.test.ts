import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { isRelayConfig, verifyPin } from '../../src/core/auth/staff.ts';
import { DEMO_STAFF, relayConfigSource } from '../../server/relay/relay-config.ts';
import { relayRoute } from '../../server/routes/relay.ts';

const tmpConfig = () => join(mkdtempSync(join(tmpdir(), 'relais-relay-')), 'relay.json');

describe('relay configuration for offline sign-in', () => {
  it('a fresh install gets demo staff whose PINs travel only as salted slow hashes', async () => {
    const path = tmpConfig();
    const messages: string[] = [];
    const warn = console.warn;
    console.warn = (line: string) => messages.push(line);
    const source = await relayConfigSource(path);
    console.warn = warn;
    const app = new Hono().get('/api/relay', relayRoute(source));
    const res = await app.request('/api/relay');
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(isRelayConfig(body)).toBe(true);
    expect(JSON.stringify(body)).not.toContain(DEMO_STAFF[0].pin);
    const agent = body.staff.find((s: { id: string }) => s.id === 'agent-demo');
    expect(await verifyPin(DEMO_STAFF[0].pin, agent.pin, crypto.subtle as never)).toBe(true);
    expect(messages.join('\n')).toMatch(/DEMO staff/);
  });

  it('an edited file is picked up without a restart, and a broken edit keeps the last good one', async () => {
    const path = tmpConfig();
    const source = await relayConfigSource(path);
    const before = source();
    writeFileSync(path, JSON.stringify({ ...before, name: 'Relais de Tafraout' }));
    await new Promise((r) => setTimeout(r, 20));
    expect(source().name).toBe('Relais de Tafraout');
    const warn = console.warn;
    console.warn = () => undefined;
    writeFileSync(path, '{ not json');
    expect(source().name).toBe('Relais de Tafraout');
    console.warn = warn;
  });
});
