import {
  errorResponseSchema,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  rosterRefusalSchema,
  type RosterProblem,
} from '../protocol';
import { ServerRefusal, TransientSyncError } from '../lib/httpErrors';

/** What the server did with a list: imported it (its answer), or refused rows (nothing imported). */
export type SheetImportOutcome<T> = ({ ok: true } & T) | { ok: false; problems: RosterProblem[] };

/**
 * Sends a checked list (a class's roster, an agency's staff) to `path`. The server checks it
 * again and may still refuse rows: those come back as problems, like the app's own, with nothing
 * imported. Any other refusal is a ServerRefusal, no answer a TransientSyncError.
 */
export async function importSheet<T>(
  token: string,
  path: string,
  rows: unknown[],
  imported: (body: unknown) => T,
): Promise<SheetImportOutcome<T>> {
  let response: Response;
  try {
    response = await fetch(`${window.location.origin}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ rows }),
    });
  } catch (cause) {
    throw new TransientSyncError('No connection to the server', { cause });
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, ...imported(body) };
  const refusal = rosterRefusalSchema.safeParse(body);
  if (refusal.success) return { ok: false, problems: refusal.data.error.rows };
  const error = errorResponseSchema.safeParse(body);
  if (response.status < 500 && error.success) {
    throw new ServerRefusal(error.data.error.code, error.data.error.message, response.status);
  }
  throw new TransientSyncError(`Server error ${response.status}`);
}
