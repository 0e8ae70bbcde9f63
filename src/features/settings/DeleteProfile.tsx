import { useState } from 'react';
import { useNavigate } from 'react-router';
import { deleteProfile, unsyncedCount } from '../../data/profiles';
import type { ProfileRow } from '../../data/rows';
import { useTranslation } from '../../i18n';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { closeProfile } from '../profiles/openProfile';
import { useProfileName } from '../profiles/useProfileName';

/** Deletes the profile and all its data from this phone, after saying what would be lost. */
export function DeleteProfile({ profile }: { profile: ProfileRow }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const nameOf = useProfileName();
  const [unsynced, setUnsynced] = useState<number | null>(null);

  const remove = async () => {
    closeProfile();
    await deleteProfile(profile.id);
    void navigate('/profiles');
  };

  return (
    <section className="settings-group danger-zone">
      {unsynced === null ? (
        <Button
          variant="secondary"
          className="button-danger"
          onClick={() => void unsyncedCount(profile.id).then(setUnsynced)}
        >
          {t('profiles.delete.button')}
        </Button>
      ) : (
        <div role="alertdialog" aria-labelledby="delete-question">
          <p id="delete-question">{t('profiles.delete.confirm', { name: nameOf(profile) })}</p>
          {unsynced > 0 && (
            <Notice tone="warning">{t('profiles.delete.unsynced', { count: unsynced })}</Notice>
          )}
          <div className="button-row">
            <Button className="button-danger-solid" onClick={() => void remove()}>
              {t('profiles.delete.yes')}
            </Button>
            <Button variant="secondary" onClick={() => setUnsynced(null)}>
              {t('profiles.delete.no')}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
