import { useState } from 'react';
import { courseFileOf } from '../../data/content';
import { useTranslation } from '../../i18n';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { shareOrSave } from '../../lib/shareFile';

type Outcome = 'saving' | 'shared' | 'saved' | 'unsigned' | 'absent' | 'failed';

/**
 * "Lưu thành tệp để chia sẻ": saves an installed course or walkthrough as one file (its pack and
 * the server's signature) and offers it to the share sheet, else to the downloads.
 */
export function SaveCourseFile({ packId, title }: { packId: string; title: string }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<{ kind: Outcome; fileName?: string } | null>(null);

  const save = async () => {
    setOutcome({ kind: 'saving' });
    try {
      const file = await courseFileOf(packId);
      if (typeof file === 'string') return setOutcome({ kind: file });
      const done = await shareOrSave(file.bytes, file.fileName);
      setOutcome(done === 'cancelled' ? null : { kind: done, fileName: file.fileName });
    } catch (error) {
      console.error(`Course file of ${packId} not saved`, error);
      setOutcome({ kind: 'failed' });
    }
  };

  return (
    <div className="course-file">
      <Button
        variant="secondary"
        className="button-wide"
        aria-label={t('learn.courseFile.saveLabel', { title })}
        disabled={outcome?.kind === 'saving'}
        onClick={() => void save()}
      >
        {t('learn.courseFile.save')}
      </Button>
      {outcome && outcome.kind !== 'saving' && (
        <Notice
          tone={outcome.kind === 'saved' || outcome.kind === 'shared' ? 'success' : 'warning'}
        >
          {t(`learn.courseFile.${outcome.kind}`, { name: outcome.fileName })}
        </Notice>
      )}
    </div>
  );
}
