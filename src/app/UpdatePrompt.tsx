import { useState } from 'react';
import { useTranslation } from '../i18n';
import { useSession } from '../state/session';
import { Button } from '../ui/Button';

/** "A new version — Update": shown when a new service worker is waiting; never forces a reload. */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const applyUpdate = useSession((s) => s.applyUpdate);
  const [dismissed, setDismissed] = useState(false);
  if (!applyUpdate || dismissed) return null;
  return (
    <div className="update-prompt" role="status">
      <span>{t('app.update.available')}</span>
      <span className="update-actions">
        <Button variant="quiet" onClick={() => setDismissed(true)}>
          {t('app.update.later')}
        </Button>
        <Button onClick={applyUpdate}>{t('app.update.accept')}</Button>
      </span>
    </div>
  );
}
