import { useState } from 'react';
import { catalogueEntries, installCourseFile } from '../../data/content';
import { StorageFullError } from '../../data/errors';
import type { CourseFileRefusal } from '../../domain/content/courseFile';
import { useLanguage, useTranslation } from '../../i18n';
import { Notice } from '../../ui/Notice';
import { FileButton } from '../../ui/FileButton';

type Step =
  | { phase: 'idle' | 'reading' }
  | { phase: 'installed' | 'already'; title: string }
  | { phase: 'refused'; reason: CourseFileRefusal | 'full' | 'failed' };

/**
 * "Mở tệp bài học": installs a course file received from another phone, offline, after checking
 * it is genuine and not older than what is here. Each refusal says why; nothing changes then.
 */
export function OpenCourseFile({ onInstalled }: { onInstalled?: (packId: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [step, setStep] = useState<Step>({ phase: 'idle' });

  const open = async (file: File | undefined) => {
    if (!file) return;
    setStep({ phase: 'reading' });
    try {
      const outcome = await installCourseFile(new Uint8Array(await file.arrayBuffer()));
      if (!outcome.ok) return setStep({ phase: 'refused', reason: outcome.reason });
      const entry = (await catalogueEntries()).find((row) => row.id === outcome.packId);
      const title =
        (entry?.courses[0] ?? entry?.walkthroughs[0])?.title[language] ?? outcome.packId;
      setStep({ phase: outcome.alreadyInstalled ? 'already' : 'installed', title });
      if (!outcome.alreadyInstalled) onInstalled?.(outcome.packId);
    } catch (error) {
      console.error('Course file not opened', error);
      setStep({ phase: 'refused', reason: error instanceof StorageFullError ? 'full' : 'failed' });
    }
  };

  return (
    <div className="course-file course-file-open">
      <FileButton label={t('learn.courseFile.open')} onFile={(file) => void open(file)} />
      {step.phase === 'reading' && <p role="status">{t('learn.courseFile.reading')}</p>}
      {(step.phase === 'installed' || step.phase === 'already') && (
        <Notice tone="success">{t(`learn.courseFile.${step.phase}`, { title: step.title })}</Notice>
      )}
      {step.phase === 'refused' && (
        <Notice tone="error">
          {t(`learn.courseFile.refused.${step.reason}`)} {t('learn.courseFile.nothingChanged')}
        </Notice>
      )}
    </div>
  );
}
