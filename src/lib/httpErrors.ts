import type { ErrorCode } from '../protocol';

/** A refusal the server stated with a typed code. */
export class ServerRefusal extends Error {
  override name = 'ServerRefusal';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** No answer, or an answer we could not read: worth trying again later. */
export class TransientSyncError extends Error {
  override name = 'TransientSyncError';
}
