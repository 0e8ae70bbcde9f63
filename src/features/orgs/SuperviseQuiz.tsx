import { useState } from 'react';
import './SuperviseQuiz.css';
import { useCourses } from '../../data/hooks';
import { useLanguage, useTranslation } from '../../i18n';
import { createOrgApi } from '../../sync/orgApi';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/SelectField';
import { Notice } from '../../ui/Notice';
import { formatDate, formatTime } from './format';
import type { RosterMember } from './roster';
import { useOrgAction } from './useOrgAction';

/**
 * A teacher or volunteer beside a learner records that the learner takes a course's quiz under
 * their supervision: the certificate the learner earns next for it says so.
 */
export function SuperviseQuiz({ orgId, member }: { orgId: string; member: RosterMember }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const courses = useCourses();
  const [courseId, setCourseId] = useState('');
  const [until, setUntil] = useState<string | null>(null);
  const { run, error, busy } = useOrgAction();

  const attest = async () => {
    setUntil(null);
    const attestation = await run(
      (token) =>
        createOrgApi(window.location.origin).attest(token, orgId, member.accountId, courseId),
      {
        conflict: t('orgs.supervise.alreadyCertified'),
        forbidden: t('orgs.supervise.notAllowed'),
        not_found: t('orgs.supervise.notLearner'),
      },
    );
    if (attestation) {
      const at = attestation.expiresAt;
      setUntil(`${formatTime(at, language)} ${formatDate(at)}`);
    }
  };

  return (
    <details className="supervise">
      <summary>{t('orgs.supervise.open')}</summary>
      <p className="muted">{t('orgs.supervise.intro', { name: member.displayName })}</p>
      <SelectField
        label={t('orgs.supervise.course')}
        value={courseId}
        options={[
          { value: '', label: t('orgs.supervise.pick') },
          ...(courses ?? []).map((course) => ({ value: course.id, label: course.title[language] })),
        ]}
        onChange={setCourseId}
      />
      <Button disabled={busy || courseId === ''} onClick={() => void attest()}>
        {t('orgs.supervise.confirm')}
      </Button>
      {error && <Notice tone="error">{error}</Notice>}
      {until && (
        <Notice tone="success">
          {t('orgs.supervise.done', { name: member.displayName, time: until })}
        </Notice>
      )}
    </details>
  );
}
