/// <reference lib="webworker" />
/**
 * The kiosk's service worker: precaches the app shell (every JS chunk, stylesheet,
 * locale file and icon the build emits) and answers navigations with index.html, so the
 * app starts with no network. It never touches /api: the outbox in IndexedDB is the
 * queue (DESIGN §3), and a cached API answer would only hide the network's state.
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }));

// A new version waits until the page asks (the person at the kiosk tapped "update").
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// The first install takes the open page at once, so the very first visit is already offline-ready.
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
