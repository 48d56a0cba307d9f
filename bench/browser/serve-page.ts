/**
 * Builds bench/browser with Vite (two pages and the Workbox queue's service worker) and
 * serves it on 127.0.0.1 (a secure context: WebCrypto and IndexedDB work). The delivery
 * page is served by the Relais server itself instead (STATIC_DIR), to share its origin.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { build } from 'vite';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

export interface BenchPage {
  url: string;
  close(): Promise<void>;
}

export const BENCH_PAGE_DIR = join(process.cwd(), '.tmp', 'bench-browser');

export async function buildBenchPages(): Promise<string> {
  const root = join(process.cwd(), 'bench', 'browser');
  await build({
    configFile: false,
    root,
    logLevel: 'error',
    define: { __APP_VERSION__: '"bench"' },
    build: {
      outDir: BENCH_PAGE_DIR,
      emptyOutDir: true,
      target: 'es2022',
      modulePreload: { polyfill: false },
      rollupOptions: {
        input: { index: join(root, 'index.html'), delivery: join(root, 'delivery.html'), bundle: join(root, 'bundle.html'), 'queue-sw': join(root, 'queue-sw.ts') },
        output: { entryFileNames: (chunk) => (chunk.name === 'queue-sw' ? 'queue-sw.js' : 'assets/[name]-[hash].js') },
      },
    },
  });
  return BENCH_PAGE_DIR;
}

export async function serveBenchPage(): Promise<BenchPage> {
  const outDir = await buildBenchPages();
  const server: Server = createServer((req, res) => {
    const path = normalize(join(outDir, (req.url ?? '/').split('?')[0] === '/' ? 'index.html' : (req.url ?? '').split('?')[0]!));
    if (!path.startsWith(outDir) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
