import { useState } from 'react';
import { StorageFullError } from '../../data/errors';
import { addPassport, openPassport, type PassportTarget } from '../../data/passports';
import type { ProfileRow } from '../../data/rows';
import type { PassportRefusal } from '../../domain/passport/passport';
import { useTranslation } from '../../i18n';
import type { Passport } from '../../protocol';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { PassportRecord } from './PassportRecord';
import { FileButton } from '../../ui/FileButton';

type Step =
  | { phase: 'idle' | 'reading' }
  | { phase: 'opened'; passport: Passport; addedTo: string | null }
  | { phase: 'added'; passport: Passport; target: PassportTarget['kind'] }
  | { phase: 'refused'; reason: PassportRefusal | 'full' | 'failed' };

/**
 * "Mở hồ sơ học tập": verifies a passport offline and shows whose record it is, so a teacher
 * or commune checks it without adding it; the holder adds it to this phone as a new learner
 * or to the profile open now (`profile`, none on a phone with nobody on it yet). Each refusal
 * says why; nothing changes then. `onAdded` takes over once it is added (the welcome opens
 * the new learner).
 */
export function OpenPassport({
  profile,
  onAdded,
}: {
  profile?: ProfileRow;
  onAdded?: (profileId: string) => void;
}) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ phase: 'idle' });

  const open = async (file: File | undefined) => {
    if (!file) return;
    setStep({ phase: 'reading' });
    try {
      const opened = await openPassport(new Uint8Array(await file.arrayBuffer()));
      setStep(opened.ok ? { phase: 'opened', ...opened } : { phase: 'refused', ...opened });
    } catch (failure) {
      console.error('Passport not opened', failure);
      setStep({ phase: 'refused', reason: 'failed' });
    }
  };

  const add = async (passport: Passport, target: PassportTarget) => {
    try {
      const added = await addPassport(passport, target);
      if (!added.ok) return setStep({ phase: 'refused', reason: added.reason });
      if (onAdded) return onAdded(added.profileId);
      setStep({ phase: 'added', passport, target: target.kind });
    } catch (failure) {
      console.error('Passport not added', failure);
      const full = failure instanceof StorageFullError;
      setStep({ phase: 'refused', reason: full ? 'full' : 'failed' });
    }
  };

  return (
    <div className="passport-open">
      <FileButton label={t('certificates.passport.open')} onFile={(file) => void open(file)} />
      {step.phase === 'reading' && <p role="status">{t('certificates.passport.reading')}</p>}
      {step.phase === 'refused' && (
        <Notice tone="error">
          {t(`certificates.passport.refused.${step.reason}`)}{' '}
          {t('certificates.passport.nothingChanged')}
        </Notice>
      )}
      {(step.phase === 'opened' || step.phase === 'added') && (
        <PassportRecord passport={step.passport} />
      )}
      {step.phase === 'opened' && step.addedTo !== null && (
        <Notice tone="info">{t('certificates.passport.alreadyAdded')}</Notice>
      )}
      {step.phase === 'opened' && step.addedTo === null && (
        <div className="passport-actions">
          <Button className="button-wide" onClick={() => void add(step.passport, { kind: 'new' })}>
            {t('certificates.passport.addNew')}
          </Button>
          {profile && !profile.guest && (
            <Button
              variant="secondary"
              className="button-wide"
              onClick={() => void add(step.passport, { kind: 'profile', profileId: profile.id })}
            >
              {t('certificates.passport.addHere')}
            </Button>
          )}
        </div>
      )}
      {step.phase === 'added' && (
        <Notice tone="success">
          {step.target === 'new'
            ? t('certificates.passport.addedNew', { name: step.passport.holderName })
            : t('certificates.passport.addedHere')}
        </Notice>
      )}
    </div>
  );
}
