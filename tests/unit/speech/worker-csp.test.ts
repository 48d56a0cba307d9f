/** Only the speech worker's script may compile WebAssembly; every other response keeps the strict policy. */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SPEECH_WORKER_CSP, securityHeaders } from '../../../server/http/security-headers.ts';

const app = new Hono();
app.use('*', securityHeaders);
app.get('*', (c) => c.text('x'));
const csp = async (path: string) => (await app.request(path)).headers.get('content-security-policy');

describe('CSP for the eSpeak worker', () => {
  it("adds 'wasm-unsafe-eval' (WebAssembly only, not eval) to the speech worker's script alone", async () => {
    expect(SPEECH_WORKER_CSP).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(SPEECH_WORKER_CSP).not.toContain("'unsafe-eval'; ");
    expect(await csp('/assets/espeak.worker-CMz2haRH.js')).toBe(SPEECH_WORKER_CSP);
    for (const path of ['/', '/index.html', '/assets/index-Df5ssrY0.js', '/assets/search-index.worker-mYhy9MWY.js', '/assets/espeak.worker-x.js/../index.js', '/api/catalog'])
      expect(await csp(path), path).toBe(CONTENT_SECURITY_POLICY);
  });
});
