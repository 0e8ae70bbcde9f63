import { TransientSyncError } from './http';

/** A file the server wrote (an export), as a Blob; no answer or a refusal is worth a retry. */
export async function fetchFile(
  doFetch: typeof fetch,
  url: string,
  headers: Record<string, string>,
): Promise<Blob> {
  let response: Response;
  try {
    response = await doFetch(url, { headers });
  } catch (cause) {
    throw new TransientSyncError('No connection to the server', { cause });
  }
  if (!response.ok) throw new TransientSyncError(`Export failed (${response.status})`);
  return response.blob();
}
