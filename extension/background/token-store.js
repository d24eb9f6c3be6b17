// The history token, in this extension's own IndexedDB. Content scripts run with
// the web page's origin, so they cannot open it (unlike storage.local, which
// they can read); only the worker reads it, to send it to the local server.

const DB_NAME = 'standout-history';
const STORE = 'secrets';
const KEY = 'history-token';

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run(mode, action) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = action(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export function createTokenStore() {
  return {
    /** The token, or null when not paired. */
    get: async () => (await run('readonly', (s) => s.get(KEY))) ?? null,
    set: (token) => run('readwrite', (s) => s.put(token, KEY)),
    clear: () => run('readwrite', (s) => s.delete(KEY)),
  };
}
