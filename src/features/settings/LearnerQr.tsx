import { useState } from 'react';
import type { ProfileRow } from '../../data/rows';
import { learnerQrText } from '../../domain/learnerQr';
import { useTranslation } from '../../i18n';
import { Button } from '../../ui/Button';

/**
 * The learner's own QR, shown when they choose to: a volunteer who helps them scans it to note
 * who was helped. It holds only this profile's random id on the phone and its name.
 */
export function LearnerQr({ profile }: { profile: ProfileRow }) {
  const { t } = useTranslation();
  const [qr, setQr] = useState<string | null>(null);

  const show = async () => {
    // The QR library loads only here, when the learner asks for their code.
    const { toString } = await import('qrcode');
    const svg = await toString(learnerQrText({ ref: profile.id, name: profile.name }), {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 2,
    });
    setQr(`data:image/svg+xml,${encodeURIComponent(svg)}`);
  };

  return (
    <section className="settings-group" aria-labelledby="learner-qr">
      <h2 id="learner-qr">{t('settings.learnerQr.title')}</h2>
      <p className="muted">{t('settings.learnerQr.explain')}</p>
      {qr ? (
        <>
          <img
            className="join-code-qr"
            src={qr}
            alt={t('settings.learnerQr.alt', { name: profile.name })}
          />
          <Button variant="quiet" onClick={() => setQr(null)}>
            {t('settings.learnerQr.hide')}
          </Button>
        </>
      ) : (
        <Button variant="secondary" onClick={() => void show()}>
          {t('settings.learnerQr.show')}
        </Button>
      )}
    </section>
  );
}
