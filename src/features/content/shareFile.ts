import { saveBlob } from '../../lib/saveBlob';

/**
 * Hands a file to the phone's share sheet (Zalo, Bluetooth, nearby share) where the browser can
 * share such a file, else to its downloads. Chrome on Android shares only some kinds of files
 * (pictures, text, PDF…), so a course file usually goes to Downloads, from where the phone's
 * file manager shares it. Resolves what happened; the person closing the sheet is 'cancelled'.
 */
export async function shareOrSave(
  bytes: Uint8Array,
  fileName: string,
): Promise<'shared' | 'saved' | 'cancelled'> {
  const file = new File([bytes as Uint8Array<ArrayBuffer>], fileName, {
    type: 'application/octet-stream',
  });
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
