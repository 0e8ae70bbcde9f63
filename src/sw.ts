/// <reference lib="webworker" />
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';

declare const self: ServiceWorkerGlobalScope;

// The shell, every locale and the content catalogue of this build: the app opens offline.
// Content packs are not precached: the app downloads one when someone opens it, checks its
// hash and keeps it in IndexedDB, where an update of this worker never touches it.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// A course's recordings are fetched when its pack is downloaded (and when played) and kept
// here; their names carry their hash, so a changed recording is a new file.
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/content/audio/'),
  new CacheFirst({ cacheName: 'hoc-so-audio' }),
);

// Any page of the app (/courses/…) opens offline from the cached shell; the API never does.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }),
);

// Requests to the API and for content packs go straight to the network without waking this
// worker, where the browser can (Chromium's static routing). Besides the start-up it saves: a
// request that reaches the old worker while it stops for a new one restarts it, and Chromium
// then leaves the new one waiting until every tab of the app is closed. A sync or a download
// running as the person taps "Update" would do that.
self.addEventListener('install', (event) => {
  const routable = event as ExtendableEvent & {
    addRoutes?: (rules: StaticRoute[]) => Promise<void>;
  };
  const rules: StaticRoute[] = ['/api/*', '/content/packs/*'].map((pathname) => ({
    condition: { urlPattern: { pathname } },
    source: 'network',
  }));
  // A browser that refuses the rules still installs this version, only without them.
  try {
    if (routable.addRoutes) event.waitUntil(routable.addRoutes(rules).catch(() => undefined));
  } catch {
    // Refused at once rather than later: the same.
  }
});

/** A rule of the Static Routing API, as far as we use it. */
interface StaticRoute {
  condition: { urlPattern: { pathname: string } };
  source: 'network';
}

// A new version waits until the person taps "Update" (see src/app/serviceWorker.ts).
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
