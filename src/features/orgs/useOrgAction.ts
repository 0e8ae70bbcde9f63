import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { useSession } from '../../state/session';
import { ServerRefusal } from '../../sync/http';
import { withAccountToken } from '../../sync/accountTokens';

/**
 * Runs a manager's or member's call to the server with the profile's token and turns a refusal
 * into words: `words` names the refusals the caller explains itself (by error code).
 */
export function useOrgAction() {
  const { t } = useTranslation();
  const profileId = useSession((s) => s.profileId);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run<T>(
    action: (token: string) => Promise<T>,
    words: Partial<Record<string, string>> = {},
  ): Promise<T | null> {
    setBusy(true);
    setError(null);
    try {
      return await withAccountToken(profileId, action);
    } catch (failure) {
      if (failure instanceof ServerRefusal)
        setError(words[failure.code] ?? t('orgs.errors.failed'));
      else setError(t('orgs.errors.offline'));
      return null;
    } finally {
      setBusy(false);
    }
  }

  return { run, error, busy, clear: () => setError(null) };
}
