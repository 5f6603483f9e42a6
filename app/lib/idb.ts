// Opening an IndexedDB database on the officer's phone, for the page and the service worker alike: one
// connection per database, reopened after another tab or a new service worker upgrades it.
// Relative imports only (bundled into the service worker too).

/** A function that opens `name` (creating its stores in `upgrade` on first use) and keeps the connection. */
export function idbOpener(name: string, upgrade: (db: IDBDatabase) => void): () => Promise<IDBDatabase> {
  let opening: Promise<IDBDatabase> | null = null;
  return () =>
    (opening ??= new Promise((resolve, reject) => {
      const req = indexedDB.open(name, 1);
      req.onupgradeneeded = () => upgrade(req.result);
      req.onsuccess = () => {
        const db = req.result;
        // Another tab or a new service worker upgrading the database: let it, reopen on the next call.
        db.onversionchange = () => {
          db.close();
          opening = null;
        };
        resolve(db);
      };
      req.onerror = () => {
        opening = null;
        reject(req.error);
      };
    }));
}
