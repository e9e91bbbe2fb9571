/**
 * Registers the offline service worker (src/service-worker.ts) in the built site only — never in `vite dev`,
 * where its cache would hide every edit — and tells the page when a new version waits.
 *
 * The worker is registered once the first visit is idle (`<html data-idle="true">`, the app has drawn its
 * table and scored in the background), so its downloads never compete with the page's on a slow line: it
 * stores what the page has just fetched, mostly from the browser's HTTP cache.
 */
import { dev } from '$app/environment';

const IDLE_WAIT_MS = 60_000;

export class OfflineUpdates {
  /** A new version is installed and waits for "โหลดใหม่". */
  updateReady = $state(false);
  #registration: ServiceWorkerRegistration | null = null;
  #reloading = false;

  /** Starts the registration (in the browser, built site only); returns at once. */
  start(base: string): void {
    if (dev || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
    void whenIdle(IDLE_WAIT_MS)
      .then(() => navigator.serviceWorker.register(`${base}/service-worker.js`, { scope: `${base}/` }))
      .then((registration) => this.#watch(registration))
      // Blocked (a browser setting, a test) or failed: the app works as before, online.
      .catch(() => undefined);
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (this.#reloading) location.reload();
    });
  }

  /** Switches to the waiting version and reloads; the stored workspace stays as it is. */
  apply(): void {
    const waiting = this.#registration?.waiting;
    if (!waiting) {
      location.reload();
      return;
    }
    this.#reloading = true;
    waiting.postMessage({ type: 'skip-waiting' });
  }

  #watch(registration: ServiceWorkerRegistration) {
    this.#registration = registration;
    const check = () => {
      // A waiting worker while another controls the page is a new version (the first one takes over at once).
      if (registration.waiting && navigator.serviceWorker.controller) this.updateReady = true;
    };
    const follow = (worker: ServiceWorker | null) =>
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed') check();
      });
    check();
    // The browser may have started installing the new version (it looks on every page load) before this
    // page registered: follow that one too, not only those found from now on.
    follow(registration.installing);
    registration.addEventListener('updatefound', () => follow(registration.installing));
    // The browser looks for a new worker on each page load; a tab left open all day looks every hour.
    setInterval(() => {
      if (document.visibilityState === 'visible') void registration.update().catch(() => undefined);
    }, 3_600_000);
  }
}

function whenIdle(limitMs: number): Promise<void> {
  return new Promise((resolve) => {
    const root = document.documentElement;
    if (root.dataset.idle === 'true') return resolve();
    const observer = new MutationObserver(() => {
      if (root.dataset.idle === 'true') done();
    });
    const timer = setTimeout(() => done(), limitMs);
    function done() {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    }
    observer.observe(root, { attributes: true, attributeFilter: ['data-idle'] });
  });
}
