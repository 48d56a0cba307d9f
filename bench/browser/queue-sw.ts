/**
 * The bench's service worker: Workbox's background-sync Queue, the usual way a PWA
 * replays POSTs made offline. `forceSyncFallback` keeps Chromium's sync event from
 * replaying on its own, so the page decides when the replay starts and times it.
 */
import { Queue } from 'workbox-background-sync';

declare const self: { addEventListener(type: 'message', listener: (event: MessageEvent) => void): void; clients: { claim(): Promise<void> } } & typeof globalThis;

const queue = new Queue('relais-bench', { forceSyncFallback: true, maxRetentionTime: 7 * 24 * 60 });

self.addEventListener('message', (event: MessageEvent<{ type: 'fill'; token: string; requests: Array<{ id: string; body: string }> } | { type: 'replay' }>) => {
  const port = event.ports[0]!;
  const message = event.data;
  const work = async () => {
    if (message.type === 'fill') {
      for (const { id, body } of message.requests) {
        await queue.pushRequest({ request: new Request('/api/submissions', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': id, Authorization: `Bearer ${message.token}` }, body }) });
      }
      return { queued: (await queue.size()) };
    }
    const start = performance.now();
    await queue.replayRequests();
    return { ms: performance.now() - start, left: await queue.size() };
  };
  work().then((reply) => port.postMessage(reply), (error: unknown) => port.postMessage({ error: String(error) }));
});
