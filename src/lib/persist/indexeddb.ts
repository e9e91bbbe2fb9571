/**
 * The browser's store of a workspace: one IndexedDB database, one object store per kind of record. Every
 * write is one IndexedDB transaction, so a record is either stored whole or not at all. Browser only.
 */
import {
  indexSignature,
  type StoredAlias,
  type StoredFramework,
  type StoredUpload,
  type StoredWorkspace,
  type WorkspaceStore
} from './stored';

const DB_NAME = 'scoreboard-workspace';
const DB_VERSION = 1;
const FRAMEWORKS = 'frameworks';
const UPLOADS = 'uploads';
const ALIASES = 'aliases';
const SETTINGS = 'settings';
const VIEW_KEY = 'view';
const ALL = [FRAMEWORKS, UPLOADS, ALIASES, SETTINGS];

function done(request: IDBRequest): Promise<unknown> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export async function openIndexedDbStore(factory: IDBFactory = indexedDB): Promise<WorkspaceStore> {
  const request = factory.open(DB_NAME, DB_VERSION);
  request.onupgradeneeded = () => {
    const db = request.result;
    if (!db.objectStoreNames.contains(FRAMEWORKS)) db.createObjectStore(FRAMEWORKS, { keyPath: 'id' });
    if (!db.objectStoreNames.contains(UPLOADS)) db.createObjectStore(UPLOADS, { keyPath: 'id' });
    if (!db.objectStoreNames.contains(ALIASES)) db.createObjectStore(ALIASES, { keyPath: 'key' });
    if (!db.objectStoreNames.contains(SETTINGS)) db.createObjectStore(SETTINGS);
  };
  const db = (await done(request)) as IDBDatabase;
  // Another tab upgrading the database: let it, this tab reloads its data on the next start.
  db.onversionchange = () => db.close();

  async function write(stores: string[], change: (tx: IDBTransaction) => void): Promise<void> {
    const transaction = db.transaction(stores, 'readwrite');
    const finished = committed(transaction);
    change(transaction);
    await finished;
  }

  return {
    kind: 'indexeddb',
    async load(): Promise<StoredWorkspace> {
      const transaction = db.transaction(ALL, 'readonly');
      const [frameworks, uploads, aliases, view] = await Promise.all([
        done(transaction.objectStore(FRAMEWORKS).getAll()),
        done(transaction.objectStore(UPLOADS).getAll()),
        done(transaction.objectStore(ALIASES).getAll()),
        done(transaction.objectStore(SETTINGS).get(VIEW_KEY))
      ]);
      return {
        frameworks: (frameworks as StoredFramework[]).sort((a, b) => a.at - b.at),
        uploads: (uploads as StoredUpload[]).sort((a, b) => a.seq - b.seq),
        aliases: aliases as StoredAlias[],
        view: typeof view === 'string' ? view : null
      };
    },
    async signature(): Promise<string> {
      const transaction = db.transaction([FRAMEWORKS, UPLOADS, ALIASES], 'readonly');
      const [frameworks, uploadIds, aliases] = await Promise.all([
        done(transaction.objectStore(FRAMEWORKS).getAll()),
        done(transaction.objectStore(UPLOADS).getAllKeys()),
        done(transaction.objectStore(ALIASES).getAll())
      ]);
      return indexSignature({
        frameworks: frameworks as StoredFramework[],
        uploadIds: (uploadIds as IDBValidKey[]).map(String),
        aliases: aliases as StoredAlias[]
      });
    },
    putFramework: (record) => write([FRAMEWORKS], (tx) => tx.objectStore(FRAMEWORKS).put(record)),
    removeFramework: (id) => write([FRAMEWORKS], (tx) => tx.objectStore(FRAMEWORKS).delete(id)),
    addUpload: (upload) => write([UPLOADS], (tx) => tx.objectStore(UPLOADS).add(upload)),
    removeUpload: (id) => write([UPLOADS], (tx) => tx.objectStore(UPLOADS).delete(id)),
    putAlias: (alias) => write([ALIASES], (tx) => tx.objectStore(ALIASES).put(alias)),
    removeAlias: (key) => write([ALIASES], (tx) => tx.objectStore(ALIASES).delete(key)),
    putView: (search) => write([SETTINGS], (tx) => tx.objectStore(SETTINGS).put(search, VIEW_KEY)),
    replace: (workspace) =>
      write(ALL, (tx) => {
        for (const store of ALL) tx.objectStore(store).clear();
        for (const record of workspace.frameworks) tx.objectStore(FRAMEWORKS).put(record);
        for (const upload of workspace.uploads) tx.objectStore(UPLOADS).put(upload);
        for (const alias of workspace.aliases) tx.objectStore(ALIASES).put(alias);
        if (workspace.view !== null) tx.objectStore(SETTINGS).put(workspace.view, VIEW_KEY);
      })
  };
}

/** How much the browser lets this site store and how much it uses (bytes), and whether it is kept for good. */
export async function storageEstimate(): Promise<{
  usage: number;
  quota: number;
  persisted: boolean;
} | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.estimate) return null;
  const estimate = await navigator.storage.estimate();
  const persisted = navigator.storage.persisted ? await navigator.storage.persisted() : false;
  return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, persisted };
}

/** Asks the browser not to evict this site's data under storage pressure (best effort, never throws). */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    return typeof navigator !== 'undefined' && navigator.storage?.persist
      ? await navigator.storage.persist()
      : false;
  } catch {
    return false;
  }
}
