import { useCallback, useState } from 'react';
import { StorageFullError } from '../../data/errors';
import { recordEvent } from '../../data/learning';
import { useTranslation } from '../../i18n';
import type { EventPayload, EventType } from '../../protocol';
import { useSession } from '../../state/session';
import { syncSoon } from '../../sync/control';

/**
 * Records what the person did, asks for a sync soon, and turns a failed write into a message
 * they can act on. Nothing is half-written: the event, progress and outbox commit together.
 */
export function useRecorder() {
  const { t } = useTranslation();
  const profileId = useSession((s) => s.profileId);
  const [error, setError] = useState<string | null>(null);

  const record = useCallback(
    async <T extends EventType>(type: T, payload: EventPayload<T>): Promise<boolean> => {
      try {
        await recordEvent(profileId, type, payload);
        setError(null);
        syncSoon();
        return true;
      } catch (failure) {
        console.error('Could not record', failure);
        setError(
          failure instanceof StorageFullError
            ? t('app.errors.storageFull')
            : t('app.errors.unexpected'),
        );
        return false;
      }
    },
    [profileId, t],
  );

  return { record, error };
}
