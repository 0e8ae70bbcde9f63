/**
 * PIN hashing with the browser's own WebCrypto: PBKDF2-SHA-256 with a random salt and many
 * iterations, so a copied database does not give the PIN away cheaply.
 */
export const PIN_ITERATIONS = 600_000;

const encoder = new TextEncoder();

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

async function derive(
  pin: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    256,
  );
  return toBase64(new Uint8Array(bits));
}

export interface PinHash {
  hash: string;
  salt: string;
  iterations: number;
}

export async function hashPin(pin: string, iterations = PIN_ITERATIONS): Promise<PinHash> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { hash: await derive(pin, salt, iterations), salt: toBase64(salt), iterations };
}

/** Compares in constant time, so timing says nothing about how close a guess was. */
export async function pinMatches(pin: string, saved: PinHash): Promise<boolean> {
  const candidate = await derive(pin, fromBase64(saved.salt), saved.iterations);
  if (candidate.length !== saved.hash.length) return false;
  let difference = 0;
  for (let i = 0; i < candidate.length; i += 1) {
    difference |= candidate.charCodeAt(i) ^ saved.hash.charCodeAt(i);
  }
  return difference === 0;
}
