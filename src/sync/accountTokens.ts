import { deleteCredentials, getCredentials, updateTokens } from '../data/credentials';
import { createAccountApi } from './accountApi';
import type { SyncAuth } from './engine';
import { ServerRefusal } from './http';

/**
 * The one refresh of a signed-in profile's tokens: a new pair is saved; a refresh token the
 * server no longer takes signs the profile out on this phone (its credentials go), so nothing
 * keeps retrying with a dead session. Returns the new access token.
 */
export function refreshAccountTokens(profileId: string): Promise<string> {
  // One refresh at a time per profile: a screen's read and the sync engine that both meet an
  // expired token would otherwise spend the same refresh token twice, and the server takes a
  // spent one for a stolen one and signs the profile out.
  const running = refreshing.get(profileId);
  if (running) return running;
  const refresh = refreshOnce(profileId).finally(() => refreshing.delete(profileId));
  refreshing.set(profileId, refresh);
  return refresh;
}

const refreshing = new Map<string, Promise<string>>();

async function refreshOnce(profileId: string): Promise<string> {
  const credentials = await getCredentials(profileId);
  if (!credentials) throw new ServerRefusal('unauthorized', 'Signed out', 401);
  try {
    const tokens = await createAccountApi(window.location.origin).refresh(credentials.refreshToken);
    await updateTokens(profileId, tokens);
    return tokens.accessToken;
  } catch (error) {
    if (error instanceof ServerRefusal && error.code === 'unauthorized') {
      await deleteCredentials(profileId);
    }
    throw error;
  }
}

/** The access token a signed-in profile calls with. */
export async function accountToken(profileId: string): Promise<string> {
  const credentials = await getCredentials(profileId);
  if (!credentials) throw new ServerRefusal('unauthorized', 'Signed out', 401);
  return credentials.accessToken;
}

/** Calls the server with the profile's access token, refreshing it once if it was refused. */
export async function withAccountToken<T>(
  profileId: string,
  action: (token: string) => Promise<T>,
): Promise<T> {
  try {
    return await action(await accountToken(profileId));
  } catch (error) {
    if (!(error instanceof ServerRefusal) || error.code !== 'unauthorized') throw error;
    return action(await refreshAccountTokens(profileId));
  }
}

/** A signed-in profile's tokens for the sync engine; a refused token is refreshed once. */
export function accountAuth(profileId: string): SyncAuth {
  return {
    token: () => accountToken(profileId),
    async forget() {
      try {
        await refreshAccountTokens(profileId);
      } catch (error) {
        // Signed out, or the refresh was refused for now: the next call says so.
        if (!(error instanceof ServerRefusal)) throw error;
      }
    },
  };
}
