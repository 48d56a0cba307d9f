/**
 * Serves the built kiosk (STATIC_DIR). The app shell, service worker and manifest must be
 * revalidated on every load or a kiosk could keep an old version; hashed files under
 * /assets/ never change and are cached for a year. A navigation to any other path gets
 * index.html, so client-side routes survive a reload.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { Context, MiddlewareHandler } from 'hono';
import { matchesIfNoneMatch } from './etag.ts';
import { mimeType } from './mime.ts';

interface FoundFile {
  path: string;
  size: number;
  mtimeMs: number;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

async function findFile(root: string, urlPath: string): Promise<FoundFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  let path = resolve(root, `.${decoded}`);
  if (path !== root && !path.startsWith(root + sep)) return null; // ../ out of the folder
  try {
    let info = await stat(path);
    if (info.isDirectory()) {
      path = join(path, 'index.html');
      info = await stat(path);
    }
    return info.isFile() ? { path, size: info.size, mtimeMs: info.mtimeMs } : null;
  } catch {
    return null;
  }
}

function isNavigation(request: Request): boolean {
  const mode = request.headers.get('sec-fetch-mode');
  if (mode) return mode === 'navigate';
  return (request.headers.get('accept') ?? '').includes('text/html');
}

function send(c: Context, file: FoundFile, urlPath: string): Response {
  const etag = `W/"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
  const headers = {
    'Content-Type': mimeType(file.path),
    'Cache-Control': urlPath.startsWith('/assets/') ? IMMUTABLE : 'no-cache',
    ETag: etag,
  };
  if (matchesIfNoneMatch(c.req.header('if-none-match'), etag.slice(2))) return new Response(null, { status: 304, headers });
  const body = Readable.toWeb(createReadStream(file.path)) as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers: { ...headers, 'Content-Length': String(file.size) } });
}

export function kioskFiles(staticDir: string): MiddlewareHandler {
  const root = resolve(staticDir);
  return async (c, next) => {
    const path = new URL(c.req.url).pathname; // still percent-encoded: decoded once, here
    if (c.req.method !== 'GET' || path === '/api' || path.startsWith('/api/')) return next();
    const file = await findFile(root, path);
    if (file) return send(c, file, path);
    if (!isNavigation(c.req.raw)) return next();
    const index = await findFile(root, '/index.html');
    return index ? send(c, index, '/index.html') : next();
  };
}
