import type { Page } from 'playwright-core';

/**
 * Every record of every object store of the app's database (or of the stores named), read with
 * the raw API.
 */
export function dumpDatabase(page: Page, only?: string[]): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    (only) =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open('hoc-so');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = only ?? [...db.objectStoreNames];
          const tx = db.transaction(names);
          const dump: Record<string, unknown[]> = {};
          for (const name of names) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => {
              dump[name] = request.result;
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(dump);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    only,
  );
}
