import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { ServerRefusal, TransientSyncError } from '../../sync/http';

/** Runs a call to the server and turns a failure into words a person can act on. */
export function useAccountAction() {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** `words` names the refusals the caller explains itself (by error code). */
  async function run<T>(
    action: () => Promise<T>,
    words: Partial<Record<string, string>> = {},
  ): Promise<T | null> {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (failure) {
      const own = failure instanceof ServerRefusal ? words[failure.code] : undefined;
      if (own) setError(own);
      else if (failure instanceof ServerRefusal) {
        if (failure.code === 'unauthorized') setError(t('account.wrong'));
        else if (failure.code === 'conflict') setError(t('account.taken'));
        else if (failure.code === 'invalid_body')
          setError(t('account.invalid', { detail: failure.message }));
        else setError(t('account.failed'));
      } else if (failure instanceof TransientSyncError) {
        setError(t('account.offline'));
      } else {
        setError(t('account.failed'));
      }
      return null;
    } finally {
      setBusy(false);
    }
  }

  return { run, error, busy };
}
