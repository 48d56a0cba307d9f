/**
 * Looks for a string everywhere a kiosk page could have left it: every IndexedDB
 * database and store (values serialised, binary included as text), Cache Storage
 * (every cached response body), localStorage, sessionStorage and the DOM.
 * Returns where it was found; an empty list means nowhere.
 */
import type { Page } from '@playwright/test';

export async function findTraces(page: Page, marker: string): Promise<string[]> {
  // A string script, not a function: keeps the bundler's helpers out of the page.
  return page.evaluate(`(async (marker) => {
    const found = [];
    const seen = (where, value) => {
      let text;
      try {
        text = typeof value === 'string' ? value : JSON.stringify(value, (k, v) => {
          if (v instanceof ArrayBuffer) return new TextDecoder().decode(v);
          if (ArrayBuffer.isView(v)) return new TextDecoder().decode(v);
          return v;
        });
      } catch (e) { text = String(value); }
      if (text && text.includes(marker)) found.push(where);
    };
    for (const info of await indexedDB.databases()) {
      const db = await new Promise((ok, ko) => { const r = indexedDB.open(info.name); r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
      for (const store of Array.from(db.objectStoreNames)) {
        const values = await new Promise((ok) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => ok(r.result); });
        values.forEach((v, i) => seen('indexedDB ' + info.name + '/' + store + '#' + i, v));
      }
      db.close();
    }
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        seen('cache ' + name + ' ' + request.url, await response.text());
      }
    }
    for (const [label, storage] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]]) {
      for (let i = 0; i < storage.length; i++) seen(label + ' ' + storage.key(i), storage.getItem(storage.key(i)));
    }
    seen('DOM', document.documentElement.outerHTML);
    document.querySelectorAll('input, textarea').forEach((el) => seen('DOM input ' + el.id, el.value));
    return found;
  })(${JSON.stringify(marker)})`);
}
