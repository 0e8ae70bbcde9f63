import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { VitePWA } from 'vite-plugin-pwa';
import { contentPacks } from './scripts/content/vite-plugin.ts';

const THEME = '#0b5d3b';

export default defineConfig({
  plugins: [
    react(),
    contentPacks(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      // We register the worker ourselves with workbox-window, to show the update prompt.
      injectRegister: false,
      manifest: {
        id: '/',
        name: 'Học Số — Học kỹ năng số',
        short_name: 'Học Số',
        description: 'Học kỹ năng số, dùng được cả khi không có mạng.',
        lang: 'vi',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#ffffff',
        theme_color: THEME,
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      injectManifest: {
        // The shell, every locale chunk and the content catalogue (content/manifest.json): the
        // app works offline from its first visit. Content packs and their recordings are not
        // here: a pack is downloaded when someone opens it (src/features/content) and kept in
        // IndexedDB, its recordings in the worker's runtime cache (src/sw.ts).
        globPatterns: ['**/*.{js,css,html,svg,png,json,webmanifest,mp3,ogg,wav}'],
        globIgnores: ['content/packs/**', 'content/audio/**', '**/node_modules/**'],
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
          environment: 'jsdom',
          setupFiles: ['src/test/setup.ts'],
        },
      },
      {
        test: {
          name: 'server',
          include: ['server/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['server/testkit/builtContent.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // A poll in a browser test often waits on the server and IndexedDB behind the screen:
          // on a loaded machine that takes more than the default second.
          expect: { poll: { timeout: 30_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
