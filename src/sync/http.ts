import {
  errorResponseSchema,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  pullResponseSchema,
  pushMarkSchema,
  pushResponseSchema,
  registerDeviceResponseSchema,
  type DeviceKey,
  type PullResponse,
  type PushedRecord,
  type RecordKindName,
  type PushMark,
  type PushResponse,
} from '../protocol';

// Defined in lib, so that the api clients (which never import sync) throw the same errors.
import { ServerRefusal, TransientSyncError } from '../lib/httpErrors';
export { ServerRefusal, TransientSyncError };

export interface SyncApi {
  /** Registers the device (with its signing key, when given) and answers its token. */
  registerDevice(deviceId: string, key?: DeviceKey): Promise<string>;
  push(
    token: string,
    deviceId: string,
    records: PushedRecord[],
    highWater?: number,
  ): Promise<PushResponse>;
  /** What the server settled of this device's pushes as the token's owner. */
  mark(token: string, deviceId: string): Promise<PushMark>;
  /** One page of a kind's records after `since`: the caller's own, or a scope's (`org:<id>`). */
  pull(
    token: string,
    kind: RecordKindName,
    since: number,
    limit: number,
    scope?: string,
  ): Promise<PullResponse>;
}

type Fetch = typeof fetch;

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch (cause) {
    throw new TransientSyncError(`Unreadable answer (${response.status})`, { cause });
  }
}

export async function call<T>(
  doFetch: Fetch,
  url: string,
  init: RequestInit,
  parse: (body: unknown) => T,
): Promise<T> {
  let response: Response;
  try {
    response = await doFetch(url, init);
  } catch (cause) {
    throw new TransientSyncError('No connection to the server', { cause });
  }
  const body = await readJson(response);
  if (response.ok) {
    try {
      return parse(body);
    } catch (cause) {
      throw new TransientSyncError('Unexpected answer from the server', { cause });
    }
  }
  const refusal = errorResponseSchema.safeParse(body);
  if (response.status >= 500 || !refusal.success) {
    throw new TransientSyncError(`Server error ${response.status}`);
  }
  throw new ServerRefusal(refusal.data.error.code, refusal.data.error.message, response.status);
}

/** The HTTP side of sync, speaking the contract in src/protocol. */
export function createSyncApi(baseUrl: string, doFetch: Fetch = fetch): SyncApi {
  const json = { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };
  const auth = (token: string) => ({ ...json, authorization: `Bearer ${token}` });
  return {
    registerDevice: (deviceId, key) =>
      call(
        doFetch,
        `${baseUrl}/api/devices`,
        {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, deviceId, key }),
        },
        (body) => registerDeviceResponseSchema.parse(body).deviceToken,
      ),
    push: (token, deviceId, records, highWater) =>
      call(
        doFetch,
        `${baseUrl}/api/sync/push`,
        {
          method: 'POST',
          headers: auth(token),
          body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, deviceId, records, highWater }),
        },
        (body) => pushResponseSchema.parse(body),
      ),
    mark: (token, deviceId) =>
      call(
        doFetch,
        `${baseUrl}/api/sync/mark?deviceId=${deviceId}`,
        { method: 'GET', headers: auth(token) },
        (body) => pushMarkSchema.parse(body),
      ),
    pull: (token, kind, since, limit, scope) =>
      call(
        doFetch,
        `${baseUrl}/api/sync/pull?${new URLSearchParams({
          kind,
          since: String(since),
          limit: String(limit),
          ...(scope ? { scope } : {}),
        })}`,
        { method: 'GET', headers: auth(token) },
        (body) => pullResponseSchema.parse(body),
      ),
  };
}

/**
 * Calls the API as a signed-in account: JSON in and out, the protocol version and the bearer
 * token on every request, the answer checked by `parse`.
 */
export function accountCaller(baseUrl: string, doFetch: Fetch = fetch) {
  return <T>(
    method: 'GET' | 'POST' | 'PUT',
    token: string,
    path: string,
    parse: (b: unknown) => T,
    body?: unknown,
  ) =>
    call(
      doFetch,
      `${baseUrl}${path}`,
      {
        method,
        headers: {
          'content-type': 'application/json',
          [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
          authorization: `Bearer ${token}`,
        },
        ...(method === 'GET' ? {} : { body: JSON.stringify(body ?? {}) }),
      },
      parse,
    );
}
