/** The browser's own QR reader, where it has one (Android Chrome); not in TypeScript's DOM lib. */
interface BarcodeDetectorLike {
  detect(source: ImageBitmapSource): Promise<{ rawValue: string }[]>;
}
type BarcodeDetectorClass = new (options: { formats: string[] }) => BarcodeDetectorLike;

export function barcodeDetector(): BarcodeDetectorLike | null {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  try {
    return new Detector({ formats: ['qr_code'] });
  } catch {
    return null;
  }
}

/** Photos larger than this (in pixels on a side) are scaled down before decoding. */
const MAX_SIDE = 2400;

/** Decodes with jsQR, loaded only when a photo is chosen on a browser without a detector. */
async function decodeWithJsQr(bitmap: ImageBitmap): Promise<string | null> {
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.round(bitmap.width * scale);
  const height = Math.round(bitmap.height * scale);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(bitmap, 0, 0, width, height);
  const { data } = context.getImageData(0, 0, width, height);
  const { default: jsQR } = await import('jsqr');
  return jsQR(data, width, height, { inversionAttempts: 'attemptBoth' })?.data ?? null;
}

/** The text of the QR code in an image file, or null when none can be read. */
export async function readQrFromImage(file: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  try {
    const detector = barcodeDetector();
    if (detector) {
      try {
        const found = (await detector.detect(bitmap))[0]?.rawValue;
        if (found) return found;
      } catch {
        // Fall back to jsQR below.
      }
    }
    return await decodeWithJsQr(bitmap);
  } finally {
    bitmap.close();
  }
}
