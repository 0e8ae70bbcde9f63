import { getCredentials, updateTokens } from '../../data/credentials';
import { createAccountApi } from '../../sync/accountApi';
import { ServerRefusal } from '../../sync/http';

/** Calls the server with the profile's access token, refreshing it once if it was refused. */
export async function withToken<T>(
  profileId: string,
  action: (token: string) => Promise<T>,
): Promise<T> {
  const credentials = await getCredentials(profileId);
  if (!credentials) throw new ServerRefusal('unauthorized', 'Signed out', 401);
  try {
    return await action(credentials.accessToken);
  } catch (error) {
    if (!(error instanceof ServerRefusal) || error.code !== 'unauthorized') throw error;
    const tokens = await createAccountApi(window.location.origin).refresh(credentials.refreshToken);
    await updateTokens(profileId, tokens);
    return action(tokens.accessToken);
  }
}
