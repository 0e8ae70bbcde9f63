/** The device ran out of storage: nothing of the write was kept, and the person is told. */
export class StorageFullError extends Error {
  override name = 'StorageFullError';
  constructor(options?: { cause?: unknown }) {
    super('The device storage is full', options);
  }
}

function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'QuotaExceededError') return true;
  // Chromium aborts the transaction and reports the quota error as its inner cause.
  const inner = (error as { inner?: unknown }).inner;
  return (error.name === 'AbortError' && /quota/i.test(error.message)) || isQuotaError(inner);
}

/** Runs a write and turns a full disk into a StorageFullError; Dexie rolls the transaction back. */
export async function guardStorage<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isQuotaError(error)) throw new StorageFullError({ cause: error });
    throw error;
  }
}
