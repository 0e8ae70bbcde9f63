import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { base64urlnopad } from '@scure/base';
import { deflateSync, Inflate } from 'fflate';
import {
  CARRY_FORMAT,
  CARRY_FORMAT_VERSION,
  carryBundleSchema,
  carryFileSchema,
  type CarryBundle,
  type CarryFile,
  type CarryRefusal,
  type CarrySealKey,
} from '../../protocol/carry.ts';

/**
 * Sealing and opening carry files, the same code on the phone and the server.
 *
 * The device signs (Ed25519) its id, its public key and the compressed bundle, then seals
 * id ‖ public key ‖ signature ‖ compressed bundle for the server: a one-time X25519 key agrees
 * a secret with the server's sealing key, HKDF-SHA256 turns it into an AES-256-GCM key, and the
 * file's readable header is the AEAD's associated data. A carrier sees only the header.
 */
const LABEL = `${CARRY_FORMAT}/${CARRY_FORMAT_VERSION}`;
const DEVICE_ID_BYTES = 16;
const KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;
const PREFIX_BYTES = DEVICE_ID_BYTES + KEY_BYTES + SIGNATURE_BYTES;
/** A bundle never inflates past this: a file that does is refused before it fills memory. */
const MAX_BUNDLE_BYTES = 16 * 1024 * 1024;

const parseUuid = (id: string) => hexToBytes(id.replaceAll('-', ''));
function uuidOf(bytes: Uint8Array): string {
  const hex = bytesToHex(bytes);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const encode = (bytes: Uint8Array) => base64urlnopad.encode(bytes);
const decode = (text: string) => base64urlnopad.decode(text);

export interface DeviceSigningKey {
  /** Ed25519 seed, base64url: never leaves the phone. */
  privateKey: string;
  publicKey: string;
}

export function newDeviceSigningKey(): DeviceSigningKey {
  const seed = ed25519.utils.randomSecretKey();
  return { privateKey: encode(seed), publicKey: encode(ed25519.getPublicKey(seed)) };
}

/** Signs a text with the device key (base64url signature). */
export function signWithDeviceKey(text: string, key: DeviceSigningKey): string {
  return encode(ed25519.sign(utf8ToBytes(text), decode(key.privateKey)));
}

/** Strict Ed25519 verification of a base64url signature; never throws. */
export function verifyDeviceSignature(text: string, signature: string, publicKey: string): boolean {
  try {
    return ed25519.verify(decode(signature), utf8ToBytes(text), decode(publicKey), {
      zip215: false,
    });
  } catch {
    return false;
  }
}

/** The server's X25519 sealing key: the private half stays on the server. */
export interface CarryOpenKey {
  keyId: string;
  privateKey: Uint8Array;
}

export function newCarryOpenKey(): { privateKey: Uint8Array; publicKey: Uint8Array } {
  const privateKey = x25519.utils.randomSecretKey();
  return { privateKey, publicKey: x25519.getPublicKey(privateKey) };
}

export function carryKeyIdOf(publicKey: Uint8Array): string {
  return `c${encode(sha256(publicKey)).slice(0, 10)}`;
}

/** Web Crypto takes only bytes backed by a plain ArrayBuffer. */
const plainBytes = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

function headerOf(file: Omit<CarryFile, 'sealed'>): Uint8Array<ArrayBuffer> {
  return plainBytes(utf8ToBytes(`${LABEL} ${file.keyId} ${file.ephemeralKey} ${file.nonce}`));
}

async function aesKey(
  shared: Uint8Array,
  ephemeralKey: Uint8Array,
  sealKey: Uint8Array,
): Promise<CryptoKey> {
  const raw = hkdf(sha256, shared, concatBytes(ephemeralKey, sealKey), utf8ToBytes(LABEL), 32);
  return crypto.subtle.importKey('raw', plainBytes(raw), 'AES-GCM', false, ['encrypt', 'decrypt']);
}

function signedPart(keyId: string, deviceId: Uint8Array, publicKey: Uint8Array, body: Uint8Array) {
  return concatBytes(utf8ToBytes(`${LABEL} ${keyId} `), deviceId, publicKey, body);
}

/** Seals a bundle of a device's records for the server, signed by the device's key. */
export async function sealCarryBundle(
  bundle: CarryBundle,
  deviceId: string,
  deviceKey: DeviceSigningKey,
  sealKey: CarrySealKey,
): Promise<CarryFile> {
  const serverKey = decode(sealKey.publicKey);
  const ephemeral = x25519.utils.randomSecretKey();
  const ephemeralKey = x25519.getPublicKey(ephemeral);
  const nonce = crypto.getRandomValues(new Uint8Array(12));
  const header: Omit<CarryFile, 'sealed'> = {
    format: CARRY_FORMAT,
    version: CARRY_FORMAT_VERSION,
    keyId: sealKey.keyId,
    ephemeralKey: encode(ephemeralKey),
    nonce: encode(nonce),
  };
  const body = deflateSync(utf8ToBytes(JSON.stringify(bundle)), { level: 9 });
  const id = parseUuid(deviceId);
  const publicKey = decode(deviceKey.publicKey);
  const signature = ed25519.sign(
    signedPart(sealKey.keyId, id, publicKey, body),
    decode(deviceKey.privateKey),
  );
  const key = await aesKey(x25519.getSharedSecret(ephemeral, serverKey), ephemeralKey, serverKey);
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: nonce, additionalData: headerOf(header) },
    key,
    plainBytes(concatBytes(id, publicKey, signature, body)),
  );
  return { ...header, sealed: encode(new Uint8Array(sealed)) };
}

