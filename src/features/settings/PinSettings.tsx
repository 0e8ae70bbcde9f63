import { useState } from 'react';
import { setPin } from '../../data/profiles';
import type { ProfileRow } from '../../data/rows';
import { useTranslation } from '../../i18n';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { PinPad } from '../profiles/PinPad';

/** Set, change or remove the profile's PIN; a new PIN is entered twice. */
export function PinSettings({ profile }: { profile: ProfileRow }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<'idle' | 'first' | 'confirm'>('idle');
  const [first, setFirst] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  const choose = async (pin: string) => {
    setFirst(pin);
    setStep('confirm');
    return null;
  };
  const confirm = async (pin: string) => {
    if (pin !== first) {
      setStep('first');
      return t('profiles.pin.mismatch');
    }
    await setPin(profile.id, pin);
    setStep('idle');
    setMessage(t('profiles.pin.saved'));
    return null;
  };

  return (
    <section className="settings-group" aria-labelledby="pin-settings">
      <h2 id="pin-settings">{t('settings.security')}</h2>
      <p className="muted">{t('profiles.pin.explain')}</p>
      {message && <Notice tone="success">{message}</Notice>}
      {step === 'idle' && (
        <div className="button-row">
          <Button variant="secondary" onClick={() => setStep('first')}>
            {profile.pin ? t('profiles.pin.change') : t('profiles.pin.set')}
          </Button>
          {profile.pin && (
            <Button
              variant="quiet"
              onClick={() =>
                void setPin(profile.id, null).then(() => setMessage(t('profiles.pin.removed')))
              }
            >
              {t('profiles.pin.remove')}
            </Button>
          )}
        </div>
      )}
      {step === 'first' && (
        <PinPad
          title={t('profiles.pin.setTitle')}
          onComplete={choose}
          onCancel={() => setStep('idle')}
        />
      )}
      {step === 'confirm' && (
        <PinPad
          title={t('profiles.pin.confirmTitle')}
          onComplete={confirm}
          onCancel={() => setStep('idle')}
        />
      )}
    </section>
  );
}
