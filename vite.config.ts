import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(process.env.RELAIS_BUILD_VERSION ?? version),
  },
  build: {
    target: 'es2022',
    // No inline scripts or styles: the server's Content-Security-Policy forbids them.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  plugins: [
    preact(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      injectRegister: false, // src/ui/pwa/service-worker.ts registers it and offers updates
      registerType: 'prompt',
      injectManifest: {
        // The eSpeak NG WebAssembly (speech, GPL-3.0-or-later, 18.5 MB) is precached so the
        // offline voice works offline; it is fetched only by the speech worker, never at start-up.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,json,webmanifest}', 'assets/espeak-ng-*.wasm'],
        maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
        // …but every other file keeps the 5 MB ceiling.
        manifestTransforms: [
          (entries) => ({
            manifest: entries.filter((e) => e.size <= 5 * 1024 * 1024 || /^assets\/espeak-ng-[\w-]+\.wasm$/.test(e.url)),
            warnings: entries.filter((e) => e.size > 5 * 1024 * 1024 && !/^assets\/espeak-ng-[\w-]+\.wasm$/.test(e.url)).map((e) => `${e.url} is over 5 MB: not precached`),
          }),
        ],
      },
      manifest: {
        id: '/',
        name: 'Relais — démarches de proximité',
        short_name: 'Relais',
        description: 'Offline-first kiosk for Morocco’s Digital Proximity Relays',
        lang: 'ar',
        dir: 'auto',
        start_url: '/',
        scope: '/',
        display: 'fullscreen',
        orientation: 'any',
        background_color: '#ffffff',
        theme_color: '#0b6e4f',
        categories: ['government', 'utilities'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
    }),
  ],
});