/** A file the server opened: the bundle, who says they made it, and a check of their signature. */
export interface OpenedCarry {
  deviceId: string;
  devicePublicKey: string;
  bundle: CarryBundle;
}

export type OpenOutcome = { ok: true; opened: OpenedCarry } | { ok: false; reason: CarryRefusal };

/** Inflates at most `MAX_BUNDLE_BYTES`, feeding the input in small pieces; null past it. */
function inflateCapped(data: Uint8Array): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > MAX_BUNDLE_BYTES) tooLarge = true;
    else chunks.push(chunk);
  });
  const piece = 1024;
  for (let at = 0; at < data.length && !tooLarge; at += piece) {
    inflate.push(data.subarray(at, at + piece), at + piece >= data.length);
  }
  return tooLarge ? null : concatBytes(...chunks);
}

/**
 * Opens a carry file with the server's keys and checks the device's signature against the key
 * the file names; the caller then checks that key against the one it holds for the device.
 * Every failure is a typed reason, never a throw.
 */
export async function openCarryFile(
  input: unknown,
  keys: readonly CarryOpenKey[],
): Promise<OpenOutcome> {
  const file = carryFileSchema.safeParse(input);
  if (!file.success) return { ok: false, reason: 'malformed' };
  const { sealed, ...header } = file.data;
  const openKey = keys.find((k) => k.keyId === header.keyId);
  if (!openKey) return { ok: false, reason: 'foreign' };
  let plain: Uint8Array;
  try {
    const ephemeralKey = decode(header.ephemeralKey);
    const serverKey = x25519.getPublicKey(openKey.privateKey);
    const shared = x25519.getSharedSecret(openKey.privateKey, ephemeralKey);
    const key = await aesKey(shared, ephemeralKey, serverKey);
    plain = new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: plainBytes(decode(header.nonce)), additionalData: headerOf(header) },
        key,
        plainBytes(decode(sealed)),
      ),
    );
  } catch {
    return { ok: false, reason: 'altered' };
  }
  if (plain.length <= PREFIX_BYTES) return { ok: false, reason: 'malformed' };
  const id = plain.subarray(0, DEVICE_ID_BYTES);
  const publicKey = plain.subarray(DEVICE_ID_BYTES, DEVICE_ID_BYTES + KEY_BYTES);
  const signature = plain.subarray(DEVICE_ID_BYTES + KEY_BYTES, PREFIX_BYTES);
  const body = plain.subarray(PREFIX_BYTES);
  let signed = false;
  try {
    signed = ed25519.verify(signature, signedPart(header.keyId, id, publicKey, body), publicKey, {
      zip215: false,
    });
  } catch {
    signed = false;
  }
  if (!signed) return { ok: false, reason: 'bad_signature' };
  let bundle: CarryBundle;
  try {
    const inflated = inflateCapped(body);
    if (!inflated) return { ok: false, reason: 'malformed' };
    const parsed = carryBundleSchema.safeParse(JSON.parse(new TextDecoder().decode(inflated)));
    if (!parsed.success) return { ok: false, reason: 'malformed' };
    bundle = parsed.data;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  return {
    ok: true,
    opened: { deviceId: uuidOf(id), devicePublicKey: encode(publicKey), bundle },
  };
}
