import type { FastifyInstance } from 'fastify';
import { newRandomId } from '../../src/lib/ids';
import {
  deviceKeyProofMessage,
  PROTOCOL_VERSION,
  type CarriedResponse,
  type CarryFile,
  type CarrySealKey,
  type PushedRecord,
} from '../../src/protocol';
import {
  newDeviceSigningKey,
  sealCarryBundle,
  signWithDeviceKey,
  type DeviceSigningKey,
} from '../../src/domain/carry/seal.ts';

/** A phone as the carry tests see it: its id, its signing key and, once registered, its token. */
export interface CarryDevice {
  deviceId: string;
  key: DeviceSigningKey;
  counter: number;
}

export function carryDevice(deviceId = newRandomId()): CarryDevice {
  return { deviceId, key: newDeviceSigningKey(), counter: 0 };
}

/** The registration body naming the device's key, with its proof. */
export function keyedRegistration(device: CarryDevice, signedAt = new Date()) {
  const claim = { publicKey: device.key.publicKey, signedAt: signedAt.toISOString() };
  const proof = signWithDeviceKey(deviceKeyProofMessage(device.deviceId, claim), device.key);
  return {
    protocolVersion: PROTOCOL_VERSION,
    deviceId: device.deviceId,
    key: { ...claim, proof },
  };
}

export async function sealKeyOf(app: FastifyInstance): Promise<CarrySealKey> {
  return (await app.inject({ method: 'GET', url: '/api/sync/carry-key' })).json<CarrySealKey>();
}

/** The device's next bundle of these records, sealed for the server (by an app of `protocolVersion`). */
export async function carryFile(
  device: CarryDevice,
  records: PushedRecord[],
  sealKey: CarrySealKey,
  protocolVersion = PROTOCOL_VERSION,
): Promise<CarryFile> {
  device.counter += 1;
  const bundle = {
    protocolVersion,
    bundleId: newRandomId(),
    counter: device.counter,
    createdAt: new Date().toISOString(),
    records,
  };
  return sealCarryBundle(bundle, device.deviceId, device.key, sealKey);
}

/** A signed-in carrier forwards a file; answers the status and the outcome. */
export async function forwardCarried(app: FastifyInstance, carrierToken: string, file: unknown) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/sync/carried',
    headers: { authorization: `Bearer ${carrierToken}` },
    payload: { protocolVersion: PROTOCOL_VERSION, file },
  });
  return { status: response.statusCode, body: response.json<CarriedResponse>() };
}
