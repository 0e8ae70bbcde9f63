import { useState } from 'react';
import { useWalkthroughProgress } from '../../data/hooks';
import { useTranslation } from '../../i18n';
import { useSession } from '../../state/session';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { useRecorder } from '../common/useRecorder';

/**
 * "I did it for real": recorded as an event that syncs, with whether a volunteer helped —
 * a volunteer beside the person can tick that and record it on the person's phone.
 */
export function DoneForReal({ walkthroughId }: { walkthroughId: string }) {
  const { t } = useTranslation();
  const profileId = useSession((s) => s.profileId);
  const progress = useWalkthroughProgress(profileId, walkthroughId);
  const { record, error } = useRecorder();
  const [open, setOpen] = useState(false);
  const [assisted, setAssisted] = useState(false);

  const save = async () => {
    if (await record('walkthrough.doneForReal', { walkthroughId, assisted })) setOpen(false);
  };

  return (
    <section className="settings-group" aria-labelledby="done-heading">
      <h2 id="done-heading">{t('walkthroughs.markDone')}</h2>
      {progress?.doneForReal && <Notice tone="success">{t('walkthroughs.doneRecorded')}</Notice>}
      {error && <Notice tone="error">{error}</Notice>}
      {open ? (
        <div className="form">
          <label className="switch-row">
            <input
              type="checkbox"
              checked={assisted}
              onChange={(e) => setAssisted(e.target.checked)}
            />
            <span>{t('walkthroughs.assisted')}</span>
          </label>
          <Button onClick={() => void save()}>{t('walkthroughs.markDoneSave')}</Button>
        </div>
      ) : (
        <Button variant="secondary" onClick={() => setOpen(true)}>
          {t('walkthroughs.markDone')}
        </Button>
      )}
    </section>
  );
}
