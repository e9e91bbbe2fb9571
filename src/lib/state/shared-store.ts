/**
 * Several tabs on one stored workspace (issue 7): a change of the stored workspace runs holding this
 * browser's workspace lock (Web Locks), after catching up with what another tab stored (the stored records'
 * signature differs from the one this tab last built from or wrote); then the other tabs are told
 * (BroadcastChannel) and catch up when idle.
 */
import { workspaceSignature, type StoredWorkspace, type WorkspaceStore } from '../persist/stored';

const WORKSPACE_LOCK = 'scoreboard-workspace';
const WORKSPACE_CHANNEL = 'scoreboard-workspace';

export interface SharedStoreDeps {
  /** The store (it changes when the session opens the browser's). */
  store(): WorkspaceStore;
  /** Waits for start-up's loading to finish before catching up. */
  settled(): Promise<void>;
  /** Rebuilds the session from what another tab stored. */
  rebuild(saved: StoredWorkspace): Promise<void>;
  /** Whether this tab may catch up now (not in the middle of an import or a rebuild). */
  canCatchUp(): boolean;
}

export class SharedStore {
  /** The stored records this tab last built from or wrote (`workspaceSignature`). */
  signature = '';
  private channel: BroadcastChannel | null = null;

  constructor(private readonly deps: SharedStoreDeps) {}

  /** Remembers what this tab built from. */
  builtFrom(saved: StoredWorkspace): void {
    this.signature = workspaceSignature(saved);
  }

  /** Runs `work` holding this browser's workspace lock, so that one tab writes at a time. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    return locks ? (locks.request(WORKSPACE_LOCK, work) as Promise<T>) : work();
  }

  /** When another tab changed the stored workspace since this tab built from it, rebuilds from the store. */
  async catchUp(): Promise<void> {
    await this.deps.settled();
    const store = this.deps.store();
    let saved: StoredWorkspace;
    try {
      // Which records are stored (not their rows) decides; the rows are read only when they differ.
      if ((await store.signature()) === this.signature) return;
      saved = await store.load();
    } catch {
      return; // the write that follows will report the store's problem
    }
    if (workspaceSignature(saved) !== this.signature) await this.deps.rebuild(saved);
  }

  /**
   * Every change of the stored workspace goes through here: one tab at a time; first catching up with what
   * another tab stored (so that a stale tab neither loses nor overwrites it, and compares an upload with what
   * is really stored); then telling the other tabs, which catch up when idle.
   */
  async change<T>(change: () => Promise<T>): Promise<T> {
    const result = await this.exclusive(async () => {
      await this.catchUp();
      try {
        return await change();
      } finally {
        try {
          this.signature = await this.deps.store().signature();
        } catch {
          // unreadable store: the next change catches up again
        }
      }
    });
    this.channel?.postMessage('changed');
    return result;
  }

  /** Catches up when another tab says it changed the store (browser only). */
  listen(): void {
    if (this.channel || typeof window === 'undefined' || typeof BroadcastChannel === 'undefined') return;
    this.channel = new BroadcastChannel(WORKSPACE_CHANNEL);
    this.channel.onmessage = () => {
      if (!this.deps.canCatchUp()) return;
      void this.exclusive(() => this.catchUp());
    };
  }
}
