import { getCredentials } from '../data/credentials';
import { readMeta } from '../data/meta';
import { encodePassportFile, type IssuedPassport } from '../domain/passport/passport';
import { passportSchema, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../protocol';
import { withAccountToken } from './accountTokens';
import { call, ServerRefusal } from './http';

/**
 * Asks the server for a fresh passport of one profile: with its account's token when the
 * profile is signed in (the account's whole record), else with the device's token (that
 * profile's record from this phone). Only what the server holds goes in.
 */
export async function issuePassport(
  profileId: string,
  holderName: string,
  doFetch: typeof fetch = fetch,
): Promise<IssuedPassport> {
  const ask = (token: string) =>
    call(
      doFetch,
      `${window.location.origin}/api/passports`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify({ profileId, holderName }),
      },
      (body) => passportSchema.parse(body),
    );
  try {
    const deviceToken = await readMeta('deviceToken');
    const passport = (await getCredentials(profileId))
      ? await withAccountToken(profileId, ask)
      : typeof deviceToken === 'string'
        ? await ask(deviceToken)
        : null;
    if (!passport) return { ok: false, problem: 'nothing_synced' };
    return { ok: true, bytes: await encodePassportFile(passport), issuedAt: passport.issuedAt };
  } catch (error) {
    if (error instanceof ServerRefusal && error.code === 'not_found') {
      return { ok: false, problem: 'nothing_synced' };
    }
    if (error instanceof ServerRefusal) throw error;
    return { ok: false, problem: 'offline' };
  }
}
