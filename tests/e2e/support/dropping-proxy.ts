/**
 * A real HTTP proxy in front of the server that, when told to, lets a request reach the
 * server, waits for the server's full answer, and then cuts the kiosk's connection: the
 * application is stored but the kiosk never learns it. That is the "dropped response".
 */
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { freePort } from './server-process.ts';

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** True once the server answered in full and the proxy cut the kiosk off instead of passing it on. */
  cut: boolean;
}

export interface DroppingProxy {
  url: string;
  seen: SeenRequest[];
  /** The next `count` requests matching `when` reach the server but get no answer. */
  dropNext(count: number, when: (method: string, path: string) => boolean): void;
  close(): Promise<void>;
}

export async function startDroppingProxy(target: string): Promise<DroppingProxy> {
  const upstream = new URL(target);
  const seen: SeenRequest[] = [];
  let drops = 0;
  let matcher: (method: string, path: string) => boolean = () => false;
  const server: Server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const drop = drops > 0 && matcher(method, path);
    if (drop) drops--;
    const entry: SeenRequest = { method, path, headers: req.headers, cut: false };
    seen.push(entry);
    const forward = request(
      { host: upstream.hostname, port: upstream.port, method, path, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        if (drop) {
          answer.resume();
          answer.on('end', () => {
            req.socket.destroy();
            entry.cut = true;
          });
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => req.socket.destroy());
    req.pipe(forward);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    dropNext(count, when) {
      drops = count;
      matcher = when;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
