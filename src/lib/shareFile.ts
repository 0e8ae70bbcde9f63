import { saveBlob } from './saveBlob';

/**
 * Hands a file to the phone's share sheet (Zalo, Bluetooth, nearby share) where the browser can
 * share such a file, else to its downloads. Chrome on Android shares only some kinds of files
 * (pictures, text, PDF…), so a course or carry file usually goes to Downloads, from where the
 * phone's file manager shares it. Resolves what happened; closing the sheet is 'cancelled'.
 */
export async function shareOrSave(
  bytes: Uint8Array | string,
  fileName: string,
  type = 'application/octet-stream',
): Promise<'shared' | 'saved' | 'cancelled'> {
  const body = typeof bytes === 'string' ? bytes : (bytes as Uint8Array<ArrayBuffer>);
  const file = new File([body], fileName, { type });
  if (typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] })) {
    try {
      await navigator.share({ files: [file] });
      return 'shared';
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
      // Sharing failed for another reason: the download still gets the file across.
    }
  }
  saveBlob(file, fileName);
  return 'saved';
}
