import jsQR from 'jsqr';
import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

/** The text of the QR code an image on the page shows, read from its pixels as a camera would. */
export async function readQr(image: Locator): Promise<string> {
  await image.waitFor();
  const pixels = await image.evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    const canvas = document.createElement('canvas');
    // An SVG without a size of its own is drawn at a size a phone camera would see well.
    canvas.width = img.naturalWidth || 300;
    canvas.height = img.naturalHeight || 300;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(img, 0, 0, canvas.width, canvas.height);
    const data = context.getImageData(0, 0, canvas.width, canvas.height);
    return { data: Array.from(data.data), width: data.width, height: data.height };
  });
  const code = jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height);
  expect(code, 'a readable QR code').not.toBeNull();
  return code!.data;
}
