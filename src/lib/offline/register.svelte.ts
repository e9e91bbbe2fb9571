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
/**
 * A first install that fails (one of its files did not arrive: a dropped office line, a busy server) leaves
 * no worker at all, and the browser would not try again before the next visit: the page registers again
 * after these waits, while it stays open.
 */
export const INSTALL_RETRY_MS = [15_000, 60_000, 300_000] as const;

/** What the offline updates need from the browser (the real ones by default; a test passes its own). */
export interface OfflineDeps {
  container: Pick<ServiceWorkerContainer, 'register' | 'controller' | 'addEventListener' | 'ready'>;
  /** Resolves when the first visit is idle (or after a time limit). */
  idle: () => Promise<void>;
  /** Runs `run` after `ms` (setTimeout). */
  later: (run: () => void, ms: number) => void;
}

export class OfflineUpdates {
  /** A new version is installed and waits for "โหลดใหม่". */
  updateReady = $state(false);
  #registration: ServiceWorkerRegistration | null = null;
  #reloading = false;

  /** Starts the registration (in the browser, built site only); returns at once. */
  start(base: string, deps?: OfflineDeps): void {
    if (!deps) {
      if (dev || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
      deps = {
        container: navigator.serviceWorker,
        idle: () => whenIdle(IDLE_WAIT_MS),
        later: (run, ms) => void setTimeout(run, ms)
      };
    }
    const { container } = deps;
    void deps.idle().then(() => this.#register(base, deps, 0));
    container.addEventListener('controllerchange', () => {
      if (this.#reloading) location.reload();
    });
  }

  async #register(base: string, deps: OfflineDeps, attempt: number): Promise<void> {
    const retry = () => {
      const wait = INSTALL_RETRY_MS[attempt];
      if (wait !== undefined) deps.later(() => void this.#register(base, deps, attempt + 1), wait);
    };
    try {
      const registration = await deps.container.register(`${base}/service-worker.js`, { scope: `${base}/` });
      this.#watch(registration, () => {
        // The first install failed and nothing else controls or waits: try again later.
        if (!deps.container.controller && !registration.active && !registration.waiting) retry();
      });
      void deps.container.ready.then((ready) => askToBeClaimed(deps.container, ready));
    } catch {
      // The worker's script did not arrive, or workers are blocked (a browser setting, a test): the app
      // works as before, online, and tries again later.
      retry();
    }
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

  #watch(registration: ServiceWorkerRegistration, onFailed: () => void) {
    this.#registration = registration;
    const check = () => {
      // A waiting worker beside an active one is a new version (the first one takes over at once).
      if (registration.waiting && registration.active) this.updateReady = true;
    };
    const follow = (worker: ServiceWorker | null) =>
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed') check();
        if (worker.state === 'redundant') onFailed();
      });
    check();
    // The browser may have started installing the new version (it looks on every page load) before this
    // page registered: follow that one too, not only those found from now on.
    follow(registration.installing);
    registration.addEventListener('updatefound', () => follow(registration.installing));
    // The browser looks for a new worker on each page load; a tab left open all day looks every hour.
    if (typeof document !== 'undefined')
      setInterval(() => {
        if (document.visibilityState === 'visible') void registration.update().catch(() => undefined);
      }, 3_600_000);
  }
}

/**
 * The first version claims the open tab when it activates (`clients.claim()` in the worker's activate), but
 * now and then Chromium leaves the tab uncontrolled (seen in CI: worker activated, caches stored, no
 * controller), and that tab would not work offline until reloaded. So once the worker is activated and the
 * page is still nobody's, the page asks it again (`claim`), which the worker answers with `clients.claim()`.
 */
export function askToBeClaimed(
  container: Pick<ServiceWorkerContainer, 'controller'>,
  registration: Pick<ServiceWorkerRegistration, 'active'>
): void {
  const worker = registration.active;
  if (!worker || container.controller) return;
  const ask = () => {
    if (!container.controller) worker.postMessage({ type: 'claim' });
  };
  if (worker.state === 'activated') return ask();
  const onChange = () => {
    if (worker.state !== 'activated') return;
    worker.removeEventListener('statechange', onChange);
    ask();
  };
  worker.addEventListener('statechange', onChange);
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
