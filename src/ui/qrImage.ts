/** White modules around the code (the quiet zone). */
const MARGIN = 4;
/** About the width the QR takes on a phone's screen, in CSS pixels. */
const SCREEN_WIDTH = 240;

/**
 * The QR as a `data:` image, and the on-screen width (CSS px) at which every module is a whole
 * number of pixels, so a camera (or a screenshot) sees crisp, even modules. The QR library
 * loads only on the pages that print a QR (a certificate, the class's cards and certificates). Error correction M, as the contract asks.
 */
export async function qrImage(text: string): Promise<{ url: string; screenWidth: number }> {
  const { create, toDataURL } = await import('qrcode');
  const size = create(text, { errorCorrectionLevel: 'M' }).modules.size + 2 * MARGIN;
  const url = await toDataURL(text, { errorCorrectionLevel: 'M', margin: MARGIN, scale: 8 });
  return { url, screenWidth: size * Math.max(1, Math.floor(SCREEN_WIDTH / size)) };
}

/** A `data:` URL as a Blob, without fetch (the page's policy allows fetch to itself only). */
export function dataUrlToBlob(dataUrl: string): Blob {
  const [head = '', body = ''] = dataUrl.split(',', 2);
  const type = /^data:([^;,]+)/.exec(head)?.[1] ?? 'application/octet-stream';
  const binary = atob(body);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}
