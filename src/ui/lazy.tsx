/**
 * A component whose code is fetched the first time it is shown, so screens most citizens
 * never see (staff sign-in, enrollment, the supervisor's screens, the ID-card panel) are
 * not start-up JavaScript. The service worker precaches every chunk, so this works offline.
 */
import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): FunctionComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<void> | null = null;
  return function Lazy(props: P) {
    const [, setReady] = useState(loaded !== null);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      pending ??= load().then((component) => {
        loaded = component;
      });
      void pending.then(() => live && setReady(true));
      return () => {
        live = false;
      };
    }, []);
    const Component = loaded;
    return Component ? <Component {...props} /> : <p class="loading" role="status" aria-busy="true" />;
  };
}
