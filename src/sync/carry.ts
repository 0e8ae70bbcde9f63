import {
  carriedResponseSchema,
  carryReceiptsSchema,
  carrySealKeySchema,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type CarriedResponse,
  type CarryReceipts,
  type CarrySealKey,
  type DeviceKey,
} from '../protocol';
import {
  awaitsCarryReceipts,
  hasCarrySealKey,
  settleCarried,
  settleCarryReceipts,
  storeCarrySealKey,
  waitingCarried,
} from '../data/carry';
import { deviceKeyClaim, isDeviceKeyNamed, markDeviceKeyNamed } from '../data/deviceKey';
import type { HocSoDatabase } from '../data/db';
import { getDeviceId } from '../data/meta';
import { call } from './http';

/** The carry routes: the sealing key, a device's key and receipts, and forwarding a file. */
export interface CarryApi {
  sealKey(): Promise<CarrySealKey>;
  nameDeviceKey(token: string, key: DeviceKey): Promise<void>;
  receipts(token: string, deviceId: string): Promise<CarryReceipts>;
  forward(token: string, file: unknown): Promise<CarriedResponse>;
}

export function createCarryApi(baseUrl: string, doFetch: typeof fetch = fetch): CarryApi {
  const headers = (token?: string) => ({
    'content-type': 'application/json',
    [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  });
  return {
    sealKey: () =>
      call(doFetch, `${baseUrl}/api/sync/carry-key`, { method: 'GET', headers: headers() }, (b) =>
        carrySealKeySchema.parse(b),
      ),
    nameDeviceKey: (token, key) =>
      call(
        doFetch,
        `${baseUrl}/api/devices/key`,
        { method: 'PUT', headers: headers(token), body: JSON.stringify(key) },
        () => undefined,
      ),
    receipts: (token, deviceId) =>
      call(
        doFetch,
        `${baseUrl}/api/sync/carried/receipts?deviceId=${deviceId}`,
        { method: 'GET', headers: headers(token) },
        (b) => carryReceiptsSchema.parse(b),
      ),
    forward: (token, file) =>
      call(
        doFetch,
        `${baseUrl}/api/sync/carried`,
        {
          method: 'POST',
          headers: headers(token),
          body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, file }),
        },
        (b) => carriedResponseSchema.parse(b),
      ),
  };
}

/**
 * Before the device's own push: the server learns the device's key (once), the sealing key is
 * kept for offline use (fetched once), and bundles another phone carried are settled from their receipts, so
 * their records are not sent a second time.
 */
export function deviceCarryStep(api: CarryApi, db?: HocSoDatabase) {
  return async (token: string): Promise<void> => {
    if (!(await isDeviceKeyNamed(db))) {
      await api.nameDeviceKey(token, await deviceKeyClaim(db));
      await markDeviceKeyNamed(db);
    }
    if (!(await hasCarrySealKey(db))) await storeCarrySealKey(await api.sealKey(), db);
    if (await awaitsCarryReceipts(db)) {
      await settleCarryReceipts(await api.receipts(token, await getDeviceId(db)), db);
    }
  };
}

/** Before a signed-in person's push: forwards the files this phone carries for others. */
export function forwardCarriedStep(api: CarryApi, db?: HocSoDatabase) {
  return async (token: string): Promise<void> => {
    for (const row of await waitingCarried(db)) {
      await settleCarried(row.id, await api.forward(token, JSON.parse(row.file)), db);
    }
  };
}
