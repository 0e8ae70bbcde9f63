import { useState } from 'react';
import { cleanHolderName, HolderNameError } from '../../data/certificates';
import type { ProfileRow } from '../../data/rows';
import { unsyncedCount } from '../../data/profiles';
import { PASSPORT_EXTENSION, type IssuedPassport } from '../../domain/passport/passport';
import { useTranslation } from '../../i18n';
import { shareOrSave } from '../../lib/shareFile';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/TextField';

/** Asks the server for a fresh passport (the app wires it to the sync layer). */
export type IssuePassport = (profileId: string, holderName: string) => Promise<IssuedPassport>;

type Outcome =
  | { kind: 'saved' | 'shared'; fileName: string; unsynced: number }
  | { kind: 'offline' | 'nothingSynced' | 'nameEmpty' | 'nameTooLong' | 'failed' };

/**
 * "Lưu hồ sơ học tập": a fresh passport from the server (it needs a connection once), saved as
 * a file through the share sheet or Downloads. What has not reached the server is not in it,
 * and the person is told so.
 */
export function SavePassport({ profile, issue }: { profile: ProfileRow; issue: IssuePassport }) {
  const { t } = useTranslation();
  const [name, setName] = useState(profile.name);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const save = async () => {
    setOutcome(null);
    let holderName: string;
    try {
      holderName = cleanHolderName(name);
    } catch (failure) {
      if (!(failure instanceof HolderNameError)) throw failure;
      return setOutcome({ kind: failure.reason === 'empty' ? 'nameEmpty' : 'nameTooLong' });
    }
    setBusy(true);
    try {
      const unsynced = await unsyncedCount(profile.id);
      const issued = await issue(profile.id, holderName);
      if (!issued.ok) {
        return setOutcome({ kind: issued.problem === 'offline' ? 'offline' : 'nothingSynced' });
      }
      const fileName = `ho-so-hoc-tap-${issued.issuedAt.slice(0, 10)}${PASSPORT_EXTENSION}`;
      const how = await shareOrSave(issued.bytes, fileName);
      if (how !== 'cancelled') setOutcome({ kind: how, fileName, unsynced });
    } catch (failure) {
      console.error('Passport not saved', failure);
      setOutcome({ kind: 'failed' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="passport-save">
      <TextField
        id="passport-holder"
        label={t('certificates.passport.nameLabel')}
        hint={t('certificates.request.nameHint')}
        value={name}
        onChange={setName}
        autoComplete="name"
        maxLength={120}
      />
      <Button className="button-wide" disabled={busy} onClick={() => void save()}>
        {busy ? t('certificates.passport.saving') : t('certificates.passport.save')}
      </Button>
      {outcome && (outcome.kind === 'saved' || outcome.kind === 'shared') && (
        <>
          <Notice tone="success">
            {t(`certificates.passport.${outcome.kind}`, { name: outcome.fileName })}
          </Notice>
          {outcome.unsynced > 0 && (
            <Notice tone="warning">
              {t('certificates.passport.notYet', { count: outcome.unsynced })}
            </Notice>
          )}
        </>
      )}
      {outcome && outcome.kind !== 'saved' && outcome.kind !== 'shared' && (
        <Notice tone={outcome.kind === 'failed' ? 'error' : 'warning'}>
          {t(`certificates.passport.${outcome.kind}`)}
        </Notice>
      )}
    </div>
  );
}
