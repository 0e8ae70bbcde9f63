import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import './PinPad.css';

export interface PinPadProps {
  title: string;
  /** Called with 4 digits; resolves to an error to show, or null when accepted. */
  onComplete: (pin: string) => Promise<string | null>;
  onCancel?: () => void;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

/** A big number pad for a 4-digit PIN: no keyboard, no reading needed beyond the digits. */
export function PinPad({ title, onComplete, onCancel }: PinPadProps) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const press = async (digit: string) => {
    if (busy || pin.length >= 4) return;
    const next = pin + digit;
    setPin(next);
    if (next.length < 4) return;
    setBusy(true);
    const problem = await onComplete(next);
    setBusy(false);
    setError(problem);
    setPin('');
  };

  return (
    <section className="pin-pad" aria-labelledby="pin-title">
      <h2 id="pin-title">{title}</h2>
      <p
        className="pin-dots"
        role="status"
        aria-label={t('profiles.pin.entered', { count: pin.length })}
      >
        {[0, 1, 2, 3].map((i) => (
          <span key={i} className="pin-dot" data-filled={i < pin.length} />
        ))}
      </p>
      {error && <Notice tone="error">{error}</Notice>}
      <div className="pin-keys">
        {DIGITS.map((digit) => (
          <Button
            key={digit}
            variant="secondary"
            className={digit === '0' ? 'pin-zero' : undefined}
            aria-label={t('profiles.pin.digit', { digit })}
            disabled={busy}
            onClick={() => void press(digit)}
          >
            {digit}
          </Button>
        ))}
        <Button
          variant="quiet"
          aria-label={t('profiles.pin.delete')}
          disabled={busy || pin.length === 0}
          onClick={() => setPin((p) => p.slice(0, -1))}
        >
          {'⌫'}
        </Button>
      </div>
      {onCancel && (
        <Button variant="quiet" className="button-wide" onClick={onCancel}>
          {t('profiles.create.cancel')}
        </Button>
      )}
    </section>
  );
}
