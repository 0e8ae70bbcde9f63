import autocannon from 'autocannon';
import { PROTOCOL_VERSION } from '../src/protocol';
import type { Timed } from './pushThroughput';

/** A new device registered on the server, as an app's first visit does: its token. */
export async function registerDevice(url: string, deviceId: string): Promise<string> {
  const response = await fetch(`${url}/api/devices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, deviceId }),
  });
  const { deviceToken } = (await response.json()) as { deviceToken: string };
  return deviceToken;
}

/** A device's token and its push bodies in outbox order, serialised before timing. */
export interface PushLane {
  token: string;
  bodies: string[];
}

/**
 * Every lane's pushes over one connection per lane (autocannon), each push timed from its
 * request to its answer. The requests go round the lanes (every lane's first body, then every
 * lane's second…). Each asks for a compressed answer as a phone's browser does, so the server
 * does its whole work; the answer is counted, not read, as a phone's CPU would read it.
 */
export async function timePushes(url: string, lanes: PushLane[]): Promise<Timed> {
  const requests = lanes[0]!.bodies.flatMap((_, batch) =>
    lanes.map((lane) => ({ token: lane.token, body: lane.bodies[batch]! })),
  );
  let next = 0;
  // Autocannon ends a run only at its next one-second sample, so its own duration rounds up:
  // the time is taken from the start to the last answer instead.
  let lastAnswer = 0;
  const latenciesMs: number[] = [];
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((done, fail) => {
    const instance = autocannon(
      {
        url,
        connections: lanes.length,
        amount: requests.length,
        requests: [
          {
            method: 'POST',
            path: '/api/sync/push',
            setupRequest: (request) => {
              const { token, body } = requests[next++ % requests.length]!;
              return {
                ...request,
                headers: {
                  'content-type': 'application/json',
                  'accept-encoding': 'gzip, deflate, br',
                  authorization: `Bearer ${token}`,
                },
                body,
              };
            },
            onResponse: () => {
              lastAnswer = performance.now();
            },
          },
        ],
      },
      (error: unknown, finished) => (error ? fail(error) : done(finished)),
    );
    instance.on('response', (_client, _status, _bytes, ms) => latenciesMs.push(ms));
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} pushes failed`);
  return { seconds: (lastAnswer - started) / 1000, latenciesMs };
}
