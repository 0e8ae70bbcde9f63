import { useTranslation } from '../../i18n';
import { setSession, useSession } from '../../state/session';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';

/** Says plainly when the phone cannot read aloud in the chosen language, and how to fix it. */
export function ReadAloudNotice() {
  const { t } = useTranslation();
  const problem = useSession((s) => s.readAloudProblem);
  if (!problem) return null;
  return (
    <Notice tone="warning">
      {problem === 'no-voice' ? t('learn.readAloud.noVoice') : t('learn.readAloud.unsupported')}{' '}
      <Button variant="quiet" onClick={() => setSession({ readAloudProblem: null })}>
        {t('learn.readAloud.dismiss')}
      </Button>
    </Notice>
  );
}
