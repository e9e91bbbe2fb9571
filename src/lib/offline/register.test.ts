import { describe, expect, it } from 'vitest';
import { INSTALL_RETRY_MS, OfflineUpdates, askToBeClaimed, type OfflineDeps } from './register.svelte';

type Listener = () => void;

/** A worker whose state the test moves, telling its listeners as the browser does. */
class FakeWorker {
  state: ServiceWorkerState = 'installing';
  #listeners: Listener[] = [];
  addEventListener(_type: 'statechange', listener: Listener) {
    this.#listeners.push(listener);
  }
  moveTo(state: ServiceWorkerState) {
    this.state = state;
    for (const listener of this.#listeners) listener();
  }
}

/** The browser's side: each register() call installs a new worker; the test decides how it ends. */
function fakeBrowser(outcomes: Array<'fails-to-fetch' | 'installs' | 'install-fails'>) {
  const workers: FakeWorker[] = [];
  const waits: number[] = [];
  const queued: Array<() => void> = [];
  let calls = 0;
  const container = {
    controller: null as ServiceWorker | null,
    addEventListener: () => undefined,
    // Never ready: these tests follow the install, not the claim (askToBeClaimed below).
    ready: new Promise<ServiceWorkerRegistration>(() => undefined),
    register: async () => {
      const outcome = outcomes[calls++] ?? 'installs';
      if (outcome === 'fails-to-fetch') throw new TypeError('Failed to fetch the script');
      const worker = new FakeWorker();
      workers.push(worker);
      return {
        installing: worker,
        waiting: null,
        active: null,
        addEventListener: () => undefined,
        update: async () => undefined
      } as unknown as ServiceWorkerRegistration;
    }
  };
  const deps: OfflineDeps = {
    container: container as unknown as OfflineDeps['container'],
    idle: async () => undefined,
    later: (run, ms) => {
      waits.push(ms);
      queued.push(run);
    }
  };
  return {
    deps,
    workers,
    waits,
    registerCalls: () => calls,
    /** Runs what was scheduled, then lets the register() promises settle. */
    async runLater() {
      for (const run of queued.splice(0)) run();
      await settle();
    }
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('OfflineUpdates.start', () => {
  it('registers once when the first install succeeds', async () => {
    const browser = fakeBrowser(['installs']);
    new OfflineUpdates().start('', browser.deps);
    await settle();
    browser.workers[0]!.moveTo('installed');
    browser.workers[0]!.moveTo('activated');
    expect(browser.registerCalls()).toBe(1);
    expect(browser.waits).toEqual([]);
  });

  it('registers again after a failed first install, then after a script that did not arrive', async () => {
    const browser = fakeBrowser(['install-fails', 'fails-to-fetch', 'installs']);
    new OfflineUpdates().start('/scoreboard', browser.deps);
    await settle();
    browser.workers[0]!.moveTo('redundant');
    expect(browser.waits).toEqual([INSTALL_RETRY_MS[0]]);
    await browser.runLater();
    expect(browser.registerCalls()).toBe(2);
    expect(browser.waits).toEqual([INSTALL_RETRY_MS[0], INSTALL_RETRY_MS[1]]);
    await browser.runLater();
    expect(browser.registerCalls()).toBe(3);
    browser.workers[1]!.moveTo('activated');
    expect(browser.waits).toHaveLength(2);
  });

  it('gives up after the last wait: the app stays online-only for this visit', async () => {
    const browser = fakeBrowser([
      'fails-to-fetch',
      'fails-to-fetch',
      'fails-to-fetch',
      'fails-to-fetch',
      'installs'
    ]);
    new OfflineUpdates().start('', browser.deps);
    await settle();
    for (let i = 0; i < 5; i++) await browser.runLater();
    expect(browser.registerCalls()).toBe(INSTALL_RETRY_MS.length + 1);
    expect(browser.waits).toEqual([...INSTALL_RETRY_MS]);
  });

  it('does not register again when an update is replaced while a version is active', async () => {
    const browser = fakeBrowser(['installs']);
    // The page is controlled by the running version.
    Object.assign(browser.deps.container, { controller: {} });
    new OfflineUpdates().start('', browser.deps);
    await settle();
    browser.workers[0]!.moveTo('redundant');
    expect(browser.waits).toEqual([]);
  });
});

/** An active worker whose messages the test reads. */
class MessagedWorker extends FakeWorker {
  messages: unknown[] = [];
  removed = 0;
  postMessage(message: unknown) {
    this.messages.push(message);
  }
  removeEventListener() {
    this.removed++;
  }
}

describe('askToBeClaimed', () => {
  const asActive = (worker: MessagedWorker) => ({ active: worker as unknown as ServiceWorker });

  it('asks an activated worker to claim a page nobody controls', () => {
    const worker = new MessagedWorker();
    worker.state = 'activated';
    askToBeClaimed({ controller: null }, asActive(worker));
    expect(worker.messages).toEqual([{ type: 'claim' }]);
  });

  it('waits for a worker still activating, then asks once', () => {
    const worker = new MessagedWorker();
    worker.state = 'activating';
    askToBeClaimed({ controller: null }, asActive(worker));
    expect(worker.messages).toEqual([]);
    worker.moveTo('activated');
    expect(worker.messages).toEqual([{ type: 'claim' }]);
    expect(worker.removed).toBe(1);
  });

  it("does not ask when activate's own claim took the page meanwhile", () => {
    const worker = new MessagedWorker();
    worker.state = 'activating';
    const container = { controller: null as ServiceWorker | null };
    askToBeClaimed(container, asActive(worker));
    container.controller = worker as unknown as ServiceWorker;
    worker.moveTo('activated');
    expect(worker.messages).toEqual([]);
  });

  it('does nothing for a page already controlled', () => {
    const worker = new MessagedWorker();
    worker.state = 'activated';
    askToBeClaimed({ controller: worker as unknown as ServiceWorker }, asActive(worker));
    expect(worker.messages).toEqual([]);
  });
});
