/**
 * Registers the service worker and offers a new version instead of forcing it: the
 * waiting worker only takes over when someone taps "update", and the page reloads on
 * `controllerchange`. Drafts and the outbox live in IndexedDB, so the reload loses nothing.
 */
export interface UpdateOffer {
  apply(): void;
}

export function registerServiceWorker(onUpdate: (offer: UpdateOffer) => void): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  let reloading = false;
  let controller = navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // The first install claims an uncontrolled page: nothing to reload for. A change from
    // one worker to another means a new version took over: load its code.
    const previous = controller;
    controller = navigator.serviceWorker.controller;
    if (!previous || reloading) return;
    reloading = true;
    window.location.reload();
  });
  const offer = (worker: ServiceWorker) => onUpdate({ apply: () => worker.postMessage({ type: 'SKIP_WAITING' }) });
  void navigator.serviceWorker.register('/sw.js', { scope: '/' }).then((registration) => {
    if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const installing = registration.installing;
      installing?.addEventListener('statechange', () => {
        if (installing.state === 'installed' && navigator.serviceWorker.controller) offer(installing);
      });
    });
    // A kiosk stays open for days: look for a new version now and then, and when the link returns.
    setInterval(() => void registration.update().catch(() => undefined), 30 * 60_000);
    window.addEventListener('online', () => void registration.update().catch(() => undefined));
  });
}
