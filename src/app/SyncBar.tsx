import { useSyncCounts } from '../data/hooks';
import { useTranslation } from '../i18n';
import { useSession } from '../state/session';
import { useTeamVault } from '../state/teamVault';
import { syncNow } from '../sync/control';

function useSyncMessage(): string {
  const { t, i18n } = useTranslation();
  const counts = useSyncCounts();
  const sync = useSession((s) => s.sync);
  const teamLogOpen = useTeamVault((s) => s.key !== null);
  if (sync.phase === 'outdated') return t('sync.outdated');
  if (sync.phase === 'syncing') return t('sync.syncing');
  if (counts && counts.pendingVisits > 0 && !teamLogOpen) {
    return t('sync.unlockToSend', { count: counts.pendingVisits });
  }
  if (counts && counts.pending > 0) {
    const pending = t('sync.pending', { count: counts.pending });
    return sync.phase === 'retrying' ? `${pending} · ${t('sync.retrying')}` : pending;
  }
  if (sync.phase === 'refused') return t('sync.refusedBatch');
  if (counts?.lastSyncedAt) {
    const time = new Date(counts.lastSyncedAt).toLocaleTimeString(i18n.resolvedLanguage, {
      hour: '2-digit',
      minute: '2-digit',
    });
    return t('sync.syncedAt', { time });
  }
  return t('sync.neverSynced');
}

/** Online or not, what is waiting to sync and when it last did; a button to sync now. */
export function SyncBar() {
  const { t } = useTranslation();
  const online = useSession((s) => s.online);
  const syncing = useSession((s) => s.sync.phase === 'syncing');
  const counts = useSyncCounts();
  const message = useSyncMessage();
  return (
    <div className="sync-bar" data-online={online}>
      <div className="sync-text">
        <span className="connectivity">
          <span className="dot" aria-hidden="true" />
          {online ? t('sync.online') : t('sync.offline')}
        </span>
        <span className="sync-message" role="status" aria-live="polite">
          {message}
          {counts && counts.refused > 0 ? ` · ${t('sync.refused', { count: counts.refused })}` : ''}
        </span>
      </div>
      <button
        type="button"
        className="button button-secondary sync-button"
        onClick={syncNow}
        disabled={!online || syncing}
      >
        {t('sync.syncNow')}
      </button>
    </div>
  );
}
