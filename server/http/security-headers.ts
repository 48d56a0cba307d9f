/**
 * Headers on every response, errors included. The CSP allows nothing but our own origin:
 * no inline script, no remote origins (DESIGN §5); blob: and data: only for images and
 * media the kiosk makes itself (camera captures, generated pictograms). The camera and
 * microphone (document scans, speech) are for our own origin only; nothing else.
 */
import type { MiddlewareHandler } from 'hono';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(self), microphone=(self), geolocation=(), payment=(), usb=()',
};

export function applySecurityHeaders(headers: Headers): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
}

/**
 * The speech worker (eSpeak NG, src/speech/espeak.worker.ts) compiles WebAssembly, which
 * CSP blocks unless 'wasm-unsafe-eval' is allowed. A worker runs under the policy sent
 * with its own script, so only that script gets it: WebAssembly compilation, never eval.
 */
export const SPEECH_WORKER_PATH = /^\/assets\/espeak\.worker-[\w-]+\.js$/;
export const SPEECH_WORKER_CSP = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'");

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  applySecurityHeaders(c.res.headers);
  if (SPEECH_WORKER_PATH.test(c.req.path)) c.res.headers.set('Content-Security-Policy', SPEECH_WORKER_CSP);
};
