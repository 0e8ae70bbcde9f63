import { useTranslation } from '../../i18n';
import { Button } from '../../ui/Button';
import { ButtonLink } from '../../ui/ButtonLink';
import { Notice } from '../../ui/Notice';
import { CERTIFICATES_PATH } from '../certificates/paths';
import { coursePath } from './paths';

export interface QuizResultProps {
  score: number;
  total: number;
  needed: number;
  passed: boolean;
  courseId: string;
  onRetry: () => void;
}

export function QuizResult({ score, total, needed, passed, courseId, onRetry }: QuizResultProps) {
  const { t } = useTranslation();
  return (
    <section className="result" aria-live="polite">
      <p className="result-score">{t('learn.quiz.result', { score, total })}</p>
      <Notice tone={passed ? 'success' : 'warning'}>
        {passed ? t('learn.quiz.passed') : t('learn.quiz.notPassed', { needed })}
      </Notice>
      {passed && (
        <ButtonLink to={CERTIFICATES_PATH} className="button-wide">
          {t('certificates.fromQuiz')}
        </ButtonLink>
      )}
      <div className="result-actions">
        <Button variant={passed ? 'secondary' : 'primary'} onClick={onRetry}>
          {t('learn.quiz.retry')}
        </Button>
        <ButtonLink to={coursePath(courseId)} variant={passed ? 'primary' : 'secondary'}>
          {t('learn.quiz.backToCourse')}
        </ButtonLink>
      </div>
    </section>
  );
}
