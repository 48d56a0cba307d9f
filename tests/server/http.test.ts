import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { CONTENT_SECURITY_POLICY } from '../../server/http/security-headers.ts';
import { STORES, useTestDb } from './helpers/test-db.ts';
import { useDeviceToken, withDevice } from './helpers/terminal.ts';
import { testKeys } from './helpers/keys.ts';

const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; " +
  "connect-src 'self'; worker-src 'self'; manifest-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; " +
  "frame-ancestors 'none'; form-action 'self'";

const FILES: Record<string, string> = {
  'index.html': '<!doctype html><title>Relais</title>',
  'sw.js': 'self.addEventListener("install", () => {});',
  'manifest.webmanifest': '{"name":"Relais"}',
  'assets/index-3f9a1c.js': 'console.log(1);',
  'assets/index-3f9a1c.css': 'body{}',
  'assets/noto-arabic.woff2': 'woff2',
  'icons/icon-192.png': 'png',
  'icons/gate.svg': '<svg/>',
  'locales/ar.json': '{}',
};

let staticDir = '';
beforeAll(() => {
  staticDir = mkdtempSync(join(tmpdir(), 'relais-static-'));
  for (const [name, content] of Object.entries(FILES)) {
    mkdirSync(join(staticDir, name, '..'), { recursive: true });
    writeFileSync(join(staticDir, name), content);
  }
  writeFileSync(join(tmpdir(), 'relais-secret.txt'), 'secret');
});
afterAll(() => {
  rmSync(staticDir, { recursive: true, force: true });
  rmSync(join(tmpdir(), 'relais-secret.txt'), { force: true });
});

describe.each(STORES)('HTTP behaviour (%s)', (kind) => {
  const db = useTestDb(kind, { reset: false });
  const device = useDeviceToken(db, { reset: false });
  const app = () => withDevice(createApp({ db: db(), keys: testKeys(), version: 'test', staticDir }), device());
  const navigate = (path: string) => app().request(path, { headers: { Accept: 'text/html', 'Sec-Fetch-Mode': 'navigate' } });

  it('puts the security headers on every response, errors included', async () => {
    expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED_CSP);
    for (const path of ['/api/health', '/api/nope', '/', '/assets/index-3f9a1c.js', '/missing.png']) {
      const res = await app().request(path);
      expect(res.headers.get('content-security-policy'), path).toBe(EXPECTED_CSP);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('permissions-policy'), path).toBe('camera=(self), microphone=(self), geolocation=(), payment=(), usb=()');
    }
  });

  it('answers an unknown /api route with a 404 problem, even for a navigation', async () => {
    for (const res of [await app().request('/api/nope'), await navigate('/api/nope'), await app().request('/api/health', { method: 'DELETE' })]) {
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(await res.json()).toEqual({ type: 'urn:relais:problem:not-found', title: 'Not found', status: 404, code: 'not-found' });
    }
  });

  it.each([
    ['/', 'text/html; charset=utf-8', 'no-cache'],
    ['/index.html', 'text/html; charset=utf-8', 'no-cache'],
    ['/sw.js', 'text/javascript; charset=utf-8', 'no-cache'],
    ['/manifest.webmanifest', 'application/manifest+json', 'no-cache'],
    ['/assets/index-3f9a1c.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/assets/index-3f9a1c.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/assets/noto-arabic.woff2', 'font/woff2', 'public, max-age=31536000, immutable'],
    ['/icons/icon-192.png', 'image/png', 'no-cache'],
    ['/icons/gate.svg', 'image/svg+xml', 'no-cache'],
    ['/locales/ar.json', 'application/json; charset=utf-8', 'no-cache'],
  ])('serves %s as %s with Cache-Control %s', async (path, type, cache) => {
    const res = await app().request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('cache-control')).toBe(cache);
    const name = path === '/' ? 'index.html' : path.slice(1);
    expect(await res.text()).toBe(FILES[name]);
  });

  it('revalidates a kiosk file with its ETag', async () => {
    const first = await app().request('/sw.js');
    const etag = first.headers.get('etag')!;
    const again = await app().request('/sw.js', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });

  it('gives index.html to a navigation that matches no file, so client routes survive a reload', async () => {
    const res = await navigate('/services/life-certificate/step/2');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe(FILES['index.html']);
  });

  it('answers 404 for a missing file that is not a navigation', async () => {
    const res = await app().request('/assets/gone-123.js');
    expect(res.status).toBe(404);
  });

  it('never serves a file outside the kiosk folder', async () => {
    for (const path of ['/../relais-secret.txt', '/%2e%2e/relais-secret.txt', '/assets/%2e%2e%2f%2e%2e%2frelais-secret.txt']) {
      const res = await app().request(path);
      expect(await res.text(), path).not.toContain('secret');
    }
  });

  it('serves only the API when no kiosk folder is given', async () => {
    const apiOnly = withDevice(createApp({ db: db(), keys: testKeys(), version: 'test' }), device());
    expect((await apiOnly.request('/api/health')).status).toBe(200);
    expect((await apiOnly.request('/', { headers: { Accept: 'text/html' } })).status).toBe(404);
  });
});
