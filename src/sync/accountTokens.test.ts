import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getCredentials, saveCredentials } from '../data/credentials';
import { database } from '../data/db';
import { createProfile } from '../data/profiles';
import { refreshAccountTokens } from './accountTokens';

describe('refreshing an account’s tokens', () => {
  beforeEach(async () => {
    await database().delete({ disableAutoOpen: false });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('spends a refresh token once when a screen and the sync engine both find it expired', async () => {
    const profileId = await createProfile({ name: 'Mai', avatar: 'leaf' });
    await saveCredentials(profileId, {
      account: { id: '0b9f3c4e-1a2b-4c3d-8e4f-5a6b7c8d9e0f', displayName: 'Mai' },
      accessToken: 'old-access',
      refreshToken: 'old-refresh',
    });
    const spent = new Set<string>();
    let calls = 0;
    // The server's rule: a refresh token works once; a spent one signs the sign-in out.
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      calls += 1;
      const { refreshToken } = JSON.parse(String(init.body)) as { refreshToken: string };
      await new Promise((done) => setTimeout(done, 10));
      if (spent.has(refreshToken)) {
        return Response.json(
          { error: { code: 'unauthorized', message: 'spent' } },
          { status: 401 },
        );
      }
      spent.add(refreshToken);
      return Response.json({
        accessToken: `new-access-${calls}`,
        refreshToken: `new-refresh-${calls}`,
      });
    });
    const [a, b] = await Promise.all([
      refreshAccountTokens(profileId),
      refreshAccountTokens(profileId),
    ]);
    expect([a, b]).toEqual(['new-access-1', 'new-access-1']);
    expect(calls).toBe(1);
    expect(await getCredentials(profileId)).toMatchObject({
      accessToken: 'new-access-1',
      refreshToken: 'new-refresh-1',
    });
    // A later expiry refreshes again, with the new token.
    expect(await refreshAccountTokens(profileId)).toBe('new-access-2');
  });
});
